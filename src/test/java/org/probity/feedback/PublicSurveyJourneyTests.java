package org.probity.feedback;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
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
import org.probity.shared.StaffCode;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person on probation answers the survey on a phone from the round's public link; the
 * quality team then sees the count of respondents go up on the results (ten responses
 * already there, so the results are shown). axe-core checks the public form against WCAG
 * 2.2 AA.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicSurveyJourneyTests {

	@RegisterExtension
	static final BrowserFixture browser = new BrowserFixture();

	static final String PASSWORD = "fb-password-long-enough";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Surveys surveys;

	SurveyRound round;

	@BeforeAll
	void roundWithTenResponses() {
		CaseData caseData = new CaseData(this.jdbc);
		caseData.aProvider("FBP").named("FB provider").insert();
		caseData.aTeam("FBT").named("Brighton north team").under("FBP").insert();
		this.accounts.createOrReset("fb-quality", "FB Quality", Role.QUALITY_TEAM, null, null, PASSWORD);
		LocalDate today = LocalDate.now();
		this.round = this.surveys.openRound("POP_SURVEY", "FBT", "Person on probation survey", today.minusDays(2),
				today.plusDays(30), false, "test");
		for (int i = 0; i < 10; i++) {
			this.surveys.record(new SurveyAnswers("POP_SURVEY", 1, "FBT", today, "PAPER",
					Map.of("FAIR", (i < 7) ? "AGREE" : "DISAGREE")), this.round.id());
		}
	}

	private String resultsPath() {
		return "/feedback/surveys/POP_SURVEY/results?period=" + LocalDate.now().getYear() + "&unit=FBT";
	}

	@Test
	void aPersonAnswersOnAPhoneAndTheQualityTeamSeesTheCountGoUp() {
		Page staff = browser.signedIn("fb-quality", PASSWORD, resultsPath());
		staff.waitForURL((url) -> url.contains("/results"));
		assertThat(staff.locator("#respondents").textContent()).isEqualTo("10 respondents");
		BrowserFixture.assertAccessible(staff);

		BrowserContext phone = browser.browser()
			.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
				.setDeviceScaleFactor(3)
				.setIsMobile(true)
				.setHasTouch(true));
		Page form = phone.newPage();
		form.navigate(browser.url(this.round.publicPath()));
		assertThat(form.locator("h1").textContent()).isEqualTo("Person on probation survey");
		assertThat(form.content()).contains("Your answers are anonymous");
		// nothing on the page is wider than the phone
		assertThat((Integer) form.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
		BrowserFixture.assertAccessible(form);
		form.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("1. My probation worker treats me fairly"))
			.getByLabel("Strongly agree")
			.check();
		form.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("4. I would know how to complain"))
			.getByLabel("Yes")
			.check();
		form.getByLabel("7. What could be better?").fill("Evening appointments");
		form.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send your answers")).click();
		form.waitForURL("**/thank-you");
		assertThat(form.locator("h1").textContent()).contains("Thank you");
		BrowserFixture.assertAccessible(form);
		phone.close();

		staff.navigate(browser.url(resultsPath()));
		assertThat(staff.locator("#respondents").textContent()).isEqualTo("11 respondents");
		assertThat(staff.content()).contains("Strongly agree");
		staff.close();
	}

	@Test
	void anAnswerThatIsNotAllowedShowsTheErrorSummaryAndPassesAxe() {
		Page form = browser.browser()
			.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true))
			.newPage();
		form.navigate(browser.url(this.round.publicPath()));
		form.evaluate("document.querySelector('input[name=answer-FAIR]').value = 'SOMETIMES';"
				+ "document.querySelector('input[name=answer-FAIR]').checked = true;");
		form.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send your answers")).click();
		assertThat(form.locator(".govuk-error-summary").textContent()).contains("There is a problem");
		BrowserFixture.assertAccessible(form);
		if (System.getenv("PROBITY_SCREENSHOTS") != null) {
			form.screenshot(new Page.ScreenshotOptions().setPath(Path.of("/tmp/survey-error.png")).setFullPage(true));
		}
	}

	@Test
	void aPractitionerPrintsEndOfSupervisionInvitationsAndOneIsAnsweredOnAPhone() {
		java.time.YearMonth month = java.time.YearMonth.now().minusMonths(1);
		CaseData caseData = new CaseData(this.jdbc);
		caseData.aStaffMember("FBA0001").named("Robin", "Worker").inTeam("FBT").insert();
		caseData.aPerson("F980001").named("Ann", "Ended").bornOn(LocalDate.of(1990, 1, 1)).insert();
		caseData.aCommunityOrder("FBE1")
			.forPerson("F980001")
			.sentencedOn(month.atDay(1).minusYears(1))
			.heldBy("FBA0001")
			.inTeam("FBT")
			.terminatedOn(month.atDay(10), "COMPLETED")
			.insert();
		this.accounts.createOrReset("fb-worker", "Robin Worker", Role.PRACTITIONER, new StaffCode("FBA0001"), null,
				PASSWORD);
		Page staff = browser.signedIn("fb-worker", PASSWORD, "/feedback/invitations?month=" + month);
		staff.waitForURL((url) -> url.contains("/feedback/invitations"));
		assertThat(staff.locator("#invitations").textContent()).contains("F980001").contains("Robin Worker");
		BrowserFixture.assertAccessible(staff);
		staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make invitation links to print")).click();
		staff.locator(".invitation-link").first().waitFor();
		assertThat(staff.locator(".invitation-qr svg").count()).isEqualTo(1);
		BrowserFixture.assertAccessible(staff);
		String link = staff.locator(".invitation-link").first().textContent().strip();
		staff.close();

		BrowserContext phone = this.browser.browser()
			.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
		Page form = phone.newPage();
		form.navigate(link.replace("http://localhost:8080", browser.url("")));
		form.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("1. My probation worker treats me fairly"))
			.getByLabel("Agree", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true))
			.check();
		form.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send your answers")).click();
		form.waitForURL("**/thank-you");
		phone.close();
	}

}
