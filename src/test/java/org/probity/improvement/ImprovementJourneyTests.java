package org.probity.improvement;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.probity.BrowserFixture;
import org.probity.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality team's journey in a real browser: create an inspection response, import the
 * seed's plan (checked, then confirmed), complete one action and cancel another, and
 * watch the committee report's red actions fall; axe passes on every page.
 */
@IntegrationTest
class ImprovementJourneyTests {

	@RegisterExtension
	static final BrowserFixture browser = new BrowserFixture();

	private static final Pattern RED_COUNT = Pattern.compile(": (\\d+) open red actions");

	@Autowired
	JdbcClient jdbc;

	private static void click(Page page, AriaRole role, String name) {
		page.getByRole(role, new Page.GetByRoleOptions().setName(name)).click();
	}

	private int redActions(Page page, String base) {
		page.navigate(base + "/improvement/committee");
		assertThat(page.locator("h1")).hasText("Risk and Audit Committee report");
		Matcher m = RED_COUNT.matcher(page.locator("#committee-counts").textContent());
		org.assertj.core.api.Assertions.assertThat(m.find()).isTrue();
		return Integer.parseInt(m.group(1));
	}

	@Test
	void importTheSeedPlanUpdateActionsAndWatchTheCommitteeReportChange() throws Exception {
		PlanTestData data = new PlanTestData(this.jdbc, "PJY").estate();
		String base = browser.url("");
		Path seed = Path
			.of(ImprovementJourneyTests.class.getResource("/improvement/seed-inspection-response.csv").toURI());
		Page page = browser.admin();

		int before = redActions(page, base);
		BrowserFixture.assertAccessible(page);

		page.navigate(base + "/improvement");
		BrowserFixture.assertAccessible(page);
		click(page, AriaRole.LINK, "Create a plan");
		BrowserFixture.assertAccessible(page);
		page.getByLabel("Kind of plan").selectOption("INSPECTION_RESPONSE");
		page.getByLabel("Title").fill("Journey response to HMIP");
		page.getByLabel("Unit").selectOption(data.provider());
		click(page, AriaRole.BUTTON, "Create the plan");
		assertThat(page.locator("h1")).hasText("Journey response to HMIP");
		BrowserFixture.assertAccessible(page);

		click(page, AriaRole.LINK, "Import recommendations and actions from a CSV file");
		BrowserFixture.assertAccessible(page);
		click(page, AriaRole.BUTTON, "Check the file");
		assertThat(page.locator(".govuk-error-summary")).containsText("Choose a CSV file");
		page.getByLabel("CSV file").setInputFiles(seed);
		click(page, AriaRole.BUTTON, "Check the file");
		assertThat(page.locator("h1")).hasText("Check before you import");
		assertThat(page.locator(".govuk-summary-list")).containsText("56");
		BrowserFixture.assertAccessible(page);
		click(page, AriaRole.BUTTON, "Import the plan");
		assertThat(page.getByText("7 recommendations and 56 actions were imported.")).isVisible();
		assertThat(page.locator("#count-agreed")).hasText("4");
		assertThat(page.locator("#count-partly")).hasText("3");
		assertThat(page.locator("#count-not")).hasText("0");
		assertThat(page.locator("#count-total")).hasText("7");
		BrowserFixture.assertAccessible(page);
		String planUrl = page.url();

		int imported = redActions(page, base);
		org.assertj.core.api.Assertions.assertThat(imported).isEqualTo(before + 56);

		page.navigate(planUrl);
		page.locator("table a.govuk-link").first().click();
		assertThat(page.locator("h1")).containsText("Review and produce the Warwickshire");
		assertThat(page.locator(".govuk-summary-list")).containsText("Red");
		BrowserFixture.assertAccessible(page);
		page.getByLabel("Note").fill("Framework policy published");
		page.getByLabel("Complete").check();
		page.getByLabel("Evidence reference").fill("https://intranet.example/qa-framework.pdf");
		click(page, AriaRole.BUTTON, "Record the update");
		assertThat(page.getByText("Your update was recorded.")).isVisible();
		assertThat(page.locator(".govuk-summary-list")).containsText("Green");
		assertThat(page.locator("table")).containsText("Framework policy published");
		BrowserFixture.assertAccessible(page);
		org.assertj.core.api.Assertions.assertThat(redActions(page, base)).isEqualTo(imported - 1);

		page.navigate(planUrl);
		page.locator("table a.govuk-link").nth(1).click();
		page.getByLabel("Note").fill("Superseded by the new framework");
		page.getByLabel("Cancelled").check();
		page.getByLabel("Reason (needed to cancel)").fill("Merged into action 1");
		click(page, AriaRole.BUTTON, "Record the update");
		assertThat(page.locator("h1")).hasText("Check before you cancel the action");
		BrowserFixture.assertAccessible(page);
		click(page, AriaRole.BUTTON, "Cancel the action");
		assertThat(page.locator(".govuk-summary-list")).containsText("Cancelled: Merged into action 1");
		org.assertj.core.api.Assertions.assertThat(redActions(page, base)).isEqualTo(imported - 2);

		page.navigate(base + "/");
		assertThat(page.locator("#improvement-actions-title")).isVisible();
		BrowserFixture.assertAccessible(page);
	}

}
