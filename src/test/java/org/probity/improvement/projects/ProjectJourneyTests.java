package org.probity.improvement.projects;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.probity.BrowserFixture;
import org.probity.IntegrationTest;
import org.probity.testing.CaseData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quality officer's journey in a real browser: start a project from a flag, sign each
 * stage off to Control (checking the answers each time), and see the chart with its
 * table; axe finds nothing on any page.
 */
@IntegrationTest
class ProjectJourneyTests {

	@RegisterExtension
	static final BrowserFixture browser = new BrowserFixture();

	@Autowired
	JdbcClient jdbc;

	@Test
	void startAProjectFromAFlagSignItOffToControlAndSeeTheChart() {
		CaseData caseData = new CaseData(this.jdbc);
		caseData.aProvider("PJJP").named("Journey provider").insert();
		caseData.aTeam("PJJT1").named("Journey team").under("PJJP").insert();
		// 80% of 10 cases against a target of 93: a deeper-audit flag in February 2024.
		ProjectTestData.results(this.jdbc, "SL001R", "PJJT1", ProjectTestData.SHIFTED);
		String base = browser.url("");
		Page page = browser.admin();

		page.navigate(base + "/measures/flags?period=2024-02");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
			.setName("Start a project on the deeper audit flag of SL001R at Journey team")).click();
		assertThat(page.locator("h1")).hasText("Start an improvement project");
		assertThat(page.getByText("Started from: Measure flag SL001R:PJJT1:2024-02:DEEPER_AUDIT")).isVisible();
		BrowserFixture.assertAccessible(page);
		page.getByLabel("Title").fill("First contacts within five days");
		page.getByLabel("First month of the baseline").fill("2023-12");
		page.getByLabel("Month of the change").fill("2025-01");
		page.getByLabel("Problem statement").fill("Too many first contacts are late.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the project")).click();
		assertThat(page.locator("h1")).hasText("First contacts within five days");
		assertThat(page.getByText("Measure flag: SL001R:PJJT1:2024-02:DEEPER_AUDIT")).isVisible();
		BrowserFixture.assertAccessible(page);

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Define")).click();
		assertThat(page.locator("h1")).hasText("Define");
		page.getByLabel("Scope").fill("Community orders allocated to the team");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the charter")).click();
		BrowserFixture.assertAccessible(page);

		// A sign-off without a note is refused with the error summary.
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to sign off Define")).click();
		assertThat(page.locator(".govuk-error-summary")).containsText("Enter a note");
		BrowserFixture.assertAccessible(page);

		String[][] stages = { { "Define", "Measure" }, { "Measure", "Analyse" }, { "Analyse", "Improve" },
				{ "Improve", "Control" } };
		for (String[] stage : stages) {
			if (stage[0].equals("Analyse")) {
				page.getByLabel("Root cause").fill("Allocation happens late on Fridays");
				page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the root cause")).click();
				assertThat(page.getByText("Allocation happens late on Fridays")).isVisible();
			}
			if (stage[0].equals("Improve")) {
				page.getByLabel("Change", new Page.GetByLabelOptions().setExact(true))
					.fill("Duty officer books first contacts");
				page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the change")).click();
				assertThat(page.getByText("Duty officer books first contacts")).isVisible();
			}
			page.getByLabel("Sign-off note").fill(stage[0] + " done");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to sign off " + stage[0]))
				.click();
			assertThat(page.locator("h1")).hasText("Check your answers before signing off");
			assertThat(page.getByText(stage[0] + " done")).isVisible();
			BrowserFixture.assertAccessible(page);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign off " + stage[0])).click();
			assertThat(page.locator("h1")).hasText(stage[1]);
			BrowserFixture.assertAccessible(page);
		}
		assertThat(page.getByText("Improved: 7 months above the baseline mean since January 2025").first()).isVisible();

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the chart and its table")).click();
		assertThat(page.locator("#verdict")).hasText("Improved: 7 months above the baseline mean since January 2025");
		assertThat(page.locator("#xmr-chart")).isVisible();
		assertThat(page.locator("#chart-table tbody tr")).hasCount(20);
		assertThat(page.locator("#chart-table tbody tr").nth(6)).containsText("No cases");
		assertThat(page.locator("#chart-table tbody tr").nth(13)).containsText("Improvement");
		assertThat(page.locator("#baseline")).containsText("85.0");
		assertThat(page.locator("#baseline")).containsText("58.4 to 111.6");
		BrowserFixture.assertAccessible(page);
		long actions = this.jdbc.sql("""
				select count(*) from improvement_project_change c join improvement_project p using (project_id)
				where p.unit_code = 'PJJT1' and c.action_id is not null
				""").query(Long.class).single();
		assertThat(actions).isEqualTo(1);
	}

}
