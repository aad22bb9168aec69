package org.probity.improvement.risks;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.improvement.plans.Rag;
import tools.jackson.databind.JsonNode;
import org.probity.improvement.ApiClient;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The risk register: score bands, reviews as new rows, the register as of a date. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RisksApiTests {

	@LocalServerPort
	int port;

	long plan;

	private ApiClient api() {
		return new ApiClient(this.port, "admin", "test-admin-password");
	}

	@BeforeAll
	void plan() throws Exception {
		JsonNode created = api().post("/api/v1/plans", """
				{"kind": "RISK_ASSURANCE", "title": "Contract risks", "unit_code": "RAT", "owner": "Head of assurance"}
				""").body();
		this.plan = created.get("plan_id").asLong();
	}

	@Test
	void scoresBandGreenBelowEightAmberFromEightAndRedFromFifteen() {
		assertThat(Risks.band(7)).isEqualTo(Rag.GREEN);
		assertThat(Risks.band(8)).isEqualTo(Rag.AMBER);
		assertThat(Risks.band(14)).isEqualTo(Rag.AMBER);
		assertThat(Risks.band(15)).isEqualTo(Rag.RED);
		assertThat(Risks.band(1)).isEqualTo(Rag.GREEN);
		assertThat(Risks.band(25)).isEqualTo(Rag.RED);
	}

	@Test
	void aRisksScoreAndBandComeFromLikelihoodTimesImpact() throws Exception {
		// 7 and 14 have no factors of 1 to 5: the nearest scores a risk can have
		assertThat(risk(2, 3).get("score").asInt()).isEqualTo(6);
		assertThat(risk(2, 3).get("rag").asString()).isEqualTo("GREEN");
		assertThat(risk(2, 4).get("score").asInt()).isEqualTo(8);
		assertThat(risk(2, 4).get("rag").asString()).isEqualTo("AMBER");
		assertThat(risk(3, 4).get("rag").asString()).isEqualTo("AMBER");
		assertThat(risk(5, 3).get("score").asInt()).isEqualTo(15);
		assertThat(risk(5, 3).get("rag").asString()).isEqualTo("RED");
	}

	private JsonNode risk(int likelihood, int impact) throws Exception {
		ApiClient.Response created = api().post("/api/v1/plans/" + this.plan + "/risks", """
				{"description": "Risk %d x %d", "owner": "Director", "likelihood": %d, "impact": %d,
				 "controls": "Monthly review", "review_date": "2030-01-31"}
				""".formatted(likelihood, impact, likelihood, impact));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.body();
	}

	@Test
	void reviewsAreNewRowsAndTheRegisterAsOfADateShowsTheRiskAsThenReviewed() throws Exception {
		ApiClient.Response created = api().post("/api/v1/plans/" + this.plan + "/risks", """
				{"description": "Loss of qualified staff", "owner": "Director of operations", "likelihood": 4,
				 "impact": 4, "controls": "Recruitment plan", "review_date": "2026-03-31", "reviewed_on": "2026-01-10"}
				""");
		long risk = created.body().get("risk_id").asLong();
		ApiClient.Response reviewed = api().post("/api/v1/risks/" + risk + "/reviews", """
				{"likelihood": 2, "controls": "Recruitment plan; retention bonus", "review_date": "2026-06-30",
				 "reviewed_on": "2026-04-02", "note": "Vacancies filled"}
				""");
		ApiClient.Response backdated = api().post("/api/v1/risks/" + risk + "/reviews",
				"{\"review_date\": \"2026-06-30\", \"reviewed_on\": \"2026-01-01\"}");

		assertThat(reviewed.status()).as(reviewed.text()).isEqualTo(201);
		assertThat(reviewed.body().get("score").asInt()).isEqualTo(8);
		assertThat(reviewed.body().get("reviews").asInt()).isEqualTo(2);
		assertThat(backdated.status()).isEqualTo(422);
		assertThat(find(register("2026-01-09"), risk)).isNull();
		JsonNode inMarch = find(register("2026-03-15"), risk);
		assertThat(inMarch.get("score").asInt()).isEqualTo(16);
		assertThat(inMarch.get("rag").asString()).isEqualTo("RED");
		assertThat(inMarch.get("past_review").asBoolean()).isFalse();
		JsonNode overdue = find(register("2026-04-01"), risk);
		assertThat(overdue.get("score").asInt()).isEqualTo(16);
		assertThat(overdue.get("past_review").asBoolean()).isTrue();
		JsonNode after = find(register("2026-04-02"), risk);
		assertThat(after.get("score").asInt()).isEqualTo(8);
		assertThat(after.get("controls").asString()).isEqualTo("Recruitment plan; retention bonus");
		assertThat(after.get("owner").asString()).isEqualTo("Director of operations");
	}

	@Test
	void aRiskNeedsARiskAssurancePlanAndScoresFromOneToFive() throws Exception {
		long other = api().post("/api/v1/plans", """
				{"kind": "QUALITY_DEVELOPMENT", "title": "Quality", "unit_code": "RAT"}
				""").body().get("plan_id").asLong();
		ApiClient.Response wrongPlan = api().post("/api/v1/plans/" + other + "/risks",
				"""
						{"description": "A risk", "owner": "Director", "likelihood": 2, "impact": 2, "review_date": "2030-01-31"}
						""");
		ApiClient.Response tooLikely = api().post("/api/v1/plans/" + this.plan + "/risks",
				"""
						{"description": "A risk", "owner": "Director", "likelihood": 6, "impact": 2, "review_date": "2030-01-31"}
						""");
		ApiClient.Response noPlan = api().get("/api/v1/plans/999999/risks");

		assertThat(wrongPlan.status()).isEqualTo(422);
		assertThat(tooLikely.status()).isEqualTo(422);
		assertThat(tooLikely.body().get("message").asString()).contains("1 to 5");
		assertThat(noPlan.status()).isEqualTo(404);
	}

	private JsonNode register(String asOf) throws Exception {
		ApiClient.Response register = api().get("/api/v1/plans/" + this.plan + "/risks?as_of=" + asOf);
		assertThat(register.status()).isEqualTo(200);
		return register.body().get("risks");
	}

	private static JsonNode find(JsonNode risks, long id) {
		for (JsonNode r : risks) {
			if (r.get("risk_id").asLong() == id) {
				return r;
			}
		}
		return null;
	}

}
