package org.probity.imports;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import java.util.Base64;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.probity.BrowserFixture;
import org.probity.IntegrationTest;
import org.probity.testing.CaseData;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member of the quality team imports a people file in a real browser (Debian's
 * chromium), fixes the problem the error summary shows, imports it and finds the person.
 * Codes here start with Z8.
 */
@IntegrationTest
class ImportJourneyTests {

	@RegisterExtension
	static final BrowserFixture browser = new BrowserFixture();

	@Test
	void importsAPeopleFileAfterFixingTheRowTheErrorSummaryShows() throws Exception {
		postToApi("units",
				CaseData.csv(Dataset.UNITS)
					.row("unit_code", "Z8P", "unit_type", "PROVIDER", "parent_code", "")
					.row("unit_code", "Z8L1", "unit_type", "LDU", "parent_code", "Z8P")
					.row("unit_code", "Z8T1", "unit_type", "TEAM", "parent_code", "Z8L1")
					.text());
		postToApi("staff", CaseData.csv(Dataset.STAFF).row("staff_code", "Z8S0001", "team_code", "Z8T1").text());
		Page page = browser.admin();
		page.navigate(browser.url("/imports"));
		assertThat(page.locator("h1")).hasText("Import case data");
		BrowserFixture.assertAccessible(page);

		page.getByLabel("Dataset").selectOption("people");
		page.getByLabel("CSV file")
			.setInputFiles(new FilePayload("people.csv", "text/csv",
					CaseData.csv(Dataset.PEOPLE)
						.row("crn", "Z800001", "surname", "Okafor")
						.row("crn", "Z800002", "surname", "Lindqvist", "date_of_birth", "31/02/1985")
						.text()
						.getBytes(StandardCharsets.UTF_8)));
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import"))
			.click();

		assertThat(page.locator(".govuk-error-summary")).isVisible();
		assertThat(page.locator(".govuk-error-summary__list")).containsText("Row 3, column date_of_birth");
		assertThat(page.locator(".govuk-error-summary__list a").first()).hasAttribute("href", "#file");
		assertThat(page.locator("#file-error")).containsText("people.csv has 1 problem");
		BrowserFixture.assertAccessible(page);

		page.getByLabel("Dataset").selectOption("people");
		page.getByLabel("CSV file")
			.setInputFiles(new FilePayload("people.csv", "text/csv",
					CaseData.csv(Dataset.PEOPLE)
						.row("crn", "Z800001", "surname", "Okafor")
						.row("crn", "Z800002", "surname", "Lindqvist", "date_of_birth", "1985-02-28")
						.text()
						.getBytes(StandardCharsets.UTF_8)));
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import"))
			.click();

		assertThat(page.locator(".govuk-notification-banner--success"))
			.containsText("people.csv imported: 2 new rows, 0 changed");
		BrowserFixture.assertAccessible(page);

		page.getByText("see the history of imports").click();
		assertThat(page.locator("table tbody tr").first()).containsText("people.csv");
		assertThat(page.locator("table tbody tr").first()).containsText("Applied");
		assertThat(page.locator("table tbody tr").nth(1)).containsText("Rejected");
		BrowserFixture.assertAccessible(page);

		// The case search (/cases?q=) is built on another branch: this step runs once it
		// exists, and is skipped while /cases answers 404.
		Response cases = page.navigate(browser.url("/cases?q=Z800002"));
		if (cases.status() != 404) {
			assertThat(page.locator("main")).containsText("Z800002");
			assertThat(page.locator("main")).containsText("Lindqvist");
		}
	}

	private void postToApi(String dataset, String csv) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(browser.url("/api/v1/imports/" + dataset)))
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString(("admin:" + BrowserFixture.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "text/csv")
				.POST(HttpRequest.BodyPublishers.ofString(csv))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

}
