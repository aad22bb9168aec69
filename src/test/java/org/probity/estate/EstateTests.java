package org.probity.estate;

import java.net.http.HttpResponse;
import java.time.LocalDate;

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
class EstateTests {

	static final String PASSWORD = "k6-password-long-enough";

	@LocalServerPort
	int port;

	@Autowired
	Estate estate;

	@Autowired
	CaseloadCounts caseloads;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	void estate() {
		CaseData caseData = new CaseData(this.jdbc);
		caseData.aProvider("K6P").named("K6 provider").insert();
		caseData.aRegion("K6R").named("K6 north region").under("K6P").insert();
		caseData.anLdu("K6L1").named("K6 city LDU").under("K6R").insert();
		caseData.anLdu("K6L2").named("K6 county LDU").under("K6P").insert();
		caseData.aTeam("K6T1").named("K6 city team").under("K6L1").insert();
		caseData.aTeam("K6T2").named("K6 docks team").under("K6L1").insert();
		caseData.aTeam("K6T3").named("K6 county team").under("K6L2").insert();
		caseData.aStaffMember("K6A0001").named("Pat", "Officer").inTeam("K6T1").insert();
		caseData.aStaffMember("K6A0002")
			.named("Lee", "Senior")
			.graded("SPO")
			.inTeam("K6T1")
			.startedOn(LocalDate.of(2016, 1, 4))
			.insert();
		caseData.aStaffMember("K6A0003")
			.named("Ash", "Newer")
			.graded("SPO")
			.inTeam("K6T1")
			.startedOn(LocalDate.of(2020, 1, 6))
			.insert();
		caseData.aStaffMember("K6A0004")
			.named("Gone", "Manager")
			.graded("SPO")
			.inTeam("K6T2")
			.startedOn(LocalDate.of(2010, 1, 4))
			.leftOn(LocalDate.of(2019, 1, 4))
			.insert();
		caseData.aStaffMember("K6A0005").named("Docks", "Officer").inTeam("K6T2").insert();
		caseData.aStaffMember("K6A0006").named("County", "Officer").graded("PSO").inTeam("K6T3").insert();
		caseData.aPerson("K600001").named("Ann", "One").bornOn(LocalDate.of(1990, 1, 1)).insert();
		caseData.aPerson("K600002").named("Bea", "Two").bornOn(LocalDate.of(1991, 1, 1)).insert();
		caseData.aPerson("K600003").named("Cy", "Three").bornOn(LocalDate.of(1992, 1, 1)).insert();
		caseData.aPerson("K600004").named("Di", "Four").bornOn(LocalDate.of(1993, 1, 1)).insert();
		caseData.aCommunityOrder("K6E1")
			.forPerson("K600001")
			.sentencedOn(LocalDate.of(2024, 1, 1))
			.heldBy("K6A0001")
			.inTeam("K6T1")
			.insert();
		caseData.aSuspendedSentenceOrder("K6E2")
			.forPerson("K600001")
			.sentencedOn(LocalDate.of(2024, 2, 1))
			.heldBy("K6A0001")
			.inTeam("K6T1")
			.insert();
		caseData.aCommunityOrder("K6E3")
			.forPerson("K600002")
			.sentencedOn(LocalDate.of(2024, 1, 1))
			.heldBy("K6A0006")
			.inTeam("K6T3")
			.insert();
		caseData.aCommunityOrder("K6E4")
			.forPerson("K600002")
			.sentencedOn(LocalDate.of(2020, 1, 1))
			.heldBy("K6A0005")
			.inTeam("K6T2")
			.terminatedOn(LocalDate.of(2021, 1, 1), "COMPLETED")
			.insert();
		// active in two teams of one LDU, and in two LDUs: counted once where they
		// meet
		caseData.aCommunityOrder("K6E5")
			.forPerson("K600003")
			.sentencedOn(LocalDate.of(2024, 3, 1))
			.heldBy("K6A0002")
			.inTeam("K6T1")
			.insert();
		caseData.aCommunityOrder("K6E6")
			.forPerson("K600003")
			.sentencedOn(LocalDate.of(2024, 4, 1))
			.heldBy("K6A0005")
			.inTeam("K6T2")
			.insert();
		caseData.aCommunityOrder("K6E7")
			.forPerson("K600004")
			.sentencedOn(LocalDate.of(2024, 3, 1))
			.heldBy("K6A0003")
			.inTeam("K6T1")
			.insert();
		caseData.aCommunityOrder("K6E8")
			.forPerson("K600004")
			.sentencedOn(LocalDate.of(2024, 4, 1))
			.heldBy("K6A0006")
			.inTeam("K6T3")
			.insert();
		this.accounts.createOrReset("k6-quality", "K6 Quality", Role.QUALITY_TEAM, null, null, PASSWORD);
		this.accounts.createOrReset("k6-practitioner", "K6 PO", Role.PRACTITIONER, new StaffCode("K6A0001"), null,
				PASSWORD);
	}

