package org.probity.reports;

import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.audits.Answer;
import org.probity.audits.CaseAudits;
import org.probity.cases.CaseDataFactory;
import org.probity.reports.obligations.Obligations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quality officer's journey in a real browser (Debian's chromium): the quarter's site
 * RAG, from a Red team to drawing a sample there; then an overdue obligation from the
 * home page to recording its review. Each page checked with axe-core (WCAG 2.2 AA).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf("chromiumInstalled")
class SitesAndObligationsJourneyTests {

	static final String PASSWORD = "rsj-password-long-enough";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseAudits audits;

	@Autowired
	Obligations obligations;

	Playwright playwright;

	Browser browser;

	final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

	static boolean chromiumInstalled() {
		return Files.isExecutable(HeadlessChromium.EXECUTABLE);
	}

	@BeforeAll
	void dataAndBrowser() {
		new CaseDataFactory(this.jdbc).unit("RSJP", "RSJ Provider", "PROVIDER", null)
			.unit("RSJL", "RSJ LDU", "LDU", "RSJP")
			.unit("RSJT", "RSJ Team", "TEAM", "RSJL")
			.staff("RSJ001", "Kim", "Rsjofficer", "PO", "RSJT");
		this.accounts.createOrReset("rsj-quality", "RSJ Quality", Role.QUALITY_TEAM, null, null, PASSWORD);
		CurrentUser quality = this.accounts.userFor("rsj-quality").orElseThrow();
		List<CaseAudits.AnswerInput> answers = new ArrayList<>();
		for (String s : List.of("2.1", "2.2", "2.3", "2.4")) {
			for (int q = 1; q <= 3; q++) {
				answers.add(new CaseAudits.AnswerInput(s + "." + q, (q == 3) ? Answer.NO : Answer.YES, ""));
			}
		}
		// five audits this quarter: enough for their standards' ratings to count
		CaseDataFactory cases = new CaseDataFactory(this.jdbc);
		for (int i = 1; i <= 5; i++) {
			cases.person("V95000" + i, "Alex", "Rsjperson", LocalDate.of(1990, 1, i), false)
				.event("RSJE00" + i, "V95000" + i, "COMMUNITY_ORDER", this.today.minusDays(20), "RSJ001", "RSJT");
			this.audits.recordCompleted("CASE_SUPERVISION", "RSJE00" + i, null,
					new CaseAudits.AuditInput(0, answers, List.of("2.1.3.a"), false, null, ""), quality);
		}
		this.obligations.create(new Obligations.Entry("RSJ Schedule 7 RH1",
				"Quality of assessments of rehabilitative needs", "rsj-quality", "DOCUMENT", "Assessment audit",
				"QUARTERLY", this.today.minusDays(2).toString(), null), "rsj-quality");
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
	void fromARedSiteToASampleThereAndFromTheHomePageToAReview() {
		String quarter = this.today.getYear() + "-Q" + ((this.today.getMonthValue() - 1) / 3 + 1);
		Page page = this.browser.newPage();
		page.navigate("http://localhost:" + this.port + "/reports/sites?quarter=" + quarter + "&unit=RSJL");
		page.getByLabel("Username").fill("rsj-quality");
		page.getByLabel("Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		page.waitForURL((url) -> url.contains("/reports/sites"));
		assertThat(page.locator("h1").textContent()).contains("Site quality RAG");
		assertThat(page.locator("#grid tbody tr").count()).isEqualTo(2);
		assertThat(page.locator("#site-RSJT + p .govuk-tag").textContent()).isEqualTo("Red");
		assertNoAccessibilityViolations(page);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Draw a sample in RSJ Team")).click();
		page.waitForURL((url) -> url.contains("/audits/samples/new"));
		assertThat(page.locator("#unitCode").inputValue()).isEqualTo("RSJT");

		page.navigate("http://localhost:" + this.port + "/");
		assertThat(page.locator("#obligation-reviews").textContent()).contains("RSJ Schedule 7 RH1");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("RSJ Schedule 7 RH1")).click();
		page.waitForURL((url) -> url.contains("/reports/obligations/"));
		assertNoAccessibilityViolations(page);
		page.getByLabel("Amber").check();
		page.getByLabel("What the review found").fill("Assessments rated Requires improvement; briefings booked");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the review")).click();
		page.waitForURL((url) -> url.contains("reviewed=true"));
		assertThat(page.locator("#reviews").textContent()).contains("Assessments rated Requires improvement");
		assertThat(page.content()).doesNotContain(">Overdue<");
		assertNoAccessibilityViolations(page);

		page.navigate("http://localhost:" + this.port + "/reports/obligations");
		assertThat(page.locator("#register").textContent()).contains("RSJ Schedule 7 RH1");
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
