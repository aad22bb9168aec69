package org.probity.feedback;

import java.time.LocalDate;
import java.util.List;

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

/**
 * Complaints about a member of staff are personnel data: the quality team, the staff
 * member's line manager and senior managers over the team open them; a colleague, the
 * staff member themselves and another team's manager do not, from the outside.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintScopeTests {

	static final String PASSWORD = "fk-password-long-enough";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Complaints complaints;

	long aboutStaff;

	long aboutTeam;

	long aboutManager;

	@BeforeAll
	void estateAndComplaints() {
		CaseData caseData = new CaseData(this.jdbc);
		caseData.aProvider("FKP").named("FK provider").insert();
		caseData.anLdu("FKL").named("FK LDU").under("FKP").insert();
		caseData.aTeam("FKT1").named("FK team one").under("FKL").insert();
		caseData.aTeam("FKT2").named("FK team two").under("FKL").insert();
		caseData.aProvider("FKQ").named("FK other provider").insert();
		caseData.aStaffMember("FKA0001")
			.named("Lee", "Manager")
			.graded("SPO")
			.inTeam("FKT1")
			.startedOn(LocalDate.of(2015, 1, 5))
			.insert();
		caseData.aStaffMember("FKA0002").named("Sam", "Subject").inTeam("FKT1").insert();
		caseData.aStaffMember("FKA0003").named("Cat", "Colleague").inTeam("FKT1").insert();
		caseData.aStaffMember("FKA0004")
			.named("Pat", "Peer")
			.graded("SPO")
			.inTeam("FKT1")
			.startedOn(LocalDate.of(2021, 3, 1))
			.insert();
		caseData.aStaffMember("FKA0005").named("Oli", "Other").graded("SPO").inTeam("FKT2").insert();
		account("fk-quality", Role.QUALITY_TEAM, null, null);
		account("fk-manager", Role.LINE_MANAGER, "FKA0001", "FKT1");
		account("fk-peer", Role.LINE_MANAGER, "FKA0004", "FKT1");
		account("fk-senior", Role.SENIOR_MANAGER, null, "FKL");
		account("fk-practitioner", Role.PRACTITIONER, "FKA0003", null);
		account("fk-other", Role.LINE_MANAGER, "FKA0005", "FKT2");
		account("fk-elsewhere", Role.SENIOR_MANAGER, null, "FKQ");
		this.aboutStaff = this.complaints
			.log(new NewComplaint(LocalDate.of(2024, 3, 28), "EMAIL", "PERSON_ON_PROBATION", "FKT1", "FKA0002",
					"F123456", "Rude on the phone", List.of("STAFF_CONDUCT")), "fk-quality")
			.id();
		this.aboutTeam = this.complaints
			.log(new NewComplaint(LocalDate.of(2024, 3, 28), "LETTER", "FAMILY", "FKT1", null, null,
					"The office was closed", List.of("PREMISES")), "fk-quality")
			.id();
		this.aboutManager = this.complaints
			.log(new NewComplaint(LocalDate.of(2024, 4, 2), "PHONE", "STAFF", "FKT1", "FKA0004", null,
					"Meetings cancelled at short notice", List.of("STAFF_CONDUCT")), "fk-quality")
			.id();
	}

	private void account(String username, Role role, String staff, String unit) {
		this.accounts.createOrReset(username, username, role, (staff != null) ? new StaffCode(staff) : null,
				(unit != null) ? new UnitCode(unit) : null, PASSWORD);
	}

	private int status(String username, String path) {
		return new PageSession(this.port).signedIn(username, PASSWORD).get(path).statusCode();
	}

	@Test
	void aComplaintAboutStaffOpensForTheQualityTeamTheLineManagerAndSeniorManagersAbove() {
		String path = "/feedback/complaints/" + this.aboutStaff;
		assertThat(status("fk-quality", path)).isEqualTo(200);
		assertThat(status("fk-manager", path)).isEqualTo(200);
		assertThat(status("fk-senior", path)).isEqualTo(200);
	}

	@Test
	void aComplaintAboutStaffIsRefusedToColleaguesAndOtherTeams() {
		String path = "/feedback/complaints/" + this.aboutStaff;
		assertThat(status("fk-practitioner", path)).isEqualTo(403);
		assertThat(status("fk-other", path)).isEqualTo(403);
		assertThat(status("fk-elsewhere", path)).isEqualTo(403);
	}

	@Test
	void aComplaintAboutAManagerIsRefusedToThatManagerAndOpensForTheSeniorManagerAbove() {
		String path = "/feedback/complaints/" + this.aboutManager;
		assertThat(status("fk-peer", path)).isEqualTo(403);
		assertThat(status("fk-senior", path)).isEqualTo(200);
		assertThat(status("fk-other", path)).isEqualTo(403);
	}

	@Test
	void aComplaintAboutATeamOpensForManagersOfTheTeamOnly() {
		String path = "/feedback/complaints/" + this.aboutTeam;
		assertThat(status("fk-peer", path)).isEqualTo(200);
		assertThat(status("fk-manager", path)).isEqualTo(200);
		assertThat(status("fk-other", path)).isEqualTo(403);
		assertThat(status("fk-elsewhere", path)).isEqualTo(403);
	}

	@Test
	void theListShowsOnlyWhatTheUserMaySee() {
		String link = "/feedback/complaints/" + this.aboutManager + "\"";
		String peer = new PageSession(this.port).signedIn("fk-peer", PASSWORD)
			.get("/feedback/complaints?from=2024-01-01&to=2024-12-31")
			.body();
		assertThat(peer).contains("/feedback/complaints/" + this.aboutTeam + "\"").doesNotContain(link);
		String manager = new PageSession(this.port).signedIn("fk-manager", PASSWORD)
			.get("/feedback/complaints?from=2024-01-01&to=2024-12-31")
			.body();
		assertThat(manager).contains(link);
		assertThat(new PageSession(this.port).signedIn("fk-other", PASSWORD)
			.get("/feedback/complaints?unit=FKT1")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void everyOpeningAndRefusalOfAComplaintNamingACaseIsLogged() {
		status("fk-manager", "/feedback/complaints/" + this.aboutStaff);
		status("fk-other", "/feedback/complaints/" + this.aboutStaff);
		List<String> log = this.jdbc
			.sql("select username || ' ' || outcome from case_access_log where crn = 'F123456' order by id")
			.query(String.class)
			.list();
		assertThat(log).contains("fk-manager OPENED", "fk-other REFUSED_OUT_OF_SCOPE");
	}

}
