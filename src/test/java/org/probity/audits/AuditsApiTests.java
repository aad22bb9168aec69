package org.probity.audits;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.shared.web.PageSession;
import org.probity.testing.CaseData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditsApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	CaseData.TwoTeams data;

	@BeforeAll
	void caseData() {
		this.data = new CaseData(this.jdbc).aProviderWithTwoTeams("AAP", 'M', 200);
		this.data.people(12);
		this.accounts.createOrReset("aap-quality", "aap-quality", Role.QUALITY_TEAM, null, null,
				"a-password-for-tests");
	}

	record Response(int status, JsonNode body) {
	}

	private Response call(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode node = response.body().isBlank() ? null : this.json.readTree(response.body());
		return new Response(response.statusCode(), node);
	}

	private long createProgramme() throws Exception {
		Response created = call("POST", "/api/v1/audits/programmes", """
				{"name": "API dip sample", "kind": "DIP_SAMPLE", "template_code": "CASE_SUPERVISION",
				 "population": {"unit_code": "%s", "event_types": ["COMMUNITY_ORDER"]},
				 "sample_size": 4, "recurrence": "NONE", "start_month": "2035-01", "auditors": ["aap-quality"],
				 "seed": 77}
				""".formatted(this.data.provider()));
		assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
		assertThat(created.body().get("template_code").asString()).isEqualTo("CASE_SUPERVISION");
		return created.body().get("programme_id").asLong();
	}

	@Test
	void createsAProgrammeDrawsAReproducibleSampleAndRatesRecordedAudits() throws Exception {
		long programme = createProgramme();
		Response draw = call("POST", "/api/v1/audits/programmes/" + programme + "/samples",
				"{\"sample_size\": 5, \"seed\": 4242, \"due_date\": \"2099-01-31\"}");
		assertThat(draw.status()).as(String.valueOf(draw.body())).isEqualTo(201);
		assertThat(draw.body().get("audits").asInt()).isEqualTo(5);
		long sampleId = draw.body().get("sample_id").asLong();
		Response sample = call("GET", "/api/v1/audits/samples/" + sampleId, null);
		assertThat(sample.status()).isEqualTo(200);
		assertThat(sample.body().get("seed").asLong()).isEqualTo(4242);
		assertThat(sample.body().get("reproduced").asBoolean()).isTrue();
		assertThat(sample.body().get("population_size").asInt()).isEqualTo(12);
		List<String> events = new ArrayList<>();
		sample.body().get("cases").forEach((c) -> events.add(c.get("event_id").asString()));
		assertThat(events).hasSize(5);

		Response again = call("POST", "/api/v1/audits/samples", """
				{"population": {"unit_code": "%s", "event_types": ["COMMUNITY_ORDER"], "date_from": "%s",
				 "date_to": "2099-01-31"}, "sample_size": 5, "seed": 4242}
				""".formatted(this.data.provider(), sample.body().get("population").get("date_from").asString()));
		assertThat(again.status()).as(String.valueOf(again.body())).isEqualTo(201);
		List<String> eventsAgain = new ArrayList<>();
		again.body().get("cases").forEach((c) -> eventsAgain.add(c.get("event_id").asString()));
		assertThat(eventsAgain).isEqualTo(events);

		Response none = call("GET", "/api/v1/audits/programmes/" + programme + "/ratings", null);
		assertThat(none.body().get("standards")).isEmpty();
		assertThat(none.body().get("framework_version").asString()).isEqualTo("HMIP-2018");

		for (int i = 0; i < 2; i++) {
			Response recorded = call("POST", "/api/v1/audits",
					completed(programme, events.get(i), i == 0 ? "YES" : "NO"));
			assertThat(recorded.status()).as(String.valueOf(recorded.body())).isEqualTo(201);
			assertThat(recorded.body().get("status").asString()).isEqualTo("COMPLETED");
		}
		Response ratings = call("GET", "/api/v1/audits/programmes/" + programme + "/ratings", null);
		assertThat(ratings.status()).isEqualTo(200);
		assertThat(ratings.body().get("audits_completed").asInt()).isEqualTo(2);
		JsonNode assessment = ratings.body().get("standards").get(0);
		assertThat(assessment.get("standard_code").asString()).isEqualTo("2.1");
		// 2.1.1 YES twice; 2.1.3 YES once, NO once = 50%: requires improvement
		assertThat(assessment.get("rating").asString()).isEqualTo("REQUIRES_IMPROVEMENT");
		assertThat(assessment.get("key_questions").get(0).get("rating").asString()).isEqualTo("OUTSTANDING");
		assertThat(assessment.get("key_questions").get(2).get("performance").decimalValue())
			.isEqualByComparingTo("0.5");
	}

	private String completed(long programme, String eventId, String safety) {
		StringBuilder answers = new StringBuilder();
		for (String standard : List.of("2.1", "2.2", "2.3", "2.4")) {
			for (int q = 1; q <= 3; q++) {
				if (answers.length() > 0) {
					answers.append(',');
				}
				String answer = (q == 3) ? safety : "YES";
				answers.append("{\"key_question_code\": \"%s.%d\", \"answer\": \"%s\", \"comment\": \"ok\"}"
					.formatted(standard, q, answer));
			}
		}
		return """
				{"template_code": "CASE_SUPERVISION", "event_id": "%s", "programme_id": %d, "answers": [%s],
				 "failed_prompts": ["2.1.3.a"], "alert": false}
				""".formatted(eventId, programme, answers);
	}

	@Test
	void aStaleVersionIsRefusedWithAConflictAndNothingIsOverwritten() throws Exception {
		long programme = createProgramme();
		Response draw = call("POST", "/api/v1/audits/programmes/" + programme + "/samples",
				"{\"sample_size\": 1, \"due_date\": \"2099-01-31\"}");
		long auditId = this.jdbc.sql("select audit_id from case_audit where round_id = :r")
			.param("r", draw.body().get("round_id").asLong())
			.query(Long.class)
			.single();
		Response first = call("PUT", "/api/v1/audits/" + auditId,
				"{\"version\": 0, \"answers\": [{\"key_question_code\": \"2.1.1\", \"answer\": \"YES\", \"comment\": \"first\"}]}");
		assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(200);
		assertThat(first.body().get("version").asInt()).isEqualTo(1);
		Response second = call("PUT", "/api/v1/audits/" + auditId,
				"{\"version\": 0, \"answers\": [{\"key_question_code\": \"2.1.1\", \"answer\": \"NO\", \"comment\": \"second\"}]}");
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.body().get("message").asString()).contains("changed by admin");
		Response now = call("GET", "/api/v1/audits/" + auditId, null);
		assertThat(now.body().get("answers").get(0).get("comment").asString()).isEqualTo("first");
	}

	@Test
	void errorsAreJsonWithAMessage() throws Exception {
		assertThat(call("GET", "/api/v1/audits/programmes/987654321", null).status()).isEqualTo(404);
		Response unreadable = call("POST", "/api/v1/audits/programmes", "{not json");
		assertThat(unreadable.status()).isEqualTo(400);
		assertThat(unreadable.body().get("message").asString()).isNotBlank();
		Response badKind = call("POST", "/api/v1/audits/programmes", "{\"kind\": \"NOT_A_KIND\"}");
		assertThat(badKind.status()).isEqualTo(400);
		Response rule = call("POST", "/api/v1/audits/programmes", """
				{"name": "No auditors", "kind": "THEMATIC", "template_code": "CASE_SUPERVISION", "sample_size": 3,
				 "recurrence": "NONE", "start_month": "2035-01", "auditors": []}
				""");
		assertThat(rule.status()).isEqualTo(422);
		assertThat(rule.body().get("message").asString()).contains("auditor");
		Response incomplete = call("POST", "/api/v1/audits", """
				{"template_code": "CASE_SUPERVISION", "event_id": "%s", "answers": []}
				""".formatted("E" + this.data.crnLetter + String.format("%06d", this.data.crnBlock + 1)));
		assertThat(incomplete.status()).isEqualTo(422);
		assertThat(incomplete.body().get("message").asString()).contains("Answer key question 2.1.1");
		Response size = call("GET", "/api/v1/audits/sample-size?population_size=1000&confidence=80&margin=0.05", null);
		assertThat(size.body().get("recommended_size").asInt()).isEqualTo(142);
		assertThat(call("GET", "/api/v1/audits/sample-size?confidence=80", null).body().get("recommended_size").asInt())
			.isEqualTo(165);
		assertThat(call("GET", "/api/v1/audits/sample-size?confidence=85", null).status()).isEqualTo(422);
		// outside demo mode the API documentation needs sign-in
		HttpResponse<String> docs = new PageSession(this.port).signedIn("aap-quality", "a-password-for-tests")
			.get("/v3/api-docs");
		assertThat(docs.body()).contains("/api/v1/audits/programmes/{id}/samples")
			.contains("/api/v1/audits/programmes/{id}/ratings");
	}

}
