package org.probity.feedback;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.testing.CaseData;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintsApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	FeedbackApiClient api;

	@BeforeAll
	void estate() {
		CaseData caseData = new CaseData(this.jdbc);
		caseData.aProvider("FCP").named("FC provider").insert();
		caseData.aTeam("FCT01").named("FC team").under("FCP").insert();
		caseData.aStaffMember("FCA0001").named("Jo", "Complained").inTeam("FCT01").insert();
		this.api = FeedbackApiClient.admin(this.port);
	}

	private JsonNode logged(String receivedOn) {
		FeedbackApiClient.Response created = this.api.json("POST", "/api/v1/complaints", """
				{"received_on": "%s", "channel": "EMAIL", "complainant": "PERSON_ON_PROBATION", "unit_code": "FCT01",
				 "summary": "My appointments keep being moved", "categories": ["APPOINTMENTS"]}
				""".formatted(receivedOn));
		assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
		return created.body();
	}

	private FeedbackApiClient.Response step(long id, String kind, String on, String outcome, int version) {
		String outcomeField = (outcome != null) ? ", \"outcome\": \"" + outcome + "\"" : "";
		return this.api.json("POST", "/api/v1/complaints/" + id + "/events", """
				{"kind": "%s", "on": "%s"%s, "version": %d}
				""".formatted(kind, on, outcomeField, version));
	}

	@Test
	void aLoggedComplaintIsDueForAcknowledgementFiveBusinessDaysAfterEaster() {
		JsonNode body = logged("2024-03-28");
		assertThat(body.get("complaint_id").asLong()).isPositive();
		assertThat(body.get("version").asInt()).isZero();
		JsonNode stage1 = body.get("stage1");
		assertThat(stage1.get("acknowledge_by").asString()).isEqualTo("2024-04-08");
		assertThat(stage1.get("acknowledged_on").isNull()).isTrue();
		assertThat(stage1.get("respond_by").isNull()).isTrue();
		assertThat(body.get("action_id").isNull()).isTrue();
	}

	@Test
	void everyStepRecomputesTheDueDatesAndStatuses() {
		long id = logged("2024-04-02").get("complaint_id").asLong();
		FeedbackApiClient.Response ack = step(id, "ACKNOWLEDGED", "2024-04-05", null, 0);
		assertThat(ack.status()).as(String.valueOf(ack.body())).isEqualTo(200);
		assertThat(ack.body().get("version").asInt()).isEqualTo(1);
		assertThat(ack.body().get("stage1").get("acknowledged_on").asString()).isEqualTo("2024-04-05");
		assertThat(ack.body().get("stage1").get("acknowledgement_status").asString()).isEqualTo("ON_TIME");
		assertThat(ack.body().get("stage1").get("respond_by").asString()).isEqualTo("2024-05-13");

		FeedbackApiClient.Response responded = step(id, "RESPONDED", "2024-05-10", "NOT_UPHELD", 1);
		assertThat(responded.status()).isEqualTo(200);
		assertThat(responded.body().get("stage1").get("response_status").asString()).isEqualTo("ON_TIME");
		assertThat(responded.body().get("stage1").get("outcome").asString()).isEqualTo("NOT_UPHELD");
		assertThat(responded.body().get("stage2").get("appeal_by").asString()).isEqualTo("2024-06-10");

		FeedbackApiClient.Response appealed = step(id, "APPEALED", "2024-06-03", null, 2);
		assertThat(appealed.status()).isEqualTo(200);
		assertThat(appealed.body().get("stage2").get("respond_by").asString()).isEqualTo("2024-07-01");

		FeedbackApiClient.Response late = step(id, "APPEAL_RESPONDED", "2024-07-02", "NOT_UPHELD", 3);
		assertThat(late.status()).isEqualTo(200);
		assertThat(late.body().get("stage2").get("response_status").asString()).isEqualTo("LATE");

		FeedbackApiClient.Response ombudsman = step(id, "OMBUDSMAN_REFERRED", "2024-08-01", null, 4);
		assertThat(ombudsman.status()).isEqualTo(200);
		assertThat(ombudsman.body().get("version").asInt()).isEqualTo(5);
	}

	@Test
	void statusesAreAsOfTheDayAskedFor() {
		long id = logged("2024-03-28").get("complaint_id").asLong();
		JsonNode before = this.api.json("GET", "/api/v1/complaints/" + id + "?as_of=2024-04-08", null).body();
		assertThat(before.get("stage1").get("acknowledgement_status").asString()).isEqualTo("OPEN");
		JsonNode after = this.api.json("GET", "/api/v1/complaints/" + id + "?as_of=2024-04-09", null).body();
		assertThat(after.get("stage1").get("acknowledgement_status").asString()).isEqualTo("OVERDUE");
		assertThat(after.get("stage1").has("respond_by")).isTrue();
		assertThat(after.get("stage2").has("appeal_by")).isTrue();
		assertThat(after.has("action_id")).isTrue();

		assertThat(step(id, "ACKNOWLEDGED", "2024-04-09", null, 0).status()).isEqualTo(200);
		JsonNode late = this.api.json("GET", "/api/v1/complaints/" + id + "?as_of=2024-04-30", null).body();
		assertThat(late.get("stage1").get("acknowledgement_status").asString()).isEqualTo("LATE");
		assertThat(late.get("stage1").get("respond_by").asString()).isEqualTo("2024-05-15");
		assertThat(late.get("stage1").get("response_status").asString()).isEqualTo("OPEN");
	}

	@Test
	void stepsOutOfOrderAreRefusedWith422AndChangeNothing() {
		long id = logged("2024-04-02").get("complaint_id").asLong();
		assertThat(step(id, "RESPONDED", "2024-04-05", "UPHELD", 0).status()).isEqualTo(422);
		assertThat(step(id, "APPEALED", "2024-04-05", null, 0).status()).isEqualTo(422);
		assertThat(step(id, "OMBUDSMAN_REFERRED", "2024-04-05", null, 0).status()).isEqualTo(422);
		// before the complaint was received
		assertThat(step(id, "ACKNOWLEDGED", "2024-04-01", null, 0).status()).isEqualTo(422);
		assertThat(step(id, "ACKNOWLEDGED", "2024-04-03", null, 0).status()).isEqualTo(200);
		// twice
		assertThat(step(id, "ACKNOWLEDGED", "2024-04-04", null, 1).status()).isEqualTo(422);
		JsonNode now = this.api.json("GET", "/api/v1/complaints/" + id, null).body();
		assertThat(now.get("version").asInt()).isEqualTo(1);
		assertThat(now.get("stage1").get("acknowledged_on").asString()).isEqualTo("2024-04-03");
		assertThat(now.get("stage1").get("responded_on").isNull()).isTrue();
	}

	@Test
	void aStaleVersionIsRefusedWith409() {
		long id = logged("2024-04-02").get("complaint_id").asLong();
		assertThat(step(id, "ACKNOWLEDGED", "2024-04-03", null, 0).status()).isEqualTo(200);
		FeedbackApiClient.Response stale = step(id, "RESPONDED", "2024-04-20", "UPHELD", 0);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body().get("message").asString()).contains("changed");
		assertThat(this.api.json("GET", "/api/v1/complaints/" + id, null)
			.body()
			.get("stage1")
			.get("responded_on")
			.isNull()).isTrue();
	}

	@Test
	void anUpheldComplaintRaisesOneActionInTheUnitsSiteDevelopmentPlan() {
		long id = logged("2024-04-02").get("complaint_id").asLong();
		assertThat(step(id, "ACKNOWLEDGED", "2024-04-03", null, 0).status()).isEqualTo(200);
		FeedbackApiClient.Response upheld = step(id, "RESPONDED", "2024-04-20", "PARTLY_UPHELD", 1);
		assertThat(upheld.status()).isEqualTo(200);
		long actionId = upheld.body().get("action_id").asLong();
		assertThat(actionId).isPositive();
		assertThat(this.jdbc.sql("""
				select a.source_kind || ' ' || p.kind || ' ' || p.unit_code from improvement_action a
				join improvement_plan p on p.plan_id = a.plan_id where a.action_id = :id
				""").param("id", actionId).query(String.class).single()).isEqualTo("COMPLAINT SITE_DEVELOPMENT FCT01");
		// an upheld appeal does not raise a second action
		assertThat(step(id, "APPEALED", "2024-04-25", null, 2).status()).isEqualTo(200);
		FeedbackApiClient.Response appeal = step(id, "APPEAL_RESPONDED", "2024-05-10", "UPHELD", 3);
		assertThat(appeal.body().get("action_id").asLong()).isEqualTo(actionId);
		assertThat(this.jdbc.sql("select count(*) from improvement_action where source_ref = :ref")
			.param("ref", "complaint:" + id)
			.query(Long.class)
			.single()).isEqualTo(1);
		long notUpheld = logged("2024-04-02").get("complaint_id").asLong();
		step(notUpheld, "ACKNOWLEDGED", "2024-04-03", null, 0);
		assertThat(step(notUpheld, "RESPONDED", "2024-04-20", "NOT_UPHELD", 1).body().get("action_id").isNull())
			.isTrue();
	}

	@Test
	void badInputIsAClearErrorNeverA500() {
		FeedbackApiClient.Response invalid = this.api.json("POST", "/api/v1/complaints", """
				{"received_on": "2024-03-28", "channel": "EMAIL", "complainant": "NOBODY", "unit_code": "NOPE",
				 "summary": ""}
				""");
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.body().get("errors").propertyNames()).contains("complainant", "unit_code", "summary");
		assertThat(this.api.json("POST", "/api/v1/complaints", "{not json").status()).isEqualTo(400);
		assertThat(this.api.json("GET", "/api/v1/complaints/999999999", null).status()).isEqualTo(404);
		assertThat(this.api.json("GET", "/api/v1/complaints/abc", null).status()).isEqualTo(400);
		assertThat(this.api.json("GET", "/api/v1/complaints/1?as_of=yesterday", null).status()).isEqualTo(400);
		long id = logged("2024-04-02").get("complaint_id").asLong();
		assertThat(this.api.json("POST", "/api/v1/complaints/" + id + "/events", """
				{"kind": "SHOUTED", "on": "2024-04-03", "version": 0}
				""").status()).isEqualTo(400);
		assertThat(step(id, "ACKNOWLEDGED", "2024-04-03", "UPHELD", 0).status()).isEqualTo(422);
	}

}
