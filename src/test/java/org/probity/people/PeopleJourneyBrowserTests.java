package org.probity.people;

import java.time.LocalDate;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.probity.BrowserFixture;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;

import org.springframework.beans.factory.annotation.Autowired;
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
class PeopleJourneyBrowserTests {

	@RegisterExtension
	static final BrowserFixture browser = new BrowserFixture();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Ratings ratings;

	PeopleTestData data;

	@BeforeAll
	void estateAndBrowser() {
		this.data = new PeopleTestData(this.jdbc, this.accounts, "PJB").estate();
	}

	@Test
	void lineManagerRatesAPractitionerAmberOpensThePlanAndRecordsAReview() {
		Page page = browser.signedIn(this.data.user("manager"), PeopleTestData.PASSWORD, "/people");
		page.waitForURL("**/people/teams/" + this.data.team(1));
		assertThat(page.locator("#members").textContent()).contains("Pat Practitioner").contains("Rating due");
		BrowserFixture.assertAccessible(page);

		page.getByText("Pat Practitioner").first().click();
		page.waitForURL((url) -> url.contains("/people/" + this.data.staff(1)));
		assertThat(page.locator("h1").textContent()).contains("Pat Practitioner");
		BrowserFixture.assertAccessible(page);

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rate Pat for")).click();
		page.waitForURL("**/ratings/new**");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
		assertThat(page.locator(".govuk-error-summary").textContent()).contains("Select Green, Amber or Red");
		BrowserFixture.assertAccessible(page);

		page.getByLabel("Amber").check();
		page.getByLabel("Note", new Page.GetByLabelOptions().setExact(true)).fill("Sentence plans late in two cases");
		page.getByLabel("Objectives").fill("Every sentence plan within 15 business days");
		page.getByLabel("Support offered").fill("Fortnightly supervision and a plan-writing refresher");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
		assertThat(page.locator("h1").textContent()).contains("Check your answers");
		assertThat(page.locator(".govuk-summary-list").textContent()).contains("Amber")
			.contains("Every sentence plan within 15 business days");
		BrowserFixture.assertAccessible(page);

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the rating")).click();
		page.waitForURL("**/people/plans/**");
		assertThat(page.locator("h1").textContent()).contains("Performance improvement plan");
		assertThat(page.content()).contains("Fortnightly supervision").contains("Not yet");
		BrowserFixture.assertAccessible(page);

		LocalDate today = LocalDate.now();
		page.getByLabel("Day").fill(String.valueOf(today.getDayOfMonth()));
		page.getByLabel("Month").fill(String.valueOf(today.getMonthValue()));
		page.getByLabel("Year").fill(String.valueOf(today.getYear()));
		page.getByLabel("Note of the review").fill("Both late plans now completed");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the review")).click();
		page.waitForURL("**/people/plans/**");
		assertThat(page.locator(".govuk-notification-banner").textContent()).contains("Review 1 recorded");
		assertThat(page.locator("table").textContent()).contains("Both late plans now completed");
		BrowserFixture.assertAccessible(page);

		page.navigate(browser.url("/people/" + this.data.staff(1)));
		assertThat(page.content()).contains("Sentence plans late in two cases").contains("Open");
		BrowserFixture.assertAccessible(page);
		page.navigate(browser.url("/"));
		BrowserFixture.assertAccessible(page);
		assertThat(this.ratings.currentRatings(this.data.staff(1))).singleElement()
			.extracting(Ratings.Rating::rag)
			.isEqualTo(Rag.AMBER);
		page.close();
	}

}
