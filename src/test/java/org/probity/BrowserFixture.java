package org.probity;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.junit.jupiter.SpringExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one browser fixture of the page journeys: Debian's chromium driven by Playwright
 * (one browser for the whole test run, a fresh context, so a fresh session, for every
 * page), pages signed in through the sign-in form as an account of the test's data, and
 * the axe-core check every journey runs. In an {@link IntegrationTest}:
 * {@code @RegisterExtension static final BrowserFixture browser = new BrowserFixture();};
 * the class is skipped when chromium is not installed.
 */
public final class BrowserFixture implements BeforeAllCallback, AfterEachCallback, ExecutionCondition {

	/** The password {@link IntegrationTest} gives the {@code admin} account. */
	public static final String ADMIN_PASSWORD = "test-admin-password";

	/**
	 * The axe-core rules every page must pass: WCAG 2.0, 2.1 and 2.2, levels A and AA.
	 */
	static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserFixture.class);

	private Browser browser;

	private int port;

	private final List<BrowserContext> opened = new ArrayList<>();

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		return Files.isExecutable(HeadlessChromium.EXECUTABLE) ? ConditionEvaluationResult.enabled("chromium found")
				: ConditionEvaluationResult
					.disabled("Debian's chromium is not installed at " + HeadlessChromium.EXECUTABLE);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.browser = context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Chromium.class, (key) -> new Chromium(), Chromium.class)
			.browser();
		this.port = Integer.parseInt(SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port"));
	}

	/** Closes the contexts of the test's pages, and so their sessions. */
	@Override
	public void afterEach(ExtensionContext context) {
		this.opened.forEach(BrowserContext::close);
		this.opened.clear();
	}

	/** The address of a path of the application under test. */
	public String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	public int port() {
		return this.port;
	}

	/** The shared browser, for tests that set up contexts of their own (a phone). */
	public Browser browser() {
		return this.browser;
	}

	/** A page in a context of its own: no session, downloads accepted. */
	public Page newPage() {
		return newPage(new Browser.NewContextOptions());
	}

	public Page newPage(Browser.NewContextOptions options) {
		BrowserContext context = this.browser.newContext(options.setAcceptDownloads(true));
		this.opened.add(context);
		return context.newPage();
	}

	/**
	 * A new page signed in as the administrator of {@link IntegrationTest}, on the home
	 * page.
	 */
	public Page admin() {
		return signedIn("admin", ADMIN_PASSWORD);
	}

	/** A new page signed in through the form, on the home page. */
	public Page signedIn(String username, String password) {
		return signedIn(username, password, "/");
	}

	/**
	 * A new page that asked for {@code path}, was sent to the sign-in form, signed in and
	 * came back where sign-in leads (the path asked for).
	 */
	public Page signedIn(String username, String password, String path) {
		Page page = newPage();
		page.navigate(url(path));
		if (!page.url().contains("/sign-in")) {
			page.navigate(url("/sign-in"));
		}
		submitSignIn(page, username, password);
		page.waitForURL((url) -> !url.contains("/sign-in"));
		return page;
	}

	/** Fills in the sign-in form on the page and submits it, right or wrong. */
	public static void submitSignIn(Page page, String username, String password) {
		page.getByLabel("Username").fill(username);
		page.getByLabel("Password").fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
	}

	/** Fails with the rules axe-core finds broken on the page, and where. */
	public static void assertAccessible(Page page) {
		List<String> violations = accessibilityViolations(page);
		assertThat(violations).as(() -> page.url() + " fails axe-core:\n" + String.join("\n", violations)).isEmpty();
	}

	/**
	 * The WCAG A and AA rules axe-core finds broken on the page: rule, help, elements.
	 */
	public static List<String> accessibilityViolations(Page page) {
		return new AxeBuilder(page).withTags(WCAG_TAGS)
			.analyze()
			.getViolations()
			.stream()
			.map((v) -> v.getId() + ": " + v.getHelp() + " "
					+ v.getNodes().stream().map((n) -> n.getTarget() + " " + n.getHtml()).limit(5).toList())
			.toList();
	}

	/** Playwright and its chromium, closed once when the test run ends. */
	private static final class Chromium implements AutoCloseable {

		private final Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));

		private final Browser browser = HeadlessChromium.launch(this.playwright);

		Browser browser() {
			return this.browser;
		}

		@Override
		public void close() {
			this.browser.close();
			this.playwright.close();
		}

	}

}
