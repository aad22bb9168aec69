package org.probity.people;

import java.nio.file.Files;
import java.time.LocalDate;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A line manager's journey in a real browser: open a practitioner's page from the team
 * page, rate them Amber for the quarter through the check-your-answers step, open the
 * improvement plan and record its first monthly review; every page checked with axe-core
 * against WCAG 2.2 AA.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf("chromiumInstalled")
class PeopleJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Ratings ratings;

	PeopleTestData data;

	Playwright playwright;

	Browser browser;

	static boolean chromiumInstalled() {
		return Files.isExecutable(HeadlessChromium.EXECUTABLE);
	}

	@BeforeAll
	void estateAndBrowser() {
		this.data = new PeopleTestData(this.jdbc, this.accounts, "PJB").estate();
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
	void lineManagerRatesAPractitionerAmberOpensThePlanAndRecordsAReview() {
		Page page = this.browser.newPage();
		page.navigate("http://localhost:" + this.port + "/people");
		page.getByLabel("Username").fill(this.data.user("manager"));
		page.getByLabel("Password").fill(PeopleTestData.PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		page.waitForURL("**/people/teams/" + this.data.team(1));
		assertThat(page.locator("#members").textContent()).contains("Pat Practitioner").contains("Rating due");
		assertNoAccessibilityViolations(page);

		page.getByText("Pat Practitioner").first().click();
		page.waitForURL((url) -> url.contains("/people/" + this.data.staff(1)));
		assertThat(page.locator("h1").textContent()).contains("Pat Practitioner");
		assertNoAccessibilityViolations(page);

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rate Pat for")).click();
		page.waitForURL("**/ratings/new**");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
		assertThat(page.locator(".govuk-error-summary").textContent()).contains("Select Green, Amber or Red");
		assertNoAccessibilityViolations(page);

		page.getByLabel("Amber").check();
		page.getByLabel("Note", new Page.GetByLabelOptions().setExact(true)).fill("Sentence plans late in two cases");
		page.getByLabel("Objectives").fill("Every sentence plan within 15 business days");
		page.getByLabel("Support offered").fill("Fortnightly supervision and a plan-writing refresher");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
		assertThat(page.locator("h1").textContent()).contains("Check your answers");
		assertThat(page.locator(".govuk-summary-list").textContent()).contains("Amber")
			.contains("Every sentence plan within 15 business days");
		assertNoAccessibilityViolations(page);

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the rating")).click();
		page.waitForURL("**/people/plans/**");
		assertThat(page.locator("h1").textContent()).contains("Performance improvement plan");
		assertThat(page.content()).contains("Fortnightly supervision").contains("Not yet");
		assertNoAccessibilityViolations(page);

		LocalDate today = LocalDate.now();
		page.getByLabel("Day").fill(String.valueOf(today.getDayOfMonth()));
		page.getByLabel("Month").fill(String.valueOf(today.getMonthValue()));
		page.getByLabel("Year").fill(String.valueOf(today.getYear()));
		page.getByLabel("Note of the review").fill("Both late plans now completed");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the review")).click();
		page.waitForURL("**/people/plans/**");
		assertThat(page.locator(".govuk-notification-banner").textContent()).contains("Review 1 recorded");
		assertThat(page.locator("table").textContent()).contains("Both late plans now completed");
		assertNoAccessibilityViolations(page);

		page.navigate("http://localhost:" + this.port + "/people/" + this.data.staff(1));
		assertThat(page.content()).contains("Sentence plans late in two cases").contains("Open");
		assertNoAccessibilityViolations(page);
		page.navigate("http://localhost:" + this.port + "/");
		assertNoAccessibilityViolations(page);
		assertThat(this.ratings.currentRatings(this.data.staff(1))).singleElement()
			.extracting(Ratings.Rating::rag)
			.isEqualTo(Rag.AMBER);
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
