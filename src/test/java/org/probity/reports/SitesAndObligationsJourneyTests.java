package org.probity.reports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.probity.BrowserFixture;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.audits.Answer;
import org.probity.audits.CaseAudits;
import org.probity.reports.obligations.Obligations;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quality officer's journey in a real browser (Debian's chromium): the quarter's site
 * RAG, from a Red team to drawing a sample there; then an overdue obligation from the
 * home page to recording its review. Each page checked with axe-core (WCAG 2.2 AA).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SitesAndObligationsJourneyTests {

	@RegisterExtension
	static final BrowserFixture browser = new BrowserFixture();

	static final String PASSWORD = "rsj-password-long-enough";

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseAudits audits;

	@Autowired
	Obligations obligations;

	final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

	@BeforeAll
	void dataAndBrowser() {
		CaseData caseData = new CaseData(this.jdbc);
		caseData.aProvider("RSJP").named("RSJ Provider").insert();
		caseData.anLdu("RSJL").named("RSJ LDU").under("RSJP").insert();
		caseData.aTeam("RSJT").named("RSJ Team").under("RSJL").insert();
		caseData.aStaffMember("RSJ0001").named("Kim", "Rsjofficer").inTeam("RSJT").insert();
		this.accounts.createOrReset("rsj-quality", "RSJ Quality", Role.QUALITY_TEAM, null, null, PASSWORD);
		CurrentUser quality = this.accounts.userFor("rsj-quality").orElseThrow();
		List<CaseAudits.AnswerInput> answers = new ArrayList<>();
		for (String s : List.of("2.1", "2.2", "2.3", "2.4")) {
			for (int q = 1; q <= 3; q++) {
				answers.add(new CaseAudits.AnswerInput(s + "." + q, (q == 3) ? Answer.NO : Answer.YES, ""));
			}
		}
		// five audits this quarter: enough for their standards' ratings to count
		CaseData cases = new CaseData(this.jdbc);
		for (int i = 1; i <= 5; i++) {
			cases.aPerson("V95000" + i).named("Alex", "Rsjperson").bornOn(LocalDate.of(1990, 1, i)).insert();
			cases.aCommunityOrder("RSJE00" + i)
				.forPerson("V95000" + i)
				.sentencedOn(this.today.minusDays(20))
				.heldBy("RSJ0001")
				.inTeam("RSJT")
				.insert();
			this.audits.recordCompleted("CASE_SUPERVISION", "RSJE00" + i, null,
					new CaseAudits.AuditInput(0, answers, List.of("2.1.3.a"), false, null, ""), quality);
		}
		this.obligations.create(new Obligations.Entry("RSJ Schedule 7 RH1",
				"Quality of assessments of rehabilitative needs", "rsj-quality", "DOCUMENT", "Assessment audit",
				"QUARTERLY", this.today.minusDays(2).toString(), null), "rsj-quality");
	}

	@Test
	void fromARedSiteToASampleThereAndFromTheHomePageToAReview() {
		String quarter = this.today.getYear() + "-Q" + ((this.today.getMonthValue() - 1) / 3 + 1);
		Page page = browser.signedIn("rsj-quality", PASSWORD, "/reports/sites?quarter=" + quarter + "&unit=RSJL");
		page.waitForURL((url) -> url.contains("/reports/sites"));
		assertThat(page.locator("h1").textContent()).contains("Site quality RAG");
		assertThat(page.locator("#grid tbody tr").count()).isEqualTo(2);
		assertThat(page.locator("#site-RSJT + p .govuk-tag").textContent()).isEqualTo("Red");
		BrowserFixture.assertAccessible(page);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Draw a sample in RSJ Team")).click();
		page.waitForURL((url) -> url.contains("/audits/samples/new"));
		assertThat(page.locator("#unitCode").inputValue()).isEqualTo("RSJT");

		page.navigate(browser.url("/"));
		assertThat(page.locator("#obligation-reviews").textContent()).contains("RSJ Schedule 7 RH1");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("RSJ Schedule 7 RH1")).click();
		page.waitForURL((url) -> url.contains("/reports/obligations/"));
		BrowserFixture.assertAccessible(page);
		page.getByLabel("Amber").check();
		page.getByLabel("What the review found").fill("Assessments rated Requires improvement; briefings booked");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the review")).click();
		page.waitForURL((url) -> url.contains("reviewed=true"));
		assertThat(page.locator("#reviews").textContent()).contains("Assessments rated Requires improvement");
		assertThat(page.content()).doesNotContain(">Overdue<");
		BrowserFixture.assertAccessible(page);

		page.navigate(browser.url("/reports/obligations"));
		assertThat(page.locator("#register").textContent()).contains("RSJ Schedule 7 RH1");
		BrowserFixture.assertAccessible(page);
		page.close();
	}

}
