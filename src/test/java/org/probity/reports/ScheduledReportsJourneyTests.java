package org.probity.reports;

import java.nio.file.Files;
import java.util.List;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
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
import org.probity.reports.archive.ReportKind;
import org.probity.reports.scheduled.ScheduleRules;
import org.probity.reports.scheduled.ScheduledReports;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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
@EnabledIf("chromiumInstalled")
class ScheduledReportsJourneyTests {

	static final String PASSWORD = "a-password-for-tests";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	ScheduledReports reports;

	Playwright playwright;

	Browser browser;

	static boolean chromiumInstalled() {
		return Files.isExecutable(HeadlessChromium.EXECUTABLE);
	}

	@BeforeAll
	void anEstateAndTheBrowser() {
		this.jdbc.sql("insert into unit values ('SRJP', 'Journey provider', 'PROVIDER', null)").update();
		this.jdbc.sql("insert into unit values ('SRJT1', 'Hastings women''s team', 'TEAM', 'SRJP')").update();
		this.accounts.createOrReset("srj-admin", "SRJ Admin", Role.ADMIN, null, null, PASSWORD);
		this.accounts.createOrReset("srj-quality", "SRJ Quality", Role.QUALITY_TEAM, null, null, PASSWORD);
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

	private Page signIn(String username, String path) {
		Page page = this.browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true)).newPage();
		page.navigate("http://localhost:" + this.port + path);
		page.getByLabel("Username").fill(username);
		page.getByLabel("Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		page.waitForURL((url) -> url.contains(path));
		return page;
	}

	@Test
	void aSubcontractorsTeamIsMarkedAndItsMonthlyReportOpensAndDownloads() {
		Page admin = signIn("srj-admin", "/reports/subcontractors");
		assertNoAccessibilityViolations(admin);
		admin.getByLabel("Name").fill("Journey Women's Centre");
		admin.getByLabel("Contacts (email addresses, one per line)").fill("not an address");
		admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the subcontractor")).click();
		assertThat(admin.locator(".govuk-error-summary").textContent())
			.contains("Enter each contact as an email address");
		assertNoAccessibilityViolations(admin);
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
		assertNoAccessibilityViolations(admin);

		Page quality = signIn("srj-quality", "/reports/distribution");
		quality.getByLabel("Report", new Page.GetByLabelOptions().setExact(true)).selectOption("COMMITTEE");
		quality.getByLabel("Email address").fill("srj-committee@probation.example.gov.uk");
		quality.getByLabel("Link to the report").check();
		quality.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the recipient")).click();
		assertThat(quality.locator(".govuk-notification-banner").textContent())
			.contains("srj-committee@probation.example.gov.uk added");
		assertNoAccessibilityViolations(quality);

		this.reports.generate(ScheduleRules.parse(ReportKind.SUBCONTRACTOR, "2031-05"));
		quality.navigate("http://localhost:" + this.port + "/reports/scheduled?kind=SUBCONTRACTOR");
		String title = "Monthly subcontractor report: Journey Women's Centre, May 2031";
		quality.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title).setExact(true)).click();
		assertThat(quality.locator("h1").textContent()).isEqualTo(title);
		assertThat(quality
			.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Subcontractor: Journey Women's Centre"))
			.isVisible()).isTrue();
		assertNoAccessibilityViolations(quality);
		Download pdf = quality.waitForDownload(
				() -> quality.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("PDF").setExact(true))
					.click());
		assertThat(pdf.suggestedFilename()).isEqualTo("subcontractor-2031-05-SRJT1.pdf");
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
