package org.probity.improvement;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspection response exchange: the seed's plan imports with its counts and exports
 * back to the same file; each kind of bad row is listed and nothing is applied.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanImportTests {

	static final String HEADER = "rec_no,recommendation,response,reason_category,explanation,action_no,action,owner,target_date,recurrence\n";

	static final String GOOD_ROW = "1,Improve it,AGREED,,,1,Do it,ACO,2019-09-30,\n";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	PlanTestData data;

	@BeforeAll
	void estate() {
		this.data = new PlanTestData(this.jdbc, "PIM").estate();
	}

	private ApiClient api() {
		return new ApiClient(this.port, "admin", "test-admin-password");
	}

	private long plan() throws Exception {
		ApiClient.Response created = api().post("/api/v1/plans", """
				{"kind": "INSPECTION_RESPONSE", "title": "Response to the inspection", "unit_code": "%s"}
				""".formatted(this.data.provider()));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.body().get("plan_id").asLong();
	}

	@Test
	void theSeedPlanImportsWithItsCountsAndExportsAsTheSameFile() throws Exception {
		ApiClient.Response inspection = api().post("/api/v1/inspections", """
				{"name": "Warwickshire & West Mercia CRC", "unit_code": "%s", "published_on": "2019-07-17",
				 "ratings": {"1.1": "GOOD"}}
				""".formatted(this.data.provider()));
		ApiClient.Response created = api().post("/api/v1/plans", """
				{"kind": "INSPECTION_RESPONSE", "title": "Response to HMIP", "unit_code": "%s", "inspection_id": %d}
				""".formatted(this.data.provider(), inspection.body().get("inspection_id").asLong()));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.body().get("kind").asString()).isEqualTo("INSPECTION_RESPONSE");
		long plan = created.body().get("plan_id").asLong();
		String seed = ApiClient.seedCsv();

		ApiClient.Response imported = api().postCsv("/api/v1/plans/" + plan + "/import", seed);

		assertThat(imported.status()).as(imported.text()).isEqualTo(200);
		assertThat(imported.body().get("recommendations").asInt()).isEqualTo(7);
		assertThat(imported.body().get("actions").asInt()).isEqualTo(56);
		JsonNode read = api().get("/api/v1/plans/" + plan + "?as_of=2019-08-01").body();
		assertThat(read.get("summary").get("agreed").asInt()).isEqualTo(4);
		assertThat(read.get("summary").get("partly_agreed").asInt()).isEqualTo(3);
		assertThat(read.get("summary").get("not_agreed").asInt()).isEqualTo(0);
		assertThat(read.get("summary").get("total").asInt()).isEqualTo(7);
		assertThat(read.get("recommendations").get(2).get("reason_category").asString()).isEqualTo("AFFORDABILITY");
		JsonNode first = read.get("actions").get(0);
		assertThat(first.get("rec_no").asInt()).isEqualTo(1);
		assertThat(first.get("action_no").asInt()).isEqualTo(1);
		assertThat(first.get("source").get("kind").asString()).isEqualTo("RECOMMENDATION");
		assertThat(first.get("status").asString()).isEqualTo("NOT_STARTED");
		// target 19 July 2019, open: red on 1 August 2019
		assertThat(first.get("rag").asString()).isEqualTo("RED");

		byte[] exported = api().bytes("/api/v1/plans/" + plan + "/export?format=csv");
		assertThat(new String(exported, StandardCharsets.UTF_8)).isEqualTo(seed);
	}

	@Test
	void aSecondImportIntoTheSamePlanIsRefused() throws Exception {
		long plan = plan();
		assertThat(api().postCsv("/api/v1/plans/" + plan + "/import", HEADER + GOOD_ROW).status()).isEqualTo(200);
		assertThat(api().postCsv("/api/v1/plans/" + plan + "/import", HEADER + GOOD_ROW).status()).isEqualTo(409);
		assertThat(actions(plan)).isEqualTo(1);
	}

	@Test
	void aByteOrderMarkAndCrlfAndFreeColumnOrderAreAccepted() throws Exception {
		long plan = plan();
		String csv = "\uFEFFaction_no,rec_no,recommendation,response,reason_category,explanation,action,owner,target_date,recurrence\r\n"
				+ "1,1,Improve it,AGREED,,,Do it,ACO,2019-09-30,MONTHLY\r\n";
		ApiClient.Response imported = api().postCsv("/api/v1/plans/" + plan + "/import", csv);
		assertThat(imported.status()).as(imported.text()).isEqualTo(200);
		assertThat(actions(plan)).isEqualTo(1);
	}

	@Test
	void anUnknownColumnAndAMissingColumnAreErrorsOfRowOne() throws Exception {
		assertBad(HEADER.replace("recurrence", "colour") + GOOD_ROW, 1, "colour");
		assertBad(HEADER.replace(",recurrence", "") + "1,Improve it,AGREED,,,1,Do it,ACO,2019-09-30\n", 1,
				"recurrence");
	}

	@Test
	void aNumberThatIsNotAWholeNumberIsABadRow() throws Exception {
		assertBad(HEADER + GOOD_ROW + "x,Improve it,AGREED,,,1,Do it,ACO,2019-09-30,\n", 3, "rec_no");
		assertBad(HEADER + GOOD_ROW + "1,Improve it,AGREED,,,two,Do it,ACO,2019-09-30,\n", 3, "action_no");
	}

	@Test
	void anUnknownResponseReasonOrRecurrenceIsABadRow() throws Exception {
		assertBad(HEADER + "1,Improve it,MAYBE,,,1,Do it,ACO,2019-09-30,\n", 2, "response");
		assertBad(HEADER + "1,Improve it,PARTLY_AGREED,MONEY,Because,1,Do it,ACO,2019-09-30,\n", 2, "reason_category");
		assertBad(HEADER + "1,Improve it,AGREED,,,1,Do it,ACO,2019-09-30,WEEKLY\n", 2, "recurrence");
	}

	@Test
	void aPartlyAgreedRecommendationNeedsItsReasonAndExplanation() throws Exception {
		assertBad(HEADER + "1,Improve it,PARTLY_AGREED,,Because,1,Do it,ACO,2019-09-30,\n", 2, "reason_category");
		assertBad(HEADER + "1,Improve it,NOT_AGREED,POLICY,,,,,,\n", 2, "explanation");
		assertBad(HEADER + "1,Improve it,AGREED,POLICY,,1,Do it,ACO,2019-09-30,\n", 2, "reason_category");
	}

	@Test
	void aNotAgreedRecommendationHasOneRowWithoutActions() throws Exception {
		assertBad(HEADER + "1,Improve it,NOT_AGREED,POLICY,Not ours,1,Do it,ACO,2019-09-30,\n", 2, "action");
		assertBad(
				HEADER + "1,Improve it,NOT_AGREED,POLICY,Not ours,,,,,\n1,Improve it,NOT_AGREED,POLICY,Not ours,,,,,\n",
				3, "rec_no");
		long plan = plan();
		ApiClient.Response ok = api().postCsv("/api/v1/plans/" + plan + "/import",
				HEADER + "1,Improve it,NOT_AGREED,POLICY,Not ours,,,,,\n" + GOOD_ROW.replace("1,Improve", "2,Improve"));
		assertThat(ok.status()).as(ok.text()).isEqualTo(200);
		assertThat(api().get("/api/v1/plans/" + plan).body().get("summary").get("not_agreed").asInt()).isEqualTo(1);
	}

	@Test
	void anActionNeedsItsDescriptionOwnerAndADate() throws Exception {
		assertBad(HEADER + "1,Improve it,AGREED,,,1,,ACO,2019-09-30,\n", 2, "action");
		assertBad(HEADER + "1,Improve it,AGREED,,,1,Do it,,2019-09-30,\n", 2, "owner");
		assertBad(HEADER + "1,Improve it,AGREED,,,1,Do it,ACO,September 2019,\n", 2, "target_date");
		assertBad(HEADER + "1,,AGREED,,,1,Do it,ACO,2019-09-30,\n", 2, "recommendation");
	}

	@Test
	void repeatedRecommendationColumnsMustAgreeAndActionNumbersBeUnique() throws Exception {
		assertBad(HEADER + GOOD_ROW + "1,Improve something else,AGREED,,,2,Do it,ACO,2019-09-30,\n", 3,
				"recommendation");
		assertBad(HEADER + GOOD_ROW + "1,Improve it,AGREED,,,1,Do it again,ACO,2019-09-30,\n", 3, "action_no");
	}

	@Test
	void aRowWithTheWrongNumberOfFieldsIsABadRow() throws Exception {
		assertBad(HEADER + GOOD_ROW + "2,Improve it,AGREED,,,1,Do it\n", 3, null);
	}

	@Test
	void everyBadRowIsListedAndNothingIsApplied() throws Exception {
		long plan = plan();
		ApiClient.Response rejected = api().postCsv("/api/v1/plans/" + plan + "/import", HEADER + GOOD_ROW
				+ "2,Other,MAYBE,,,1,Do it,ACO,2019-09-30,\n" + "3,Third,AGREED,,,1,Do it,ACO,soon,\n");

		assertThat(rejected.status()).isEqualTo(422);
		assertThat(rejected.body().get("errors").size()).isEqualTo(2);
		assertThat(rejected.body().get("errors").get(0).get("row").asInt()).isEqualTo(3);
		assertThat(rejected.body().get("errors").get(1).get("row").asInt()).isEqualTo(4);
		assertThat(actions(plan)).isZero();
		assertThat(this.jdbc.sql("select count(*) from improvement_recommendation where plan_id = :plan")
			.param("plan", plan)
			.query(Long.class)
			.single()).isZero();
	}

	private void assertBad(String csv, int row, String column) throws Exception {
		long plan = plan();
		ApiClient.Response rejected = api().postCsv("/api/v1/plans/" + plan + "/import", csv);
		assertThat(rejected.status()).as(rejected.text()).isEqualTo(422);
		JsonNode errors = rejected.body().get("errors");
		assertThat(errors).as(rejected.text()).anySatisfy((e) -> {
			assertThat(e.get("row").asInt()).isEqualTo(row);
			if (column != null) {
				assertThat(e.get("column").asString()).isEqualTo(column);
			}
			assertThat(e.get("message").asString()).isNotBlank();
		});
		assertThat(actions(plan)).isZero();
	}

	private long actions(long plan) {
		return this.jdbc.sql("select count(*) from improvement_action where plan_id = :plan")
			.param("plan", plan)
			.query(Long.class)
			.single();
	}

}
