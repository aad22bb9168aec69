package org.probity.measures;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.testing.CaseData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON API of measures.md, over HTTP with Basic authentication. */
@IntegrationTest
class MeasuresApiTests {

	@LocalServerPort
	int port;

	static CaseData.Estate data;

	static CaseData.Event met;

	@BeforeAll
	static void load(@Autowired JdbcClient jdbc, @Autowired MeasureRecomputation recomputation,
			@Autowired Accounts accounts) {
		data = new CaseData(jdbc).anEstate("API", 'A');
		// Pooling example of measures.md: January 9 of 10, February none, March 1 of 2.
		for (int i = 0; i < 10; i++) {
			LocalDate allocated = LocalDate.of(2024, 1, 10);
			CaseData.Event e = data.aCommunityOrder().sentencedOn(allocated).insert();
			if (i < 9) {
				data.aContact(e).on(allocated.plusDays(1)).insert();
			}
			if (i == 0) {
				met = e;
			}
		}
		LocalDate march = LocalDate.of(2024, 3, 12);
		data.aContact(data.aCommunityOrder().sentencedOn(march).insert()).on(march).insert();
		data.aCommunityOrder().sentencedOn(march).inTeam(data.team(3)).heldBy(data.staff(3)).insert();
		recomputation.recomputeAll();
		accounts.createOrReset("api-line-manager", "Line Manager", Role.LINE_MANAGER, null, new UnitCode(data.team(1)),
				"secret-1");
		accounts.createOrReset("api-practitioner", "Practitioner", Role.PRACTITIONER, new StaffCode(data.staff(1)),
				null, "secret-2");
	}

