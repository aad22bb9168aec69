package org.probity.accounts;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.probity.HeadlessChromium;
import org.probity.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: someone who guessed wrong five times is told to wait, and someone
 * who comes too early on a first start is told the demo is still loading. Both pages pass
 * axe (WCAG 2.2 AA).
 */
@IntegrationTest
class SignInBrowserTests {

	static final String PASSWORD = "b6-password-long-enough";

	private static Playwright playwright;

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	SignInReadiness readiness;

	@BeforeAll
	static void startBrowser() {
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = HeadlessChromium.launch(playwright);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@Test
	void afterFiveWrongPasswordsThePageSaysHowLongToWait() {
		this.accounts.createOrReset("b6-hasty", "B6 Hasty", Role.QUALITY_TEAM, null, null, PASSWORD);
		try (Page page = browser.newPage()) {
			for (int attempt = 1; attempt <= 5; attempt++) {
				signIn(page, "b6-hasty", "wrong-" + attempt);
				assertThat(page.locator(".govuk-error-summary")).containsText("Enter a correct username and password");
			}
			assertNoAccessibilityViolations(page);

			signIn(page, "b6-hasty", PASSWORD);

			assertThat(page.locator(".govuk-error-summary"))
				.containsText("too many failed attempts to sign in to this account from this device");
			assertThat(page.locator(".govuk-error-summary")).containsText("Wait 1 minute, then try again.");
			assertNoAccessibilityViolations(page);
		}
	}

	@Test
	void whileTheDemoLoadsThePageSaysSoWithA503() {
		this.readiness.holdUntilReady("The demo provider is still loading.");
		try (Page page = browser.newPage()) {
			Response response = page.navigate(url("/sign-in"));
			assertThat(response.status()).isEqualTo(503);
			assertThat(page.locator("h1")).hasText("Probity is still loading");
			assertThat(page.locator("main")).containsText("Refresh this page in a minute");
			assertThat(page.locator("form")).hasCount(0);
			assertNoAccessibilityViolations(page);
		}
		finally {
			this.readiness.ready();
		}
	}

	private void signIn(Page page, String username, String password) {
		page.navigate(url("/sign-in"));
		page.getByLabel("Username").fill(username);
		page.getByLabel("Password").fill(password);
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
			.click();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static void assertNoAccessibilityViolations(Page page) {
		List<Rule> violations = new AxeBuilder(page)
			.withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
			.analyze()
			.getViolations();
		assertThat(violations)
			.as(() -> violations.stream()
				.map((v) -> v.getId() + ": " + v.getHelp() + " "
						+ v.getNodes().stream().map((n) -> n.getHtml()).toList())
				.collect(Collectors.joining("\n")))
			.isEmpty();
	}

}