	@Test
	void teamsUnderAUnitAreTheTeamsAtOrBelowIt() {
		assertThat(this.estate.teamsUnder(new UnitCode("K6P"))).containsExactlyInAnyOrder(new UnitCode("K6T1"),
				new UnitCode("K6T2"), new UnitCode("K6T3"));
		assertThat(this.estate.teamsUnder(new UnitCode("K6L1"))).containsExactlyInAnyOrder(new UnitCode("K6T1"),
				new UnitCode("K6T2"));
		assertThat(this.estate.teamsUnder(new UnitCode("K6T3"))).containsExactly(new UnitCode("K6T3"));
		assertThat(this.estate.teamsUnder(new UnitCode("K6NONE"))).isEmpty();
	}

	@Test
	void unitsKnowTheirChildrenAndAncestors() {
		assertThat(this.estate.children(new UnitCode("K6P"))).extracting(Unit::code)
			.containsExactlyInAnyOrder(new UnitCode("K6R"), new UnitCode("K6L2"));
		assertThat(this.estate.ancestors(new UnitCode("K6T1"))).extracting(Unit::code)
			.containsExactly(new UnitCode("K6P"), new UnitCode("K6R"), new UnitCode("K6L1"));
		assertThat(this.estate.unit(new UnitCode("K6L2"))).get()
			.extracting(Unit::type, Unit::parentCode)
			.containsExactly(UnitType.LDU, new UnitCode("K6P"));
	}

	@Test
	void lineManagerIsTheLongestServingSpoInPostInTheTeam() {
		assertThat(this.estate.lineManagerOf(new StaffCode("K6A0001"))).get()
			.extracting(Staff::code)
			.isEqualTo(new StaffCode("K6A0002"));
		assertThat(this.estate.lineManagerOf(new StaffCode("K6A0002"))).get()
			.extracting(Staff::code)
			.isEqualTo(new StaffCode("K6A0003"));
		assertThat(this.estate.lineManagerOf(new StaffCode("K6A0005"))).isEmpty();
	}

	@Test
	void staffOfATeamAreListedBySurname() {
		assertThat(this.estate.staffOfTeam(new UnitCode("K6T1"))).extracting(Staff::surname)
			.containsExactly("Newer", "Officer", "Senior");
		assertThat(this.estate.staff(new StaffCode("K6A0006"))).get().extracting(Staff::grade).isEqualTo(Grade.PSO);
	}

	@Test
	void caseloadsCountActiveEventsAndPeopleForTheTeamAndEveryUnitAbove() {
		var byUnit = this.caseloads.byUnit();

		assertThat(byUnit.get(new UnitCode("K6T1"))).isEqualTo(new CaseloadCounts.Caseload(4, 3));
		// K600002's event here ended; K600003 is active here and in the city team
		assertThat(byUnit.get(new UnitCode("K6T2"))).isEqualTo(new CaseloadCounts.Caseload(1, 1));
		assertThat(byUnit.get(new UnitCode("K6T3"))).isEqualTo(new CaseloadCounts.Caseload(2, 2));
		assertThat(byUnit.get(new UnitCode("K6L1"))).isEqualTo(new CaseloadCounts.Caseload(5, 3));
		assertThat(byUnit.get(new UnitCode("K6L2"))).isEqualTo(new CaseloadCounts.Caseload(2, 2));
		assertThat(byUnit.get(new UnitCode("K6R"))).isEqualTo(new CaseloadCounts.Caseload(5, 3));
		assertThat(byUnit.get(new UnitCode("K6P"))).isEqualTo(new CaseloadCounts.Caseload(7, 4));
		assertThat(this.caseloads.byStaffOfTeam(new UnitCode("K6T1"))).containsEntry(new StaffCode("K6A0001"),
				new CaseloadCounts.Caseload(2, 1));
	}

	@Test
	void staffInPostAreCountedForTheirTeamAndEveryUnitAbove() {
		assertThat(this.estate.staffInPost()).containsEntry(new UnitCode("K6T2"), 1L)
			.containsEntry(new UnitCode("K6L1"), 4L)
			.containsEntry(new UnitCode("K6P"), 5L);
	}

	@Test
	void estatePageShowsTheTreeWithCaseloads() {
		HttpResponse<String> page = new PageSession(this.port).signedIn("k6-quality", PASSWORD).get("/estate");

		assertThat(page.statusCode()).isEqualTo(200);
		String body = page.body();
		assertThat(body).contains("K6 provider", "K6 north region", "K6 city LDU", "K6 city team", "K6 county team");
		assertThat(body.indexOf("K6 north region")).isLessThan(body.indexOf("K6 city LDU"));
		assertThat(body.indexOf("K6 city LDU")).isLessThan(body.indexOf("K6 city team"));
	}

	@Test
	void unitPageShowsItsStaffWithGradesAndCaseloads() {
		HttpResponse<String> page = new PageSession(this.port).signedIn("k6-quality", PASSWORD)
			.get("/estate/units/K6T1");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("K6 city team", "Pat Officer", "K6A0001", "SPO", "Senior probation officer");
	}

	@Test
	void unknownUnitIsNotFound() {
		assertThat(new PageSession(this.port).signedIn("k6-quality", PASSWORD).get("/estate/units/K6NOPE").statusCode())
			.isEqualTo(404);
	}

	@Test
	void practitionersDoNotSeeTheEstatePages() {
		assertThat(new PageSession(this.port).signedIn("k6-practitioner", PASSWORD).get("/estate").statusCode())
			.isEqualTo(403);
	}

}
