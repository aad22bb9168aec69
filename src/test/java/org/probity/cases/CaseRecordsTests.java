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
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.testing.CaseData;

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

	CaseData data;

	@BeforeAll
	void estateAndCases() {
		this.data = new CaseData(this.jdbc);
		this.data.aProvider("K7P").named("K7 provider").insert();
		this.data.aRegion("K7R").named("K7 region").under("K7P").insert();
		this.data.anLdu("K7L1").named("K7 LDU one").under("K7R").insert();
		this.data.anLdu("K7L2").named("K7 LDU two").under("K7R").insert();
		this.data.aTeam("K7T1").named("K7 team one").under("K7L1").insert();
		this.data.aTeam("K7T2").named("K7 team two").under("K7L1").insert();
		this.data.aTeam("K7T3").named("K7 team three").under("K7L2").insert();
		this.data.aStaffMember("K7A0001").named("Pat", "Officer").inTeam("K7T1").insert();
		this.data.aStaffMember("K7A0002").named("Sam", "Other").inTeam("K7T2").insert();
		this.data.aStaffMember("K7A0003").named("Lee", "Senior").graded("SPO").inTeam("K7T1").insert();
		this.data.aStaffMember("K7A0004").named("Kim", "Far").inTeam("K7T3").insert();
		this.data.aPerson(OPEN_CASE.value()).named("Alex", "Kayseven").bornOn(LocalDate.of(1990, 4, 2)).insert();
		this.data.aPerson(RESTRICTED_CASE.value())
			.named("Robin", "Hidden")
			.bornOn(LocalDate.of(1985, 1, 9))
			.restricted()
			.insert();
		this.data.aPerson(OTHER_LDU_CASE.value())
			.named("Chris", "Elsewhere")
			.bornOn(LocalDate.of(1979, 12, 1))
			.insert();
		this.data.aCommunityOrder("K7E1")
			.forPerson(OPEN_CASE.value())
			.sentencedOn(LocalDate.of(2024, 1, 10))
			.heldBy("K7A0001")
			.inTeam("K7T1")
			.insert();
		this.data.aSuspendedSentenceOrder("K7E0")
			.forPerson(OPEN_CASE.value())
			.sentencedOn(LocalDate.of(2021, 3, 1))
			.heldBy("K7A0002")
			.inTeam("K7T2")
			.terminatedOn(LocalDate.of(2022, 3, 1), "COMPLETED")
			.insert();
		this.data.aLicence("K7E2")
			.forPerson(RESTRICTED_CASE.value())
			.sentencedOn(LocalDate.of(2024, 2, 1))
			.heldBy("K7A0001")
			.inTeam("K7T1")
			.insert();
		this.data.aCommunityOrder("K7E3")
			.forPerson(OTHER_LDU_CASE.value())
			.sentencedOn(LocalDate.of(2024, 3, 1))
			.heldBy("K7A0004")
			.inTeam("K7T3")
			.insert();
		this.data.aRequirement("K7R1").of("K7E1").lasting(120).startingOn(LocalDate.of(2024, 1, 20)).insert();
		this.data.aContact("K7C1")
			.of(OPEN_CASE.value(), "K7E1")
			.by("K7A0001")
			.at(LocalDateTime.of(2024, 1, 12, 10, 0))
			.insert();
		this.data.aContact("K7C2")
			.of(OPEN_CASE.value(), "K7E1")
			.by("K7A0001")
			.ofType("SUPERVISION")
			.at(LocalDateTime.of(2024, 2, 12, 14, 30))
			.withOutcome("UNACCEPTABLE_ABSENCE")
			.insert();
		this.data.aPlan("K7PL1").of("K7E1").completedOn(LocalDate.of(2024, 2, 1)).insert();
		this.data.aReferral("K7RF1")
			.of("K7E1")
			.awareOn(LocalDate.of(2024, 2, 12))
			.referredOn(LocalDate.of(2024, 2, 20))
			.insert();
		this.data.accommodationOf("K7E2").status("TEMPORARY").insert();
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
		this.accounts.createOrReset(username, username, role, (staff != null) ? new StaffCode(staff) : null,
				(unit != null) ? new UnitCode(unit) : null, "k7-password-long-enough");
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
		int before = this.data.timesLogged("k7-practitioner", OTHER_LDU_CASE.value(), "REFUSED_OUT_OF_SCOPE");

		CaseOpening opening = this.records.open(OTHER_LDU_CASE, user("k7-practitioner"));

		assertThat(opening).isEqualTo(new CaseOpening.OutOfScope(OTHER_LDU_CASE));
		assertThat(this.data.timesLogged("k7-practitioner", OTHER_LDU_CASE.value(), "REFUSED_OUT_OF_SCOPE"))
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
		int before = this.data.timesLogged("k7-line-manager", RESTRICTED_CASE.value(), "REFUSED_RESTRICTED");

		CaseOpening opening = this.records.open(RESTRICTED_CASE, user("k7-line-manager"));

		assertThat(opening).isEqualTo(new CaseOpening.Restricted(RESTRICTED_CASE));
		assertThat(this.data.timesLogged("k7-line-manager", RESTRICTED_CASE.value(), "REFUSED_RESTRICTED"))
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
		int before = this.data.timesLogged("k7-quality", OPEN_CASE.value(), "OPENED");

		this.records.open(OPEN_CASE, user("k7-quality"));
		this.records.open(OPEN_CASE, user("k7-quality"));

		assertThat(this.data.timesLogged("k7-quality", OPEN_CASE.value(), "OPENED")).isEqualTo(before + 2);
	}

	@Test
	void mayOpenWritesNothingToTheLog() {
		int before = this.data.timesLogged("k7-senior-manager", RESTRICTED_CASE.value(), "REFUSED_RESTRICTED");

		assertThat(this.records.mayOpen(RESTRICTED_CASE, user("k7-senior-manager"))).isFalse();

		assertThat(this.data.timesLogged("k7-senior-manager", RESTRICTED_CASE.value(), "REFUSED_RESTRICTED"))
			.isEqualTo(before);
	}

	@Test
	void unknownCrnIsNotFound() {
		assertThat(this.records.open(new Crn("K799999"), user("k7-quality")))
			.isEqualTo(new CaseOpening.NotFound(new Crn("K799999")));
		assertThat(this.records.exists(new Crn("K799999"))).isFalse();
	}

}
