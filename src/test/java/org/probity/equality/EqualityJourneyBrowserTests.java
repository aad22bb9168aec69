package org.probity.equality;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.probity.BrowserFixture;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.measures.MeasureRecomputation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quality officer's journey in a real browser (Debian's chromium): the equality
 * overview, a measure's tables by characteristic, one group's cases; each page checked
 * with axe-core against WCAG 2.2 AA.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EqualityJourneyBrowserTests {

	@RegisterExtension
	static final BrowserFixture browser = new BrowserFixture();

	static final String PASSWORD = "eqb-password-long-enough";

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeasureRecomputation recomputation;

	EqualityTestData data;

	@BeforeAll
	void casesAndBrowser() {
		this.data = new EqualityTestData(this.jdbc, "EQB", 'B').firstQuarterOf2024();
		this.recomputation.recomputeAll();
		this.accounts.createOrReset("eqb-quality", "EQB Quality", Role.QUALITY_TEAM, null, null, PASSWORD);
	}

	@Test
	void fromTheOverviewToAGroupsCases() {
		Page page = browser.signedIn("eqb-quality", PASSWORD, "/equality?period=2024-Q1&unit=" + this.data.team());
		page.waitForURL((url) -> url.contains("/equality"));
		assertThat(page.locator("h1").textContent()).contains("Equality");
		assertThat(page.content()).contains("Lower than the rest, significant");
		BrowserFixture.assertAccessible(page);

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
			.setName("1 groups lower: Completion of community orders and SSOs, Ethnicity")).click();
		page.waitForURL((url) -> url.contains("/equality/SL008"));
		assertThat(page.locator("h1").textContent()).contains("Completion of community orders and SSOs");
		assertThat(page.locator("#SEX").textContent()).contains("fewer than 5");
		BrowserFixture.assertAccessible(page);

		page.locator("#ETHNICITY")
			.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("White"))
			.click();
		page.waitForURL((url) -> url.contains("/cases") && url.contains("group=WHITE"));
		assertThat(page.locator("h1").textContent()).contains("Ethnicity: White");
		assertThat(page.content()).contains("15 cases of the group", "5 of 15");
		BrowserFixture.assertAccessible(page);
		page.close();
	}

}
