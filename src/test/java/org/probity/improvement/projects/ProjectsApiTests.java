package org.probity.improvement.projects;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.shared.UnitCode;
import org.probity.testing.CaseData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The fixed API of issue 17 over HTTP with Basic authentication: start a project, sign
 * its stages off in order (a skip is 422, a stale version 409), and read its XmR chart.
 */
@IntegrationTest
class ProjectsApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@BeforeAll
	static void load(@Autowired JdbcClient jdbc, @Autowired Accounts accounts) {
		CaseData caseData = new CaseData(jdbc);
		caseData.aProvider("PJAP").named("Projects provider").insert();
		caseData.anLdu("PJAL").named("Projects LDU").under("PJAP").insert();
		caseData.aTeam("PJAT1").named("Projects team one").under("PJAL").insert();
		caseData.aTeam("PJAT2").named("Projects team two").under("PJAL").insert();
		ProjectTestData.results(jdbc, "SL001R", "PJAT1", ProjectTestData.SHIFTED);
		accounts.createOrReset("pja-manager-2", "Team Two Manager", Role.LINE_MANAGER, null, new UnitCode("PJAT2"),
				"secret-pja-2");
		accounts.createOrReset("pja-manager-1", "Team One Manager", Role.LINE_MANAGER, null, new UnitCode("PJAT1"),
				"secret-pja-1");
		accounts.createOrReset("pja-practitioner", "Pat Practitioner", Role.PRACTITIONER, null, null, "secret-pja-3");
	}

	@Test
	void startsAProjectInDefine() throws Exception {
		JsonNode created = start("SL001R", "PJAT1", "2023-12", "2025-01", 201);
		assertThat(created.get("project_id").asLong()).isPositive();
		assertThat(created.get("stage").asString()).isEqualTo("DEFINE");
		assertThat(created.get("version").asInt()).isZero();
		assertThat(created.get("measure").asString()).isEqualTo("SL001R");
		assertThat(created.get("unit_code").asString()).isEqualTo("PJAT1");
		assertThat(created.get("baseline_from").asString()).isEqualTo("2023-12");
		assertThat(created.get("change_month").asString()).isEqualTo("2025-01");
		assertThat(created.get("plan_id").isNull()).isFalse();
		assertThat(created.get("source").get("kind").asString()).isEqualTo("MEASURE");
	}

	@Test
	void theProjectsOfAUnitAreHeldByItsServiceImprovementPlan(@Autowired JdbcClient jdbc) throws Exception {
		long first = start("SL001R", "PJAT1", "2023-12", "2025-01", 201).get("plan_id").asLong();
		long second = start("SL003R", "PJAT1", "2024-01", "2025-01", 201).get("plan_id").asLong();
		assertThat(second).isEqualTo(first);
		assertThat(jdbc.sql("select kind from improvement_plan where plan_id = :id")
			.param("id", first)
			.query(String.class)
			.single()).isEqualTo("SERVICE_IMPROVEMENT");
	}

	@Test
	void keepsTheSourceOfAProject() throws Exception {
		var response = post("/api/v1/projects", """
				{"title": "From a flag", "measure": "SL001R", "unit_code": "PJAT1", "baseline_from": "2023-12",
				 "change_month": "2025-01", "source": "FLAG", "source_ref": "SL001R:PJAT1:2024-11:SUSTAINED_SHORTFALL"}
				""", "admin", "test-admin-password");
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode source = JSON.readTree(response.body()).get("source");
		assertThat(source.get("kind").asString()).isEqualTo("FLAG");
		assertThat(source.get("ref").asString()).isEqualTo("SL001R:PJAT1:2024-11:SUSTAINED_SHORTFALL");
	}

	@Test
	void refusesAProjectWithEveryBadFieldListed() throws Exception {
		var response = post("/api/v1/projects", """
				{"title": " ", "measure": "XX999", "unit_code": "NOPE", "baseline_from": "2024-13",
				 "change_month": "2024-01", "source": "RUMOUR"}
				""", "admin", "test-admin-password");
		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode errors = JSON.readTree(response.body()).get("errors");
		assertThat(errors.propertyNames()).contains("title", "measure", "unit_code", "baseline_from", "source");
	}

	@Test
	void refusesAChangeMonthNotAfterTheBaseline() throws Exception {
		var response = post("/api/v1/projects", body("SL001R", "PJAT1", "2024-06", "2024-06"), "admin",
				"test-admin-password");
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(JSON.readTree(response.body()).get("errors").get("change_month")).isNotNull();
	}

	@Test
	void refusesUnreadableJsonWithA400() throws Exception {
		var response = post("/api/v1/projects", "{\"title\": ", "admin", "test-admin-password");
		assertThat(response.statusCode()).isEqualTo(400);
	}

	@Test
	void signsOffEachStageInOrderToClosed() throws Exception {
		long id = start("SL001R", "PJAT1", "2023-12", "2025-01", 201).get("project_id").asLong();
		String[] next = { "MEASURE", "ANALYSE", "IMPROVE", "CONTROL", "CLOSED" };
		for (int v = 0; v < next.length; v++) {
			var response = stage(id, next[v], v);
			assertThat(response.statusCode()).as(next[v]).isEqualTo(200);
			JsonNode body = JSON.readTree(response.body());
			assertThat(body.get("stage").asString()).isEqualTo(next[v]);
			assertThat(body.get("version").asInt()).isEqualTo(v + 1);
		}
		JsonNode project = JSON.readTree(get("/api/v1/projects/" + id, "admin", "test-admin-password").body());
		JsonNode signOffs = project.get("sign_offs");
		assertThat(signOffs).hasSize(5);
		assertThat(signOffs.get(0).get("stage").asString()).isEqualTo("DEFINE");
		assertThat(signOffs.get(0).get("signed_off_by").asString()).isEqualTo("admin");
		assertThat(signOffs.get(0).get("note").asString()).isEqualTo("Signed off MEASURE");
		assertThat(signOffs.get(4).get("stage").asString()).isEqualTo("CONTROL");
		assertThat(project.get("closed_at").isNull()).isFalse();
		assertThat(stage(id, "CLOSED", 5).statusCode()).isEqualTo(422);
	}

	@Test
	void skippingAStageIs422AndChangesNothing() throws Exception {
		long id = start("SL001R", "PJAT1", "2023-12", "2025-01", 201).get("project_id").asLong();
		var skip = stage(id, "ANALYSE", 0);
		assertThat(skip.statusCode()).isEqualTo(422);
		assertThat(JSON.readTree(skip.body()).get("message").asString()).contains("cannot be skipped");
		assertThat(stage(id, "DEFINE", 0).statusCode()).isEqualTo(422);
		assertThat(stage(id, "SOMEWHERE", 0).statusCode()).isEqualTo(422);
		JsonNode project = JSON.readTree(get("/api/v1/projects/" + id, "admin", "test-admin-password").body());
		assertThat(project.get("stage").asString()).isEqualTo("DEFINE");
		assertThat(project.get("version").asInt()).isZero();
		assertThat(project.get("sign_offs")).isEmpty();
	}

	@Test
	void aStaleVersionIs409AndChangesNothing() throws Exception {
		long id = start("SL001R", "PJAT1", "2023-12", "2025-01", 201).get("project_id").asLong();
		assertThat(stage(id, "MEASURE", 0).statusCode()).isEqualTo(200);
		// A second user still holding version 0 signs off what they saw.
		assertThat(stage(id, "MEASURE", 0).statusCode()).isEqualTo(409);
		assertThat(stage(id, "ANALYSE", 0).statusCode()).isEqualTo(409);
		JsonNode project = JSON.readTree(get("/api/v1/projects/" + id, "admin", "test-admin-password").body());
		assertThat(project.get("stage").asString()).isEqualTo("MEASURE");
		assertThat(project.get("version").asInt()).isEqualTo(1);
		assertThat(project.get("sign_offs")).hasSize(1);
	}

	@Test
	void aSignOffKeepsItsLinksAndRefusesAnythingButALinkOrAMissingVersion() throws Exception {
		long id = start("SL001R", "PJAT1", "2023-12", "2025-01", 201).get("project_id").asLong();
		var bad = post("/api/v1/projects/" + id + "/stages",
				"{\"stage\": \"MEASURE\", \"version\": 0, \"attachments\": [{\"label\": \"x\", \"url\": \"javascript:alert(1)\"}]}",
				"admin", "test-admin-password");
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(
				post("/api/v1/projects/" + id + "/stages", "{\"stage\": \"MEASURE\"}", "admin", "test-admin-password")
					.statusCode())
			.isEqualTo(422);
		var good = post("/api/v1/projects/" + id + "/stages",
				"{\"stage\": \"MEASURE\", \"note\": \"Charter\", \"version\": 0, \"attachments\": "
						+ "[{\"label\": \"Charter\", \"url\": \"https://docs.example/charter\"}]}",
				"admin", "test-admin-password");
		assertThat(good.statusCode()).isEqualTo(200);
		JsonNode signOff = JSON.readTree(good.body()).get("sign_offs").get(0);
		assertThat(signOff.get("attachments").get(0).get("url").asString()).isEqualTo("https://docs.example/charter");
		assertThat(signOff.get("attachments").get(0).get("label").asString()).isEqualTo("Charter");
	}

	@Test
	void theChartOfAProjectHasTheShapeOfTheIssue() throws Exception {
		long id = start("SL001R", "PJAT1", "2023-12", "2025-01", 201).get("project_id").asLong();
		var response = get("/api/v1/projects/" + id + "/chart", "admin", "test-admin-password");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode chart = JSON.readTree(response.body());
		assertThat(chart.propertyNames()).containsExactly("measure", "unit", "baseline", "months", "verdict");
		assertThat(chart.get("measure").asString()).isEqualTo("SL001R");
		assertThat(chart.get("unit").asString()).isEqualTo("PJAT1");
		JsonNode baseline = chart.get("baseline");
		assertThat(baseline.propertyNames()).containsExactly("from", "to", "points", "mean", "mr_bar", "upper", "lower",
				"upper_2s", "lower_2s", "trial");
		// ProjectTestData.SHIFTED: 80 and 90 in turn, June 2024 without cases.
		assertThat(baseline.get("from").asString()).isEqualTo("2023-12");
		assertThat(baseline.get("to").asString()).isEqualTo("2024-12");
		assertThat(baseline.get("points").asInt()).isEqualTo(12);
		assertThat(baseline.get("mean").asDouble()).isCloseTo(85.0, within(1e-9));
		assertThat(baseline.get("mr_bar").asDouble()).isCloseTo(10.0, within(1e-9));
		assertThat(baseline.get("upper").asDouble()).isCloseTo(111.6, within(1e-9));
		assertThat(baseline.get("lower").asDouble()).isCloseTo(58.4, within(1e-9));
		assertThat(baseline.get("upper_2s").asDouble()).isCloseTo(85 + 2 * 26.6 / 3, within(1e-9));
		assertThat(baseline.get("lower_2s").asDouble()).isCloseTo(85 - 2 * 26.6 / 3, within(1e-9));
		assertThat(baseline.get("trial").asBoolean()).isFalse();
		JsonNode months = chart.get("months");
		assertThat(months).hasSize(20);
		assertThat(months.get(0).propertyNames()).containsExactly("month", "value", "phase", "signal", "rules");
		assertThat(months.get(0).get("month").asString()).isEqualTo("2023-12");
		assertThat(months.get(0).get("value").asDouble()).isEqualTo(80.0);
		JsonNode june = months.get(6);
		assertThat(june.get("month").asString()).isEqualTo("2024-06");
		assertThat(june.get("value").isNull()).isTrue();
		assertThat(june.get("phase").asString()).isEqualTo("BASELINE");
		assertThat(june.get("signal").isNull()).isTrue();
		assertThat(june.get("rules")).isEmpty();
		JsonNode january = months.get(13);
		assertThat(january.get("month").asString()).isEqualTo("2025-01");
		assertThat(january.get("phase").asString()).isEqualTo("AFTER");
		assertThat(january.get("value").asDouble()).isEqualTo(90.0);
		assertThat(january.get("signal").asString()).isEqualTo("IMPROVEMENT");
		assertThat(january.get("rules").get(0).asString()).isEqualTo("SHIFT");
		assertThat(months.get(19).get("month").asString()).isEqualTo("2025-07");
		assertThat(chart.get("verdict").asString()).isEqualTo("IMPROVED");
	}

	@Test
	void aBaselineOfOneValueHasNoMeanAndNoLimits() throws Exception {
		long id = start("SL001R", "PJAT1", "2024-12", "2025-01", 201).get("project_id").asLong();
		JsonNode chart = JSON.readTree(get("/api/v1/projects/" + id + "/chart", "admin", "test-admin-password").body());
		JsonNode baseline = chart.get("baseline");
		assertThat(baseline.get("points").asInt()).isEqualTo(1);
		assertThat(baseline.get("mean").isNull()).isTrue();
		assertThat(baseline.get("upper").isNull()).isTrue();
		assertThat(baseline.get("lower_2s").isNull()).isTrue();
		assertThat(baseline.get("trial").asBoolean()).isTrue();
		assertThat(chart.get("verdict").asString()).isEqualTo("NO_CHANGE");
	}

	@Test
	void theProcessChartOfAnyMeasureAndUnit() throws Exception {
		var response = get("/api/v1/process-chart?measure=SL001R&unit=PJAT1&baseline_from=2024-01&change_month=2024-07",
				"admin", "test-admin-password");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode chart = JSON.readTree(response.body());
		assertThat(chart.get("baseline").get("points").asInt()).isEqualTo(5);
		assertThat(chart.get("baseline").get("trial").asBoolean()).isTrue();
		assertThat(get("/api/v1/process-chart?measure=SL001R&unit=PJAT1&baseline_from=2024-01&change_month=2023-07",
				"admin", "test-admin-password")
			.statusCode()).isEqualTo(422);
		assertThat(get("/api/v1/process-chart?measure=NOPE&unit=PJAT1&baseline_from=2024-01&change_month=2024-07",
				"admin", "test-admin-password")
			.statusCode()).isEqualTo(422);
	}

	@Test
	void aManagerOfAnotherTeamCannotSeeOrStartTheTeamsProjects() throws Exception {
		long id = start("SL001R", "PJAT1", "2023-12", "2025-01", 201).get("project_id").asLong();
		assertThat(get("/api/v1/projects/" + id, "pja-manager-2", "secret-pja-2").statusCode()).isEqualTo(404);
		assertThat(get("/api/v1/projects/" + id + "/chart", "pja-manager-2", "secret-pja-2").statusCode())
			.isEqualTo(404);
		assertThat(post("/api/v1/projects/" + id + "/stages", "{\"stage\": \"MEASURE\", \"version\": 0}",
				"pja-manager-2", "secret-pja-2")
			.statusCode()).isEqualTo(404);
		assertThat(
				post("/api/v1/projects", body("SL001R", "PJAT1", "2023-12", "2025-01"), "pja-manager-2", "secret-pja-2")
					.statusCode())
			.isEqualTo(422);
		assertThat(get("/api/v1/process-chart?measure=SL001R&unit=PJAT1&baseline_from=2024-01&change_month=2024-07",
				"pja-manager-2", "secret-pja-2")
			.statusCode()).isEqualTo(422);
		JsonNode listed = JSON.readTree(get("/api/v1/projects", "pja-manager-2", "secret-pja-2").body());
		assertThat(listed.get("projects").valueStream().map((p) -> p.get("unit_code").asString()))
			.doesNotContain("PJAT1");
		// Its own manager sees it.
		assertThat(get("/api/v1/projects/" + id, "pja-manager-1", "secret-pja-1").statusCode()).isEqualTo(200);
		JsonNode own = JSON.readTree(get("/api/v1/projects", "pja-manager-1", "secret-pja-1").body());
		assertThat(own.get("projects").valueStream().map((p) -> p.get("project_id").asLong())).contains(id);
	}

	@Test
	void aPractitionerMayNotStartAProject() throws Exception {
		assertThat(post("/api/v1/projects", body("SL001R", "PJAT1", "2023-12", "2025-01"), "pja-practitioner",
				"secret-pja-3")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void anUnknownProjectIs404() throws Exception {
		assertThat(get("/api/v1/projects/987654321/chart", "admin", "test-admin-password").statusCode()).isEqualTo(404);
	}

	private JsonNode start(String measure, String unit, String from, String change, int status) throws Exception {
		var response = post("/api/v1/projects", body(measure, unit, from, change), "admin", "test-admin-password");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> stage(long id, String stage, int version) throws Exception {
		return post("/api/v1/projects/" + id + "/stages",
				"{\"stage\": \"" + stage + "\", \"note\": \"Signed off " + stage + "\", \"version\": " + version + "}",
				"admin", "test-admin-password");
	}

	private static String body(String measure, String unit, String from, String change) {
		return """
				{"title": "Sentence plans on time", "measure": "%s", "unit_code": "%s", "baseline_from": "%s",
				 "change_month": "%s"}
				""".formatted(measure, unit, from, change);
	}

	private HttpResponse<String> get(String path, String user, String password) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Authorization", basic(user, password))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String json, String user, String password) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Authorization", basic(user, password))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
