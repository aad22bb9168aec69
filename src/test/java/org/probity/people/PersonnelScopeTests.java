package org.probity.people;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.shared.web.PageSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personnel records from the outside, as an attacker would try them: by URL, through
 * every export and through the API, as a colleague, the quality team, an administrator, a
 * line manager of another team and a senior manager of another LDU.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonnelScopeTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	PeopleTestData data;

	@BeforeAll
	void estate() {
		this.data = new PeopleTestData(this.jdbc, this.accounts, "PSC").estate();
	}

	/** Every way into one staff member's personnel data. */
	List<String> routesInto(String staff, String team) {
		return List.of("/people/" + staff, "/people/" + staff + "?period=2024-Q1&format=csv",
				"/people/" + staff + "?period=2024-Q1&format=xlsx", "/people/" + staff + "/ratings/new",
				"/people/teams/" + team, "/people/teams/" + team + "?format=csv",
				"/people/teams/" + team + "?format=xlsx");
	}

	PageSession signedIn(String part) {
		return new PageSession(this.port).signedIn(this.data.user(part), PeopleTestData.PASSWORD);
	}

	int logged(String username, String staff, String outcome) {
		return this.jdbc
			.sql("select count(*) from case_access_log where username = :u and staff_code = :s and outcome = :o")
			.param("u", username)
			.param("s", staff)
			.param("o", outcome)
			.query(Integer.class)
			.single();
	}

	@Test
	void practitionerSeesTheirOwnPageAndTheOpeningIsLogged() {
		PageSession session = signedIn("practitioner");
		int before = logged(this.data.user("practitioner"), this.data.staff(1), "OPENED");
		HttpResponse<String> page = session.get("/people/" + this.data.staff(1) + "?period=2024-Q1");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Pat Practitioner").contains("Quarterly ratings");
		assertThat(session.get("/people/" + this.data.staff(1) + "?period=2024-Q1&format=csv").statusCode())
			.isEqualTo(200);
		assertThat(logged(this.data.user("practitioner"), this.data.staff(1), "OPENED")).isEqualTo(before + 2);
	}

	@Test
	void practitionerCannotOpenAColleaguesRecordByUrlOrAnyExport() {
		PageSession session = signedIn("practitioner");
		for (String route : routesInto(this.data.staff(2), this.data.team(1))) {
			assertThat(session.get(route).statusCode()).as(route).isEqualTo(403);
		}
		assertThat(session.get("/people/training?unit=" + this.data.team(1) + "&format=xlsx").statusCode())
			.isEqualTo(403);
		assertThat(PeopleTestData
			.api(this.port, this.data.user("practitioner"),
					"/api/v1/people/" + this.data.staff(2) + "/performance?period=2024-Q1")
			.statusCode()).isEqualTo(403);
		assertThat(PeopleTestData
			.api(this.port, this.data.user("practitioner"), "/api/v1/people/" + this.data.staff(2) + "/ratings")
			.statusCode()).isEqualTo(403);
		assertThat(logged(this.data.user("practitioner"), this.data.staff(2), "REFUSED_OUT_OF_SCOPE"))
			.isGreaterThanOrEqualTo(4);
	}

	@Test
	void qualityTeamAndAdministratorsAreRefusedPersonnelRecords() {
		for (String part : List.of("quality", "admin")) {
			PageSession session = signedIn(part);
			for (String route : routesInto(this.data.staff(1), this.data.team(1))) {
				assertThat(session.get(route).statusCode()).as(part + " " + route).isEqualTo(403);
			}
			assertThat(PeopleTestData
				.api(this.port, this.data.user(part), "/api/v1/people/" + this.data.staff(1) + "/ratings")
				.statusCode()).isEqualTo(403);
			assertThat(logged(this.data.user(part), this.data.staff(1), "REFUSED_OUT_OF_SCOPE")).isPositive();
		}
	}

	@Test
	void lineManagerSeesOnlyTheirOwnTeam() {
		PageSession other = signedIn("other-manager");
		for (String route : routesInto(this.data.staff(1), this.data.team(1))) {
			assertThat(other.get(route).statusCode()).as(route).isEqualTo(403);
		}
		assertThat(other.get("/people/" + this.data.staff(3)).statusCode()).isEqualTo(200);
		PageSession manager = signedIn("manager");
		assertThat(manager.get("/people/" + this.data.staff(1)).statusCode()).isEqualTo(200);
		assertThat(manager.get("/people/" + this.data.staff(2) + "/ratings/new").statusCode()).isEqualTo(200);
		HttpResponse<String> team = manager.get("/people/teams/" + this.data.team(1) + "?period=2024-Q1");
		assertThat(team.statusCode()).isEqualTo(200);
		assertThat(team.body()).contains("Pat Practitioner").contains("Cal Colleague").doesNotContain("Tess Twoteam");
		assertThat(manager.get("/people/" + this.data.staff(3)).statusCode()).isEqualTo(403);
		assertThat(manager.get("/people/" + this.data.staff(4)).statusCode()).isEqualTo(403);
	}

	@Test
	void seniorManagerSeesTheirUnitsOnly() {
		PageSession other = signedIn("other-senior");
		for (String route : routesInto(this.data.staff(1), this.data.team(1))) {
			assertThat(other.get(route).statusCode()).as(route).isEqualTo(403);
		}
		assertThat(other.get("/people/" + this.data.staff(4)).statusCode()).isEqualTo(200);
		PageSession senior = signedIn("senior");
		assertThat(senior.get("/people/" + this.data.staff(1)).statusCode()).isEqualTo(200);
		assertThat(senior.get("/people/" + this.data.staff(3)).statusCode()).isEqualTo(200);
		assertThat(senior.get("/people/teams/" + this.data.team(2)).statusCode()).isEqualTo(200);
		assertThat(senior.get("/people/" + this.data.staff(4)).statusCode()).isEqualTo(403);
		// a senior manager sees the record but does not rate: that is the line manager's
		assertThat(senior.get("/people/" + this.data.staff(1) + "/ratings/new").statusCode()).isEqualTo(403);
	}

	@Test
	void apiClientReachesPersonnelRecordsOnlyOnceAnAdministratorGrantsIt() {
		String path = "/api/v1/people/" + this.data.staff(1) + "/performance?period=2024-Q1";
		this.accounts.grantPersonnelAccess(this.data.user("api"), false);
		assertThat(PeopleTestData.api(this.port, this.data.user("api"), path).statusCode()).isEqualTo(403);

		PageSession admin = signedIn("admin");
		HttpResponse<String> granted = admin.postForm("/admin/accounts/" + this.data.user("api") + "/personnel-access",
				java.util.Map.of("granted", "true", "_csrf", admin.csrfToken("/admin/accounts")));
		assertThat(granted.statusCode()).isEqualTo(302);

		HttpResponse<String> performance = PeopleTestData.api(this.port, this.data.user("api"), path);
		assertThat(performance.statusCode()).isEqualTo(200);
		assertThat(performance.body()).contains("\"staff_code\":\"" + this.data.staff(1) + "\"")
			.contains("\"measures\":[")
			.contains("\"ratings\":[");
		assertThat(PeopleTestData
			.api(this.port, this.data.user("api"), "/api/v1/people/" + this.data.staff(1) + "/ratings")
			.statusCode()).isEqualTo(200);
		assertThat(logged(this.data.user("api"), this.data.staff(1), "OPENED")).isEqualTo(2);
		this.accounts.grantPersonnelAccess(this.data.user("api"), false);
	}

	@Test
	void unknownStaffAndBadPeriodsAreClearErrorsNotFailures() {
		PageSession manager = signedIn("manager");
		assertThat(manager.get("/people/PSCZ999").statusCode()).isEqualTo(404);
		assertThat(manager.get("/people/nonsense").statusCode()).isEqualTo(404);
		assertThat(manager.get("/people/" + this.data.staff(1) + "?period=2024-13").statusCode()).isEqualTo(400);
		assertThat(manager.get("/people/teams/NOPE").statusCode()).isEqualTo(404);
		HttpResponse<String> api = PeopleTestData.api(this.port, this.data.user("manager"),
				"/api/v1/people/" + this.data.staff(1) + "/performance?period=soon");
		assertThat(api.statusCode()).isEqualTo(400);
		assertThat(api.body()).contains("Period must be");
	}

}
