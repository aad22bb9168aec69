package org.probity.cases;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.shared.Crn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseRecordsTests {

	static final Crn OPEN_CASE = new Crn("K700001");

	static final Crn RESTRICTED_CASE = new Crn("K700002");

	static final Crn OTHER_LDU_CASE = new Crn("K700003");

	@Autowired
	CaseRecords records;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	CaseDataFactory data;

	@BeforeAll
	void estateAndCases() {
		this.data = new CaseDataFactory(this.jdbc);
		this.data.unit("K7P", "K7 provider", "PROVIDER", null)
			.unit("K7R", "K7 region", "REGION", "K7P")
			.unit("K7L1", "K7 LDU one", "LDU", "K7R")
			.unit("K7L2", "K7 LDU two", "LDU", "K7R")
			.unit("K7T1", "K7 team one", "TEAM", "K7L1")
			.unit("K7T2", "K7 team two", "TEAM", "K7L1")
			.unit("K7T3", "K7 team three", "TEAM", "K7L2")
			.staff("K7A0001", "Pat", "Officer", "PO", "K7T1")
			.staff("K7A0002", "Sam", "Other", "PO", "K7T2")
			.staff("K7A0003", "Lee", "Senior", "SPO", "K7T1")
			.staff("K7A0004", "Kim", "Far", "PO", "K7T3")
			.person(OPEN_CASE.value(), "Alex", "Kayseven", LocalDate.of(1990, 4, 2), false)
			.person(RESTRICTED_CASE.value(), "Robin", "Hidden", LocalDate.of(1985, 1, 9), true)
			.person(OTHER_LDU_CASE.value(), "Chris", "Elsewhere", LocalDate.of(1979, 12, 1), false)
			.event("K7E1", OPEN_CASE.value(), "COMMUNITY_ORDER", LocalDate.of(2024, 1, 10), "K7A0001", "K7T1")
			.event("K7E0", OPEN_CASE.value(), "SUSPENDED_SENTENCE_ORDER", LocalDate.of(2021, 3, 1), "K7A0002", "K7T2",
					LocalDate.of(2022, 3, 1), "COMPLETED")
			.event("K7E2", RESTRICTED_CASE.value(), "LICENCE", LocalDate.of(2024, 2, 1), "K7A0001", "K7T1")
			.event("K7E3", OTHER_LDU_CASE.value(), "COMMUNITY_ORDER", LocalDate.of(2024, 3, 1), "K7A0004", "K7T3")
			.requirement("K7R1", "K7E1", "UNPAID_WORK", 120, LocalDate.of(2024, 1, 20))
			.contact("K7C1", OPEN_CASE.value(), "K7E1", "K7A0001", "INITIAL_APPOINTMENT",
					LocalDateTime.of(2024, 1, 12, 10, 0), "ATTENDED_COMPLIED")
			.contact("K7C2", OPEN_CASE.value(), "K7E1", "K7A0001", "SUPERVISION", LocalDateTime.of(2024, 2, 12, 14, 30),
					"UNACCEPTABLE_ABSENCE")
			.plan("K7PL1", "K7E1", "SENTENCE_PLAN", LocalDate.of(2024, 2, 1), true)
			.referral("K7RF1", "K7E1", "BREACH", LocalDate.of(2024, 2, 12), LocalDate.of(2024, 2, 20), "PENDING")
			.accommodation("K7E2", "TEMPORARY");
		account("k7-practitioner", Role.PRACTITIONER, "K7A0001", null);
		account("k7-other-practitioner", Role.PRACTITIONER, "K7A0002", null);
		account("k7-line-manager", Role.LINE_MANAGER, null, "K7T1");
		account("k7-senior-manager", Role.SENIOR_MANAGER, null, "K7L1");
		account("k7-quality", Role.QUALITY_TEAM, null, null);
		account("k7-admin", Role.ADMIN, null, null);
		account("k7-api", Role.API_CLIENT, null, null);
		account("k7-unlinked", Role.PRACTITIONER, null, null);
	}

	private void account(String username, Role role, String staff, String unit) {
		this.accounts.createOrReset(username, username, role, staff, unit, "k7-password-long-enough");
	}

	private CurrentUser user(String username) {
		return this.accounts.userFor(username).orElseThrow();
	}

	@Test
	void opensTheWholeCaseFileForTheResponsibleOfficer() {
		CaseOpening opening = this.records.open(OPEN_CASE, user("k7-practitioner"));

		assertThat(opening).isInstanceOf(CaseOpening.Opened.class);
		CaseFile file = ((CaseOpening.Opened) opening).file();
		assertThat(file.person().name()).isEqualTo("Alex Kayseven");
		assertThat(file.events()).extracting(CaseFile.Event::eventId).containsExactly("K7E1", "K7E0");
		CaseFile.Event current = file.events().get(0);
		assertThat(current.active()).isTrue();
		assertThat(current.teamName()).isEqualTo("K7 team one");
		assertThat(current.staffName()).isEqualTo("Pat Officer");
		assertThat(current.requirements()).extracting(CaseFile.Requirement::lengthLabel).containsExactly("120 hours");
		assertThat(current.plans()).extracting(CaseFile.Plan::planType).containsExactly("SENTENCE_PLAN");
		assertThat(current.referrals()).extracting(CaseFile.Referral::outcome).containsExactly("PENDING");
		assertThat(file.events().get(1).active()).isFalse();
		assertThat(file.contacts()).extracting(CaseFile.Contact::contactId).containsExactly("K7C2", "K7C1");
	}

	@Test
	void practitionerReachesCasesWhereTheyAreResponsibleOfficerOfAnyEventEvenTerminated() {
		assertThat(this.records.mayOpen(OPEN_CASE, user("k7-other-practitioner"))).isTrue();
		assertThat(this.records.mayOpen(OTHER_LDU_CASE, user("k7-practitioner"))).isFalse();
	}

	@Test
	void refusesAnotherTeamsCaseToAPractitionerAndLogsTheRefusal() {
		int before = this.data.logged("k7-practitioner", OTHER_LDU_CASE.value(), "REFUSED_OUT_OF_SCOPE");

		CaseOpening opening = this.records.open(OTHER_LDU_CASE, user("k7-practitioner"));

		assertThat(opening).isEqualTo(new CaseOpening.OutOfScope(OTHER_LDU_CASE));
		assertThat(this.data.logged("k7-practitioner", OTHER_LDU_CASE.value(), "REFUSED_OUT_OF_SCOPE"))
			.isEqualTo(before + 1);
	}

	@Test
	void managersReachCasesWithAnEventAtOrBelowTheirUnit() {
		assertThat(this.records.mayOpen(OPEN_CASE, user("k7-line-manager"))).isTrue();
		assertThat(this.records.mayOpen(OTHER_LDU_CASE, user("k7-line-manager"))).isFalse();
		assertThat(this.records.mayOpen(OPEN_CASE, user("k7-senior-manager"))).isTrue();
		assertThat(this.records.mayOpen(OTHER_LDU_CASE, user("k7-senior-manager"))).isFalse();
	}

	@Test
	void qualityTeamAndAdminReachEveryUnrestrictedCase() {
		assertThat(this.records.mayOpen(OTHER_LDU_CASE, user("k7-quality"))).isTrue();
		assertThat(this.records.mayOpen(OTHER_LDU_CASE, user("k7-admin"))).isTrue();
	}

	@Test
	void apiClientsReachUnrestrictedCasesThroughTheApiAndUnlinkedAccountsNone() {
		// API clients have no case pages (their role is refused there); through the API
		// they see every unit, restricted cases only as restricted
		assertThat(this.records.mayOpen(OPEN_CASE, user("k7-api"))).isTrue();
		assertThat(this.records.mayOpen(RESTRICTED_CASE, user("k7-api"))).isFalse();
		assertThat(this.records.mayOpen(OPEN_CASE, user("k7-unlinked"))).isFalse();
	}

	@Test
	void restrictedCaseIsRefusedToALineManagerInScopeAndTheRefusalIsLogged() {
		int before = this.data.logged("k7-line-manager", RESTRICTED_CASE.value(), "REFUSED_RESTRICTED");

		CaseOpening opening = this.records.open(RESTRICTED_CASE, user("k7-line-manager"));

		assertThat(opening).isEqualTo(new CaseOpening.Restricted(RESTRICTED_CASE));
		assertThat(this.data.logged("k7-line-manager", RESTRICTED_CASE.value(), "REFUSED_RESTRICTED"))
			.isEqualTo(before + 1);
	}

	@Test
	void restrictedCaseOpensForTheQualityTeamAndStaffOnTheCaseButNotForAdmin() {
		assertThat(this.records.open(RESTRICTED_CASE, user("k7-quality"))).isInstanceOf(CaseOpening.Opened.class);
		assertThat(this.records.open(RESTRICTED_CASE, user("k7-practitioner"))).isInstanceOf(CaseOpening.Opened.class);
		assertThat(this.records.open(RESTRICTED_CASE, user("k7-admin")))
			.isEqualTo(new CaseOpening.Restricted(RESTRICTED_CASE));
	}

	@Test
	void everyOpeningIsLogged() {
		int before = this.data.logged("k7-quality", OPEN_CASE.value(), "OPENED");

		this.records.open(OPEN_CASE, user("k7-quality"));
		this.records.open(OPEN_CASE, user("k7-quality"));

		assertThat(this.data.logged("k7-quality", OPEN_CASE.value(), "OPENED")).isEqualTo(before + 2);
	}

	@Test
	void mayOpenWritesNothingToTheLog() {
		int before = this.data.logged("k7-senior-manager", RESTRICTED_CASE.value(), "REFUSED_RESTRICTED");

		assertThat(this.records.mayOpen(RESTRICTED_CASE, user("k7-senior-manager"))).isFalse();

		assertThat(this.data.logged("k7-senior-manager", RESTRICTED_CASE.value(), "REFUSED_RESTRICTED"))
			.isEqualTo(before);
	}

	@Test
	void unknownCrnIsNotFound() {
		assertThat(this.records.open(new Crn("K799999"), user("k7-quality")))
			.isEqualTo(new CaseOpening.NotFound(new Crn("K799999")));
		assertThat(this.records.exists(new Crn("K799999"))).isFalse();
	}

}
