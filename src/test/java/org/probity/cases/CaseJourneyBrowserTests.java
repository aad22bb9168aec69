package org.probity.cases;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.probity.BrowserFixture;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality team's journey in a real browser (Debian's chromium): sign in, find a
 * person on probation by name, open their case; each page checked with axe-core against
 * WCAG 2.2 AA.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseJourneyBrowserTests {

	@RegisterExtension
	static final BrowserFixture browser = new BrowserFixture();

	static final String PASSWORD = "k9-password-long-enough";

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	void caseAndBrowser() {
		new CaseDataFactory(this.jdbc).unit("K9P", "K9 provider", "PROVIDER", null)
			.unit("K9L", "K9 LDU", "LDU", "K9P")
			.unit("K9T", "K9 journey team", "TEAM", "K9L")
			.staff("K9A0001", "Jo", "Journey", "PO", "K9T")
			.person("K900001", "Morgan", "Zanzibar", LocalDate.of(1988, 6, 15), false)
			.event("K9E1", "K900001", "LICENCE", LocalDate.of(2024, 1, 10), "K9A0001", "K9T")
			.plan("K9PL1", "K9E1", "RESETTLEMENT_PLAN", null, false)
			.referral("K9RF1", "K9E1", "RECALL", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1), "PROVEN")
			.accommodation("K9E1", "SETTLED")
			.contact("K9C1", "K900001", "K9E1", "K9A0001", "HOME_VISIT", LocalDateTime.of(2024, 1, 20, 9, 15),
					"ATTENDED_COMPLIED");
		this.accounts.createOrReset("k9-quality", "K9 Quality", Role.QUALITY_TEAM, null, null, PASSWORD);
	}

	@Test
	void qualityTeamFindsAPersonByNameOpensTheirCaseAndSeesTheEstate() {
		Page page = browser.signedIn("k9-quality", PASSWORD, "/cases");
		page.waitForURL((url) -> url.contains("/cases"));

		page.getByLabel("Search by CRN or name").fill("zanz");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search"))
			.click();
		assertThat(page.locator("#cases").textContent()).contains("Zanzibar, Morgan").contains("K9 journey team");
		BrowserFixture.assertAccessible(page);

		page.getByText("K900001").click();
		page.waitForURL("**/cases/K900001");
		assertThat(page.locator("h1").textContent()).contains("Morgan Zanzibar");
		assertThat(page.content()).contains("Recall", "Proven", "Settled", "Resettlement plan", "Home visit",
				"Attended and complied");
		BrowserFixture.assertAccessible(page);

		page.navigate(browser.url("/estate"));
		assertThat(page.locator("table").first().textContent()).contains("K9 journey team");
		BrowserFixture.assertAccessible(page);
		page.getByText("K9 journey team").first().click();
		page.waitForURL("**/estate/units/K9T");
		assertThat(page.content()).contains("Jo Journey");
		BrowserFixture.assertAccessible(page);
		if (System.getenv("PROBITY_SCREENSHOTS") != null) {
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("/tmp/case.png")).setFullPage(true));
			page.navigate(browser.url("/estate"));
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("/tmp/estate.png")).setFullPage(true));
		}
		page.close();
	}

}
