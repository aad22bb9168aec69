package org.probity.reports;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
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
import org.probity.reports.archive.ReportKind;
import org.probity.reports.scheduled.ScheduleRules;
import org.probity.reports.scheduled.ScheduledReports;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: an administrator marks a team as a subcontractor's delivery unit;
 * the quality team puts someone on a distribution list, then opens the subcontractor's
 * monthly report from the scheduled reports and downloads its PDF. axe-core checks each
 * page against WCAG 2.2 AA.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduledReportsJourneyTests {

	@RegisterExtension
	static final BrowserFixture browser = new BrowserFixture();

	static final String PASSWORD = "a-password-for-tests";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	ScheduledReports reports;

	@BeforeAll
	void anEstateAndTheBrowser() {
		CaseData caseData = new CaseData(this.jdbc);
		caseData.aProvider("SRJP").named("Journey provider").insert();
		caseData.aTeam("SRJT1").named("Hastings women's team").under("SRJP").insert();
		this.accounts.createOrReset("srj-admin", "SRJ Admin", Role.ADMIN, null, null, PASSWORD);
		this.accounts.createOrReset("srj-quality", "SRJ Quality", Role.QUALITY_TEAM, null, null, PASSWORD);
	}

	@Test
	void aSubcontractorsTeamIsMarkedAndItsMonthlyReportOpensAndDownloads() {
		Page admin = browser.signedIn("srj-admin", PASSWORD, "/reports/subcontractors");
		BrowserFixture.assertAccessible(admin);
		admin.getByLabel("Name").fill("Journey Women's Centre");
		admin.getByLabel("Contacts (email addresses, one per line)").fill("not an address");
		admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the subcontractor")).click();
		assertThat(admin.locator(".govuk-error-summary").textContent())
			.contains("Enter each contact as an email address");
		BrowserFixture.assertAccessible(admin);
		admin.getByLabel("Name").fill("Journey Women's Centre");
		admin.getByLabel("Contacts (email addresses, one per line)").fill("contracts@journeywomen.example.org");
		admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the subcontractor")).click();
		admin.getByLabel("Add a delivery unit of Journey Women's Centre").selectOption("SRJT1");
		admin
			.locator("form",
					new Page.LocatorOptions().setHas(admin.getByLabel("Add a delivery unit of Journey Women's Centre")))
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add the unit"))
			.click();
		admin.getByText("Delivery unit added: Hastings women's team (SRJT1)").waitFor();
		BrowserFixture.assertAccessible(admin);

		Page quality = browser.signedIn("srj-quality", PASSWORD, "/reports/distribution");
		quality.getByLabel("Report", new Page.GetByLabelOptions().setExact(true)).selectOption("COMMITTEE");
		quality.getByLabel("Email address").fill("srj-committee@probation.example.gov.uk");
		quality.getByLabel("Link to the report").check();
		quality.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the recipient")).click();
		assertThat(quality.locator(".govuk-notification-banner").textContent())
			.contains("srj-committee@probation.example.gov.uk added");
		BrowserFixture.assertAccessible(quality);

		this.reports.generate(ScheduleRules.parse(ReportKind.SUBCONTRACTOR, "2031-05"));
		quality.navigate(browser.url("/reports/scheduled?kind=SUBCONTRACTOR"));
		String title = "Monthly subcontractor report: Journey Women's Centre, May 2031";
		quality.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title).setExact(true)).click();
		assertThat(quality.locator("h1").textContent()).isEqualTo(title);
		assertThat(quality
			.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Subcontractor: Journey Women's Centre"))
			.isVisible()).isTrue();
		BrowserFixture.assertAccessible(quality);
		Download pdf = quality.waitForDownload(
				() -> quality.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("PDF").setExact(true))
					.click());
		assertThat(pdf.suggestedFilename()).isEqualTo("subcontractor-2031-05-SRJT1.pdf");
	}

}
