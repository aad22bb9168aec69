package org.probity.feedback;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
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
import org.probity.cases.CaseDataFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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
@EnabledIf("chromiumInstalled")
class PublicSurveyJourneyTests {

	static final String PASSWORD = "fb-password-long-enough";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Surveys surveys;

	Playwright playwright;

	Browser browser;

	SurveyRound round;

	static boolean chromiumInstalled() {
		return Files.isExecutable(HeadlessChromium.EXECUTABLE);
	}

	@BeforeAll
	void roundWithTenResponses() {
		new CaseDataFactory(this.jdbc).unit("FBP", "FB provider", "PROVIDER", null)
			.unit("FBT", "Brighton north team", "TEAM", "FBP");
		this.accounts.createOrReset("fb-quality", "FB Quality", Role.QUALITY_TEAM, null, null, PASSWORD);
		LocalDate today = LocalDate.now();
		this.round = this.surveys.openRound("POP_SURVEY", "FBT", "Person on probation survey", today.minusDays(2),
				today.plusDays(30), false, "test");
		for (int i = 0; i < 10; i++) {
			this.surveys.record(new SurveyAnswers("POP_SURVEY", 1, "FBT", today, "PAPER",
					Map.of("FAIR", (i < 7) ? "AGREE" : "DISAGREE")), this.round.id());
		}
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

	private String resultsPath() {
		return "http://localhost:" + this.port + "/feedback/surveys/POP_SURVEY/results?period="
				+ LocalDate.now().getYear() + "&unit=FBT";
	}

	@Test
	void aPersonAnswersOnAPhoneAndTheQualityTeamSeesTheCountGoUp() {
		Page staff = this.browser.newPage();
		staff.navigate(resultsPath());
		staff.getByLabel("Username").fill("fb-quality");
		staff.getByLabel("Password").fill(PASSWORD);
		staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		staff.waitForURL((url) -> url.contains("/results"));
		assertThat(staff.locator("#respondents").textContent()).isEqualTo("10 respondents");
		assertNoAccessibilityViolations(staff);

		BrowserContext phone = this.browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setDeviceScaleFactor(3)
			.setIsMobile(true)
			.setHasTouch(true));
		Page form = phone.newPage();
		form.navigate("http://localhost:" + this.port + this.round.publicPath());
		assertThat(form.locator("h1").textContent()).isEqualTo("Person on probation survey");
		assertThat(form.content()).contains("Your answers are anonymous");
		// nothing on the page is wider than the phone
		assertThat((Integer) form.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
		assertNoAccessibilityViolations(form);
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
		assertNoAccessibilityViolations(form);
		phone.close();

		staff.navigate(resultsPath());
		assertThat(staff.locator("#respondents").textContent()).isEqualTo("11 respondents");
		assertThat(staff.content()).contains("Strongly agree");
		staff.close();
	}

	@Test
	void anAnswerThatIsNotAllowedShowsTheErrorSummaryAndPassesAxe() {
		Page form = this.browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true))
			.newPage();
		form.navigate("http://localhost:" + this.port + this.round.publicPath());
		form.evaluate("document.querySelector('input[name=answer-FAIR]').value = 'SOMETIMES';"
				+ "document.querySelector('input[name=answer-FAIR]').checked = true;");
		form.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send your answers")).click();
		assertThat(form.locator(".govuk-error-summary").textContent()).contains("There is a problem");
		assertNoAccessibilityViolations(form);
		if (System.getenv("PROBITY_SCREENSHOTS") != null) {
			form.screenshot(new Page.ScreenshotOptions().setPath(Path.of("/tmp/survey-error.png")).setFullPage(true));
		}
	}

	@Test
	void aPractitionerPrintsEndOfSupervisionInvitationsAndOneIsAnsweredOnAPhone() {
		java.time.YearMonth month = java.time.YearMonth.now().minusMonths(1);
		new CaseDataFactory(this.jdbc).staff("FBA0001", "Robin", "Worker", "PO", "FBT")
			.person("F980001", "Ann", "Ended", LocalDate.of(1990, 1, 1), false)
			.event("FBE1", "F980001", "COMMUNITY_ORDER", month.atDay(1).minusYears(1), "FBA0001", "FBT",
					month.atDay(10), "COMPLETED");
		this.accounts.createOrReset("fb-worker", "Robin Worker", Role.PRACTITIONER, "FBA0001", null, PASSWORD);
		Page staff = this.browser.newPage();
		staff.navigate("http://localhost:" + this.port + "/feedback/invitations?month=" + month);
		staff.getByLabel("Username").fill("fb-worker");
		staff.getByLabel("Password").fill(PASSWORD);
		staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		staff.waitForURL((url) -> url.contains("/feedback/invitations"));
		assertThat(staff.locator("#invitations").textContent()).contains("F980001").contains("Robin Worker");
		assertNoAccessibilityViolations(staff);
		staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make invitation links to print")).click();
		staff.locator(".invitation-link").first().waitFor();
		assertThat(staff.locator(".invitation-qr svg").count()).isEqualTo(1);
		assertNoAccessibilityViolations(staff);
		String link = staff.locator(".invitation-link").first().textContent().strip();
		staff.close();

		BrowserContext phone = this.browser
			.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
		Page form = phone.newPage();
		form.navigate(link.replace("http://localhost:8080", "http://localhost:" + this.port));
		form.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("1. My probation worker treats me fairly"))
			.getByLabel("Agree", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true))
			.check();
		form.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send your answers")).click();
		form.waitForURL("**/thank-you");
		phone.close();
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