	@Test
	void poolsTheMonthsOfAQuarter() throws Exception {
		var response = get("/api/v1/measures/SL001R/results?period=2024-Q1&unit=" + data.ldu(1) + "", "admin",
				"test-admin-password");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"numerator\":10", "\"denominator\":11");
		var team = get("/api/v1/measures/SL001R/results?period=2024-Q1&unit=" + data.team(1), "admin",
				"test-admin-password");
		assertThat(team.body()).isEqualTo("{\"measure\":\"SL001R\",\"period\":\"2024-Q1\",\"unit\":\"" + data.team(1)
				+ "\",\"numerator\":10,\"denominator\":11,\"performance\":90.9090909090909,\"rag\":\"AMBER\",\"rating\":\"NOT_MET\"}");
	}

	@Test
	void reportsNoCasesForAMonthWithoutCases() throws Exception {
		var response = get("/api/v1/measures/SL001R/results?period=2024-02&unit=" + data.team(1), "admin",
				"test-admin-password");
		assertThat(response.body()).contains("\"denominator\":0", "\"performance\":null", "\"rag\":\"NO_CASES\"",
				"\"rating\":\"NO_CASES\"");
	}

	@Test
	void listsEveryUnitOfALevelIncludingThoseWithNoCases() throws Exception {
		var response = get("/api/v1/measures/SL001R/results?period=2024-03&level=TEAM", "admin", "test-admin-password");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"unit\":\"" + data.team(2) + "\",\"numerator\":0,\"denominator\":0")
			.contains("\"unit\":\"" + data.team(3) + "\",\"numerator\":0,\"denominator\":1");
	}

	@Test
	void givesAPractitionersResult() throws Exception {
		var response = get("/api/v1/measures/SL001R/results?period=2024-01&staff=" + data.staff(1), "admin",
				"test-admin-password");
		assertThat(response.body()).contains("\"staff\":\"" + data.staff(1) + "\"", "\"numerator\":9",
				"\"denominator\":10", "\"performance\":90.0");
		assertThat(response.body()).doesNotContain("\"unit\"");
	}

	@Test
	void listsTheCasesBehindAFigure() throws Exception {
		var response = get("/api/v1/measures/SL001R/cases?period=2024-01&unit=" + data.team(1), "admin",
				"test-admin-password");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"event_id\":\"" + met.id() + "\"", "\"crn\":\"" + met.crn() + "\"",
				"\"met\":true", "\"met\":false",
				"\"reason\":\"no face-to-face contact within 5 business days of allocation\"");
	}

	@Test
	void catalogueListsEveryMeasureWithTargets() throws Exception {
		var response = get("/api/v1/measures", "admin", "test-admin-password");
		assertThat(response.body()).contains(
				"{\"code\":\"SL001R\",\"title\":\"Initial contact: community orders and SSOs\",\"target\":93.0,\"trigger\":88.0",
				"\"code\":\"ATTENDANCE\",\"title\":\"Attendance at appointments\",\"target\":null,\"trigger\":null");
	}

	@Test
	void refusesUnknownMeasuresUnitsAndPeriodsWithAMessage() throws Exception {
		assertThat(
				get("/api/v1/measures/NOPE/results?period=2024-01&unit=" + data.team(1), "admin", "test-admin-password")
					.statusCode())
			.isEqualTo(404);
		assertThat(get("/api/v1/measures/SL001R/results?period=2024-01&unit=NOSUCHUNIT", "admin", "test-admin-password")
			.statusCode()).isEqualTo(404);
		assertThat(get("/api/v1/measures/SL001R/results?period=2024-01&staff=ZZZZ999", "admin", "test-admin-password")
			.statusCode()).isEqualTo(404);
		var bad = get("/api/v1/measures/SL001R/results?period=2024-13&unit=" + data.team(1), "admin",
				"test-admin-password");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("\"message\"");
		assertThat(get("/api/v1/measures/SL001R/results?period=2024-01&level=GALAXY", "admin", "test-admin-password")
			.statusCode()).isEqualTo(400);
		assertThat(get("/api/v1/measures/SL001R/cases?period=2024-01", "admin", "test-admin-password").statusCode())
			.isEqualTo(400);
		assertThat(get("/api/v1/flags?period=2024", "admin", "test-admin-password").statusCode()).isEqualTo(400);
		assertThat(get("/api/v1/flags", "admin", "test-admin-password").statusCode()).isEqualTo(400);
	}

	@Test
	void lineManagersSeeTheirTeamAndPractitionersOnlyThemselves() throws Exception {
		assertThat(get("/api/v1/measures/SL001R/results?period=2024-01&unit=" + data.team(1), "api-line-manager",
				"secret-1")
			.statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/measures/SL001R/results?period=2024-01&staff=" + data.staff(1), "api-line-manager",
				"secret-1")
			.statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/measures/SL001R/results?period=2024-01&unit=" + data.team(3), "api-line-manager",
				"secret-1")
			.statusCode()).isEqualTo(403);
		assertThat(get("/api/v1/measures/SL001R/results?period=2024-01&unit=" + data.provider(), "api-line-manager",
				"secret-1")
			.statusCode()).isEqualTo(403);
		assertThat(
				get("/api/v1/measures/SL001R/results?period=2024-01&level=TEAM", "api-line-manager", "secret-1").body())
			.contains(data.team(1))
			.doesNotContain(data.team(3));
		assertThat(get("/api/v1/measures/SL001R/cases?period=2024-01&staff=" + data.staff(1), "api-practitioner",
				"secret-2")
			.statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/measures/SL001R/results?period=2024-01&staff=" + data.staff(2), "api-practitioner",
				"secret-2")
			.statusCode()).isEqualTo(403);
		assertThat(get("/api/v1/measures/SL001R/results?period=2024-01&unit=" + data.team(1), "api-practitioner",
				"secret-2")
			.statusCode()).isEqualTo(403);
		assertThat(get("/api/v1/measures", "nobody", "wrong").statusCode()).isEqualTo(401);
	}

	@Test
	void flagsADeeperAuditForAUnitMoreThanFivePointsBelowTarget() throws Exception {
		// January: 9 of 10 = 90%, not more than 5 points below 93; no deeper audit.
		var january = get("/api/v1/flags?period=2024-01", "admin", "test-admin-password");
		assertThat(january.statusCode()).isEqualTo(200);
		assertThat(january.body()).doesNotContain("\"unit\":\"" + data.team(1) + "\"");
	}

	private HttpResponse<String> get(String path, String user, String password) throws Exception {
		String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Basic " + basic)
			.header("Accept", "application/json")
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
