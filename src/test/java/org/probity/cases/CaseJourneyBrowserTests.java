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
import org.probity.testing.CaseData;

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
		CaseData caseData = new CaseData(this.jdbc);
		caseData.aProvider("K9P").named("K9 provider").insert();
		caseData.anLdu("K9L").named("K9 LDU").under("K9P").insert();
		caseData.aTeam("K9T").named("K9 journey team").under("K9L").insert();
		caseData.aStaffMember("K9A0001").named("Jo", "Journey").inTeam("K9T").insert();
		caseData.aPerson("K900001").named("Morgan", "Zanzibar").bornOn(LocalDate.of(1988, 6, 15)).insert();
		caseData.aLicence("K9E1")
			.forPerson("K900001")
			.sentencedOn(LocalDate.of(2024, 1, 10))
			.heldBy("K9A0001")
			.inTeam("K9T")
			.insert();
		caseData.aPlan("K9PL1").of("K9E1").ofType("RESETTLEMENT_PLAN").draft().agreedWithPerson(false).insert();
		caseData.aReferral("K9RF1")
			.of("K9E1")
			.ofType("RECALL")
			.awareOn(LocalDate.of(2024, 3, 1))
			.referredOn(LocalDate.of(2024, 3, 1))
			.withOutcome("PROVEN")
			.insert();
		caseData.accommodationOf("K9E1").status("SETTLED").insert();
		caseData.aContact("K9C1")
			.of("K900001", "K9E1")
			.by("K9A0001")
			.ofType("HOME_VISIT")
			.at(LocalDateTime.of(2024, 1, 20, 9, 15))
			.insert();
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
