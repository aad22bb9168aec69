package org.probity.accounts;

import java.net.http.HttpResponse;
import java.util.List;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.probity.BrowserFixture;
import org.probity.IntegrationTest;
import org.probity.shared.web.PageSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data dictionary page: administrators only, filtered by classification and module,
 * sorted, exported through the shared table export, and passing axe in a real browser.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataDictionaryPagesTests {

	@RegisterExtension
	static final BrowserFixture browser = new BrowserFixture();

	static final String PASSWORD = "dd-password-long-enough";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@BeforeAll
	void start() {
		this.accounts.createOrReset("dd-quality", "DD Quality", Role.QUALITY_TEAM, null, null, PASSWORD);
	}

	private PageSession admin() {
		return new PageSession(this.port).signedIn("admin", BrowserFixture.ADMIN_PASSWORD);
	}

	@Test
	void specialCategoryColumnsAreListedApartFromTheRest() {
		HttpResponse<String> page = admin().get("/admin/data-dictionary?classification=SPECIAL_CATEGORY");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Columns by classification")
			.contains(">ethnicity<")
			.contains(">sexual_orientation<")
			.contains("Special category")
			.doesNotContain(">summary<")
			.doesNotContain(">forename<");
		HttpResponse<String> feedback = admin().get("/admin/data-dictionary?module=feedback&sort=classification");
		assertThat(feedback.body()).contains(">survey_answer<").doesNotContain(">date_of_birth<");
		// special category first when sorted by classification
		assertThat(feedback.body().indexOf(">answer<")).isLessThan(feedback.body().indexOf(">complaint_id<"));
	}

	@Test
	void theExportHoldsTheFilteredColumns() {
		HttpResponse<String> csv = admin()
			.get("/admin/data-dictionary?module=cases&classification=PERSONAL&format=csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.get(0)).isEqualTo("module,table,column,classification,description,table_description");
		assertThat(lines).anySatisfy((l) -> assertThat(l).startsWith("cases,person,date_of_birth,PERSONAL,"));
		assertThat(lines.subList(1, lines.size())).allSatisfy((l) -> assertThat(l).startsWith("cases,"))
			.allSatisfy((l) -> assertThat(l).contains(",PERSONAL,"));
		assertThat(admin().get("/admin/data-dictionary?format=xlsx").statusCode()).isEqualTo(200);
	}

	@Test
	void onlyAdministratorsMayOpenItAndBadFiltersAre400() {
		PageSession quality = new PageSession(this.port).signedIn("dd-quality", PASSWORD);
		assertThat(quality.get("/admin/data-dictionary").statusCode()).isEqualTo(403);
		assertThat(admin().get("/admin/data-dictionary?classification=SECRET").statusCode()).isEqualTo(400);
		assertThat(admin().get("/admin/data-dictionary?sort=colour").statusCode()).isEqualTo(400);
		assertThat(admin().get("/admin/data-dictionary?module=nowhere").statusCode()).isEqualTo(400);
	}

	@Test
	void thePagePassesAxe() {
		try (Page page = browser.admin()) {
			page.navigate(browser.url("/admin/data-dictionary?module=people"));
			assertThat(page.locator("h1").textContent()).isEqualTo("Data dictionary");
			page.getByLabel("Classification").selectOption("PERSONNEL");
			page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Filter"))
				.click();
			page.waitForURL("**classification=PERSONNEL**");
			page.locator("#dictionary tbody tr").first().waitFor();
			assertThat(page.url()).contains("module=people");
			assertThat(page.locator("#dictionary tbody tr").allTextContents())
				.allSatisfy((row) -> assertThat(row).contains("people").contains("Personnel"));
			BrowserFixture.assertAccessible(page);
		}
	}

}
