package org.probity.cases;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.shared.web.PageSession;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasePagesTests {

	static final String PASSWORD = "k8-password-long-enough";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	CaseData data;

	@BeforeAll
	void estateAndCases() {
		this.data = new CaseData(this.jdbc);
		this.data.aProvider("K8P").named("K8 provider").insert();
		this.data.anLdu("K8L1").named("K8 LDU").under("K8P").insert();
		this.data.aTeam("K8T1").named("K8 Alpha team").under("K8L1").insert();
		this.data.aTeam("K8T2").named("K8 Beta team").under("K8L1").insert();
		this.data.aTeam("K8T3").named("K8 Crowded team").under("K8L1").insert();
		this.data.aStaffMember("K8A0001").named("Pat", "Officer").inTeam("K8T1").insert();
		this.data.aStaffMember("K8A0002").named("Sam", "Other").inTeam("K8T2").insert();
		this.data.aStaffMember("K8A0003").named("Max", "Busy").graded("PSO").inTeam("K8T3").insert();
		this.data.aPerson("K800001").named("Alexandra", "Quenby").bornOn(LocalDate.of(1990, 4, 2)).insert();
		this.data.aPerson("K800002").named("Robin", "Secretive").bornOn(LocalDate.of(1985, 1, 9)).restricted().insert();
		this.data.aPerson("K800003").named("Chris", "Betateam").bornOn(LocalDate.of(1979, 12, 1)).insert();
		this.data.aCommunityOrder("K8E1")
			.forPerson("K800001")
			.sentencedOn(LocalDate.of(2024, 1, 10))
			.heldBy("K8A0001")
			.inTeam("K8T1")
			.insert();
		this.data.aLicence("K8E2")
			.forPerson("K800002")
			.sentencedOn(LocalDate.of(2024, 2, 1))
			.heldBy("K8A0001")
			.inTeam("K8T1")
			.insert();
		this.data.aCommunityOrder("K8E3")
			.forPerson("K800003")
			.sentencedOn(LocalDate.of(2024, 3, 1))
			.heldBy("K8A0002")
			.inTeam("K8T2")
			.insert();
		this.data.aContact("K8C1")
			.of("K800001", "K8E1")
			.by("K8A0001")
			.ofType("SUPERVISION")
			.at(LocalDateTime.of(2024, 2, 12, 14, 30))
			.withOutcome("UNACCEPTABLE_ABSENCE")
			.insert();
		this.data.accommodationOf("K8E2").status("NO_FIXED_ABODE").insert();
		for (int day = 1; day <= 25; day++) {
			this.data.aContact("K8CT" + day)
				.of("K800003", "K8E3")
				.by("K8A0002")
				.ofType("SUPERVISION")
				.at(LocalDateTime.of(2024, 4, day, 10, 0))
				.insert();
		}
		for (int i = 10; i < 40; i++) {
			String crn = "K8000" + i;
			this.data.aPerson(crn)
				.named("Person" + i, "Crowd" + (char) ('a' + (i % 26)))
				.bornOn(LocalDate.of(1980, 1, i % 28 + 1))
				.insert();
			this.data.aCommunityOrder("K8EC" + i)
				.forPerson(crn)
				.sentencedOn(LocalDate.of(2023, 1, 1).plusDays(i))
				.heldBy("K8A0003")
				.inTeam("K8T3")
				.insert();
		}
		account("k8-practitioner", Role.PRACTITIONER, "K8A0001", null);
		account("k8-beta-practitioner", Role.PRACTITIONER, "K8A0002", null);
		account("k8-line-manager", Role.LINE_MANAGER, null, "K8T1");
		account("k8-crowd-manager", Role.LINE_MANAGER, null, "K8T3");
		account("k8-quality", Role.QUALITY_TEAM, null, null);
		account("k8-api", Role.API_CLIENT, null, null);
	}

	private void account(String username, Role role, String staff, String unit) {
		this.accounts.createOrReset(username, username, role, (staff != null) ? new StaffCode(staff) : null,
				(unit != null) ? new UnitCode(unit) : null, PASSWORD);
	}

	private PageSession as(String username) {
		return new PageSession(this.port).signedIn(username, PASSWORD);
	}

	@Test
	void practitionerFetchingAnotherTeamsCaseByUrlIsForbiddenAndSeesNothingOfIt() {
		HttpResponse<String> response = as("k8-beta-practitioner").get("/cases/K800001");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("You cannot open this case")
			.doesNotContain("Alexandra")
			.doesNotContain("Quenby")
			.doesNotContain("2 April 1990")
			.doesNotContain("K8 Alpha team")
			.doesNotContain("K800001");
		assertThat(this.data.timesLogged("k8-beta-practitioner", "K800001", "REFUSED_OUT_OF_SCOPE")).isPositive();
	}

	@Test
	void restrictedCaseShowsALineManagerInScopeOnlyThatTheyAreRestricted() {
		HttpResponse<String> response = as("k8-line-manager").get("/cases/K800002");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("You are restricted from this case")
			.contains("K800002")
			.doesNotContain("Robin")
			.doesNotContain("Secretive")
			.doesNotContain("9 January 1985")
			.doesNotContain("No fixed abode");
	}

	@Test
	void qualityTeamOpensARestrictedCaseAndSeesWhoOpenedIt() {
		HttpResponse<String> response = as("k8-quality").get("/cases/K800002");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Robin Secretive")
			.contains("9 January 1985")
			.contains("No fixed abode")
			.contains("Who has opened this case")
			.contains("k8-quality");
	}

	@Test
	void staffOnTheCaseOpenARestrictedCase() {
		HttpResponse<String> response = as("k8-practitioner").get("/cases/K800002");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Robin Secretive").doesNotContain("Who has opened this case");
	}

	@Test
	void casePageShowsTheContactTimelineWithOutcomes() {
		HttpResponse<String> response = as("k8-line-manager").get("/cases/K800001");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Alexandra Quenby")
			.contains("Community order")
			.contains("K8 Alpha team")
			.contains("Unacceptable absence")
			.contains("12 February 2024 at 2:30pm");
	}

	@Test
	void contactTimelineShowsTheNewestTwentyUntilAllAreAskedFor() {
		PageSession practitioner = as("k8-beta-practitioner");

		String recent = practitioner.get("/cases/K800003").body();
		String all = practitioner.get("/cases/K800003?contacts=all").body();

		assertThat(recent).contains("Showing the 20 most recent of 25 contacts")
			.contains("Show all contacts")
			.contains("25 April 2024 at 10:00am")
			.doesNotContain(">5 April 2024 at 10:00am")
			.contains("Attended and complied");
		assertThat(recent.indexOf("25 April 2024")).isLessThan(recent.indexOf("24 April 2024"));
		assertThat(all).contains(">1 April 2024 at 10:00am").doesNotContain("Show all contacts");
	}

	@Test
	void unknownOrMalformedCrnIsNotFound() {
		PageSession quality = as("k8-quality");

		assertThat(quality.get("/cases/K899999").statusCode()).isEqualTo(404);
		assertThat(quality.get("/cases/not-a-crn").statusCode()).isEqualTo(404);
	}

	@Test
	void searchFindsACaseByExactCrnWhateverItsCase() {
		HttpResponse<String> response = as("k8-line-manager").get("/cases?q=k800001");

		assertThat(response.body()).contains("Quenby, Alexandra").contains("Showing <strong>1</strong>");
	}

	@Test
	void searchFindsByTheStartOfSurnameOrForenameIgnoringCase() {
		PageSession quality = as("k8-quality");

		assertThat(quality.get("/cases?q=QUEN").body()).contains("K800001");
		assertThat(quality.get("/cases?q=alexand").body()).contains("K800001");
		assertThat(quality.get("/cases?q=alexandra+quenby").body()).contains("K800001");
		assertThat(quality.get("/cases?q=uenby").body()).doesNotContain("K800001");
	}

	@Test
	void searchStaysWithinTheUsersScope() {
		HttpResponse<String> response = as("k8-beta-practitioner").get("/cases?q=K800001");

		assertThat(response.body()).doesNotContain("Quenby").contains("No cases match");
		assertThat(as("k8-beta-practitioner").get("/cases").body()).contains("K800003").doesNotContain("K800001");
	}

	@Test
	void restrictedPersonIsListedWithoutDetailsToThoseWhoMayNotOpenIt() {
		String list = as("k8-line-manager").get("/cases").body();

		assertThat(list).contains("K800002").contains("Restricted case").doesNotContain("Secretive");
		assertThat(as("k8-line-manager").get("/cases?q=secretive").body()).doesNotContain("K800002");
	}

	@Test
	void caseListIsPaginatedTwentyFiveToAPage() {
		PageSession manager = as("k8-crowd-manager");

		String first = manager.get("/cases").body();
		String second = manager.get("/cases?page=2").body();

		assertThat(first).contains("Showing <strong>1</strong> to <strong>25</strong>")
			.contains("of <strong>30</strong>")
			.contains("govuk-pagination");
		assertThat(second).contains("Showing <strong>26</strong> to <strong>30</strong>").contains("K800039");
	}

	@Test
	void caseListSortsOnTheServerAndSaysSoToAssistiveTechnology() {
		String byNameDescending = as("k8-crowd-manager").get("/cases?sort=surname&order=desc").body();

		assertThat(byNameDescending).contains("aria-sort=\"descending\"").doesNotContain("Crowda");
		assertThat(byNameDescending.indexOf("Crowdz")).isLessThan(byNameDescending.indexOf("Crowdy"));
		String byCrn = as("k8-crowd-manager").get("/cases?sort=crn&order=asc").body();
		assertThat(byCrn.indexOf("K800010")).isLessThan(byCrn.indexOf("K800011"));
	}

	@Test
	void apiClientsHaveNoCasePages() {
		HttpResponse<String> response = as("k8-api").get("/cases");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("You do not have access to this page");
	}

}
