package org.probity.estate;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.cases.CaseDataFactory;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.shared.web.PageSession;

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
		new CaseDataFactory(this.jdbc).unit("K6P", "K6 provider", "PROVIDER", null)
			.unit("K6R", "K6 north region", "REGION", "K6P")
			.unit("K6L1", "K6 city LDU", "LDU", "K6R")
			.unit("K6L2", "K6 county LDU", "LDU", "K6P")
			.unit("K6T1", "K6 city team", "TEAM", "K6L1")
			.unit("K6T2", "K6 docks team", "TEAM", "K6L1")
			.unit("K6T3", "K6 county team", "TEAM", "K6L2")
			.staff("K6A0001", "Pat", "Officer", "PO", "K6T1")
			.staff("K6A0002", "Lee", "Senior", "SPO", "K6T1", LocalDate.of(2016, 1, 4), null)
			.staff("K6A0003", "Ash", "Newer", "SPO", "K6T1", LocalDate.of(2020, 1, 6), null)
			.staff("K6A0004", "Gone", "Manager", "SPO", "K6T2", LocalDate.of(2010, 1, 4), LocalDate.of(2019, 1, 4))
			.staff("K6A0005", "Docks", "Officer", "PO", "K6T2")
			.staff("K6A0006", "County", "Officer", "PSO", "K6T3")
			.person("K600001", "Ann", "One", LocalDate.of(1990, 1, 1), false)
			.person("K600002", "Bea", "Two", LocalDate.of(1991, 1, 1), false)
			.person("K600003", "Cy", "Three", LocalDate.of(1992, 1, 1), false)
			.person("K600004", "Di", "Four", LocalDate.of(1993, 1, 1), false)
			.event("K6E1", "K600001", "COMMUNITY_ORDER", LocalDate.of(2024, 1, 1), "K6A0001", "K6T1")
			.event("K6E2", "K600001", "SUSPENDED_SENTENCE_ORDER", LocalDate.of(2024, 2, 1), "K6A0001", "K6T1")
			.event("K6E3", "K600002", "COMMUNITY_ORDER", LocalDate.of(2024, 1, 1), "K6A0006", "K6T3")
			.event("K6E4", "K600002", "COMMUNITY_ORDER", LocalDate.of(2020, 1, 1), "K6A0005", "K6T2",
					LocalDate.of(2021, 1, 1), "COMPLETED")
			// active in two teams of one LDU, and in two LDUs: counted once where they
			// meet
			.event("K6E5", "K600003", "COMMUNITY_ORDER", LocalDate.of(2024, 3, 1), "K6A0002", "K6T1")
			.event("K6E6", "K600003", "COMMUNITY_ORDER", LocalDate.of(2024, 4, 1), "K6A0005", "K6T2")
			.event("K6E7", "K600004", "COMMUNITY_ORDER", LocalDate.of(2024, 3, 1), "K6A0003", "K6T1")
			.event("K6E8", "K600004", "COMMUNITY_ORDER", LocalDate.of(2024, 4, 1), "K6A0006", "K6T3");
		this.accounts.createOrReset("k6-quality", "K6 Quality", Role.QUALITY_TEAM, null, null, PASSWORD);
		this.accounts.createOrReset("k6-practitioner", "K6 PO", Role.PRACTITIONER, "K6A0001", null, PASSWORD);
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
