package org.probity.improvement;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Progress updates with an optimistic version, status changes, cancellation with a
 * reason, evidence, a history never overwritten, and RAG as of a date; and who sees which
 * plans and actions.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionsApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	PlanTestData data;

	long teamOnePlan;

	long teamTwoPlan;

	@BeforeAll
	void estate() throws Exception {
		this.data = new PlanTestData(this.jdbc, "AAT").estate().accounts(this.accounts);
		this.teamOnePlan = plan(this.data.team(1));
		this.teamTwoPlan = plan(this.data.team(2));
	}

	private ApiClient as(String suffix) {
		return new ApiClient(this.port, this.data.user(suffix), PlanTestData.PASSWORD);
	}

	private long plan(String unit) throws Exception {
		ApiClient.Response created = as("quality").post("/api/v1/plans", """
				{"kind": "SITE_DEVELOPMENT", "title": "Site plan %s", "unit_code": "%s", "owner": "Team manager"}
				""".formatted(unit, unit));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.body().get("plan_id").asLong();
	}

	private JsonNode action(long plan, LocalDate target, String recurrence, String ownerStaff) throws Exception {
		ApiClient.Response created = as("quality").post("/api/v1/plans/" + plan + "/actions", """
				{"description": "Review every case allocation", "owner": "Team manager", "owner_staff": %s,
				 "target_date": "%s", "recurrence": %s}
				""".formatted((ownerStaff != null) ? "\"" + ownerStaff + "\"" : "null", target,
				(recurrence != null) ? "\"" + recurrence + "\"" : "null"));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.body();
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Europe/London"));
	}

	private String rag(long plan, long actionId, LocalDate asOf) throws Exception {
		JsonNode read = as("quality").get("/api/v1/plans/" + plan + "?as_of=" + asOf).body();
		for (JsonNode a : read.get("actions")) {
			if (a.get("action_id").asLong() == actionId) {
				return a.get("rag").asString();
			}
		}
		throw new AssertionError("No action " + actionId);
	}

	@Test
	void anUpdateWithAStaleVersionIsRefusedAndChangesNothing() throws Exception {
		long id = action(this.teamOnePlan, LocalDate.of(2030, 1, 31), null, null).get("action_id").asLong();

		ApiClient.Response first = as("manager1").post("/api/v1/actions/" + id + "/updates",
				"""
						{"version": 0, "note": "Started on the allocations", "status": "IN_PROGRESS",
						 "evidence": [{"kind": "AUDIT", "ref": "123"}, {"kind": "MEASURE_RESULT", "ref": "SL001R:2026-09:AATT1"},
						              {"kind": "DOCUMENT", "ref": "https://intranet.example/allocations.pdf"}]}
						""");
		ApiClient.Response stale = as("quality").post("/api/v1/actions/" + id + "/updates", """
				{"version": 0, "note": "Finished", "status": "COMPLETE"}
				""");

		assertThat(first.status()).as(first.text()).isEqualTo(200);
		assertThat(first.body().get("version").asInt()).isEqualTo(1);
		assertThat(first.body().get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body().get("message").asString()).contains("nothing was changed");
		JsonNode history = as("quality").get("/api/v1/actions/" + id + "/updates").body();
		assertThat(history.size()).isEqualTo(1);
		assertThat(history.get(0).get("author").asString()).isEqualTo(this.data.user("manager1"));
		assertThat(history.get(0).get("status_to").asString()).isEqualTo("IN_PROGRESS");
		assertThat(history.get(0).get("evidence").size()).isEqualTo(3);
		assertThat(as("quality").get("/api/v1/actions/" + id).body().get("status").asString()).isEqualTo("IN_PROGRESS");

		ApiClient.Response done = as("quality").post("/api/v1/actions/" + id + "/updates", """
				{"version": 1, "note": "Finished", "status": "COMPLETE"}
				""");
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.body().get("rag").asString()).isEqualTo("GREEN");
		assertThat(as("quality").get("/api/v1/actions/" + id + "/updates").body().size()).isEqualTo(2);
	}

	@Test
	void aCancellationNeedsItsReasonAndIsKept() throws Exception {
		long id = action(this.teamOnePlan, LocalDate.of(2020, 1, 31), null, null).get("action_id").asLong();
		assertThat(rag(this.teamOnePlan, id, today())).isEqualTo("RED");

		ApiClient.Response noReason = as("quality").post("/api/v1/actions/" + id + "/updates",
				"{\"version\": 0, \"note\": \"Not needed\", \"status\": \"CANCELLED\"}");
		ApiClient.Response cancelled = as("quality").post("/api/v1/actions/" + id + "/updates",
				"{\"version\": 0, \"note\": \"Not needed\", \"status\": \"CANCELLED\", \"reason\": \"Team merged\"}");
		ApiClient.Response reopened = as("quality").post("/api/v1/actions/" + id + "/updates",
				"{\"version\": 1, \"note\": \"Again\", \"status\": \"IN_PROGRESS\"}");

		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.body().get("message").asString()).contains("why");
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.body().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.body().get("cancel_reason").asString()).isEqualTo("Team merged");
		assertThat(cancelled.body().get("rag").asString()).isEqualTo("GREEN");
		assertThat(reopened.status()).isEqualTo(422);
	}

	@Test
	void aOneOffActionsRagAsOfDatesAroundItsTarget() throws Exception {
		LocalDate target = LocalDate.of(2031, 3, 31);
		long id = action(this.teamOnePlan, target, null, null).get("action_id").asLong();

		assertThat(rag(this.teamOnePlan, id, target.minusDays(15))).isEqualTo("GREEN");
		assertThat(rag(this.teamOnePlan, id, target.minusDays(14))).isEqualTo("AMBER");
		assertThat(rag(this.teamOnePlan, id, target)).isEqualTo("AMBER");
		assertThat(rag(this.teamOnePlan, id, target.plusDays(1))).isEqualTo("RED");
	}

	@Test
	void aRecurringActionOnItsFirstDateIsRedUntilAnUpdateIsRecorded() throws Exception {
		LocalDate target = today();
		JsonNode created = action(this.teamOnePlan, target, "MONTHLY", null);
		long id = created.get("action_id").asLong();
		assertThat(rag(this.teamOnePlan, id, target.minusDays(1))).isEqualTo("AMBER");
		assertThat(rag(this.teamOnePlan, id, target)).isEqualTo("RED");

		ApiClient.Response complete = as("quality").post("/api/v1/actions/" + id + "/updates",
				"{\"version\": 0, \"note\": \"Reviewed\", \"status\": \"COMPLETE\"}");
		ApiClient.Response reviewed = as("quality").post("/api/v1/actions/" + id + "/updates",
				"{\"version\": 0, \"note\": \"Reviewed at the monthly meeting\", \"status\": \"IN_PROGRESS\"}");

		assertThat(complete.status()).isEqualTo(422);
		assertThat(reviewed.status()).isEqualTo(200);
		assertThat(rag(this.teamOnePlan, id, target)).isEqualTo("GREEN");
		assertThat(rag(this.teamOnePlan, id, target.plusMonths(1))).isEqualTo("RED");
	}

	@Test
	void actionsAreListedBySource() throws Exception {
		long id = action(this.teamTwoPlan, LocalDate.of(2030, 6, 30), null, null).get("action_id").asLong();

		JsonNode manual = as("quality").get("/api/v1/actions?source=MANUAL&as_of=2030-06-20").body();
		JsonNode alerts = as("quality").get("/api/v1/actions?source=ALERT").body();

		assertThat(manual.get("actions")).anySatisfy((a) -> {
			assertThat(a.get("action_id").asLong()).isEqualTo(id);
			assertThat(a.get("rag").asString()).isEqualTo("AMBER");
			assertThat(a.get("source").get("kind").asString()).isEqualTo("MANUAL");
		});
		assertThat(alerts.get("actions")).noneSatisfy((a) -> assertThat(a.get("action_id").asLong()).isEqualTo(id));
		assertThat(as("quality").get("/api/v1/actions?source=NONSENSE").status()).isEqualTo(400);
	}

	@Test
	void aLineManagerSeesTheirTeamsPlansAndActionsAndNotAnotherTeams() throws Exception {
		long mine = action(this.teamOnePlan, LocalDate.of(2030, 1, 31), null, null).get("action_id").asLong();
		long theirs = action(this.teamTwoPlan, LocalDate.of(2030, 1, 31), null, null).get("action_id").asLong();
		ApiClient manager = as("manager1");

		assertThat(manager.get("/api/v1/plans/" + this.teamOnePlan).status()).isEqualTo(200);
		assertThat(manager.get("/api/v1/plans/" + this.teamTwoPlan).status()).isEqualTo(404);
		assertThat(manager.get("/api/v1/actions/" + theirs).status()).isEqualTo(404);
		assertThat(manager.post("/api/v1/actions/" + theirs + "/updates", "{\"version\": 0, \"note\": \"Mine now\"}")
			.status()).isEqualTo(404);
		assertThat(manager.post("/api/v1/plans", """
				{"kind": "SITE_DEVELOPMENT", "title": "Not mine", "unit_code": "%s"}
				""".formatted(this.data.team(2))).status()).isEqualTo(403);
		JsonNode listed = manager.get("/api/v1/actions").body().get("actions");
		assertThat(listed).anySatisfy((a) -> assertThat(a.get("action_id").asLong()).isEqualTo(mine));
		assertThat(listed).noneSatisfy((a) -> assertThat(a.get("action_id").asLong()).isEqualTo(theirs));
		JsonNode plans = manager.get("/api/v1/plans").body().get("plans");
		assertThat(plans).anySatisfy((p) -> assertThat(p.get("plan_id").asLong()).isEqualTo(this.teamOnePlan));
		assertThat(plans).noneSatisfy((p) -> assertThat(p.get("plan_id").asLong()).isEqualTo(this.teamTwoPlan));
	}

	@Test
	void aSeniorManagerSeesTheUnitsBelowTheirsAndTheQualityTeamEverything() throws Exception {
		for (String who : new String[] { "senior", "quality", "api" }) {
			assertThat(as(who).get("/api/v1/plans/" + this.teamOnePlan).status()).as(who).isEqualTo(200);
			assertThat(as(who).get("/api/v1/plans/" + this.teamTwoPlan).status()).as(who).isEqualTo(200);
		}
	}

	@Test
	void aPractitionerSeesOnlyTheActionsTheyOwn() throws Exception {
		long owned = action(this.teamOnePlan, LocalDate.of(2030, 1, 31), null, this.data.staff(1)).get("action_id")
			.asLong();
		long other = action(this.teamOnePlan, LocalDate.of(2030, 1, 31), null, null).get("action_id").asLong();
		ApiClient practitioner = as("po1");

		assertThat(practitioner.get("/api/v1/actions/" + owned).status()).isEqualTo(200);
		assertThat(practitioner.get("/api/v1/actions/" + other).status()).isEqualTo(404);
		assertThat(practitioner
			.post("/api/v1/actions/" + owned + "/updates",
					"{\"version\": 0, \"note\": \"Done my part\", \"status\": \"IN_PROGRESS\"}")
			.status()).isEqualTo(200);
		assertThat(practitioner.post("/api/v1/plans", """
				{"kind": "SITE_DEVELOPMENT", "title": "Mine", "unit_code": "%s"}
				""".formatted(this.data.team(1))).status()).isEqualTo(403);
		JsonNode plan = practitioner.get("/api/v1/plans/" + this.teamOnePlan).body();
		assertThat(plan.get("actions")).isNotEmpty()
			.allSatisfy((a) -> assertThat(a.get("owner_staff").asString()).isEqualTo(this.data.staff(1)));
	}

}
