package org.probity.equality;

import java.nio.file.Files;
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
import org.probity.measures.MeasureRecomputation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quality officer's journey in a real browser (Debian's chromium): the equality
 * overview, a measure's tables by characteristic, one group's cases; each page checked
 * with axe-core against WCAG 2.2 AA.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf("chromiumInstalled")
class EqualityJourneyBrowserTests {

	static final String PASSWORD = "eqb-password-long-enough";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeasureRecomputation recomputation;

	EqualityTestData data;

	Playwright playwright;

	Browser browser;

	static boolean chromiumInstalled() {
		return Files.isExecutable(HeadlessChromium.EXECUTABLE);
	}

	@BeforeAll
	void casesAndBrowser() {
		this.data = new EqualityTestData(this.jdbc, "EQB", 'B').firstQuarterOf2024();
		this.recomputation.recomputeAll();
		this.accounts.createOrReset("eqb-quality", "EQB Quality", Role.QUALITY_TEAM, null, null, PASSWORD);
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
	void fromTheOverviewToAGroupsCases() {
		Page page = this.browser.newPage();
		page.navigate("http://localhost:" + this.port + "/equality?period=2024-Q1&unit=" + this.data.team());
		page.getByLabel("Username").fill("eqb-quality");
		page.getByLabel("Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		page.waitForURL((url) -> url.contains("/equality"));
		assertThat(page.locator("h1").textContent()).contains("Equality");
		assertThat(page.content()).contains("Lower than the rest, significant");
		assertNoAccessibilityViolations(page);

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
			.setName("1 groups lower: Completion of community orders and SSOs, Ethnicity")).click();
		page.waitForURL((url) -> url.contains("/equality/SL008"));
		assertThat(page.locator("h1").textContent()).contains("Completion of community orders and SSOs");
		assertThat(page.locator("#SEX").textContent()).contains("fewer than 5");
		assertNoAccessibilityViolations(page);

		page.locator("#ETHNICITY")
			.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("White"))
			.click();
		page.waitForURL((url) -> url.contains("/cases") && url.contains("group=WHITE"));
		assertThat(page.locator("h1").textContent()).contains("Ethnicity: White");
		assertThat(page.content()).contains("15 cases of the group", "5 of 15");
		assertNoAccessibilityViolations(page);
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
