package org.probity.measures;

import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

import org.probity.HeadlessChromium;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.probity.measures.CaseDataFactory.CO;

/**
 * A senior manager reads the home page's overview in a real browser (Debian's chromium):
 * the grid is a table whose cells a screen reader announces with their unit and measure,
 * it scrolls and is followed with the keyboard alone, and it passes axe-core (WCAG 2.2
 * AA).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf("chromiumInstalled")
class OverviewBrowserTests {

	static final String PASSWORD = "ovb-password-long-enough";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeasureRecomputation recomputation;

	CaseDataFactory data;

	Playwright playwright;

	Browser browser;

	YearMonth month = YearMonth.now().minusMonths(1);

	static boolean chromiumInstalled() {
		return Files.isExecutable(HeadlessChromium.EXECUTABLE);
	}

	@BeforeAll
	void casesAndBrowser() {
		this.data = new CaseDataFactory(this.jdbc, "OVB", 'W').estate();
		LocalDate allocated = this.month.atDay(3);
		var met = this.data.event(CO, allocated, allocated, null);
		this.data.contact(met, allocated.plusDays(1), "ATTENDED_COMPLIED");
		this.recomputation.recomputeAll();
		this.accounts.createOrReset("ovb-senior", "OVB Senior", Role.SENIOR_MANAGER, null, this.data.provider(),
				PASSWORD);
		this.playwright = Playwright.create();
		this.browser = HeadlessChromium.launch(this.playwright);
	}

	@AfterAll
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
		if (this.playwright != null) {
			this.playwright.close();
		}
	}

	@Test
	void theOverviewIsATableReadAndFollowedWithTheKeyboard() {
		Page page = this.browser.newPage();
		page.navigate("http://localhost:" + this.port + "/");
		page.getByLabel("Username").fill("ovb-senior");
		page.getByLabel("Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		page.waitForURL((url) -> !url.contains("/sign-in"));
		page.navigate("http://localhost:" + this.port + "/");
		var table = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName(java.util.regex.Pattern
			.compile("Every measure for " + org.probity.shared.web.Format.month(this.month))));
		assertThat(table.count()).isEqualTo(1);
		assertThat(table.getByRole(AriaRole.ROWHEADER).allTextContents()).hasSize(7);
		assertThat(table.getByRole(AriaRole.COLUMNHEADER).count()).isEqualTo(17);
		assertNoAccessibilityViolations(page);

		// the scrolling region takes the focus, then its links follow in reading order
		page.locator(".probity-scroll").focus();
		assertThat(page.evaluate("document.activeElement.getAttribute('role')")).isEqualTo("region");
		page.keyboard().press("Tab");
		assertThat((String) page.evaluate("document.activeElement.getAttribute('href')"))
			.isEqualTo("/measures/SL001R?period=" + this.month + "&unit=" + this.data.provider());
		page.keyboard().press("Enter");
		page.waitForURL((url) -> url.contains("/measures/SL001R"));
		assertThat(page.locator("h1").textContent()).contains("Initial contact");
		page.close();
	}

	private static void assertNoAccessibilityViolations(Page page) {
		AxeResults results = new AxeBuilder(page)
			.withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
			.analyze();
		assertThat(results.getViolations())
			.as(() -> page.url() + ": " + results.getViolations().stream().map(Rule::getId).toList() + " "
					+ results.getViolations())
			.isEmpty();
	}

}
