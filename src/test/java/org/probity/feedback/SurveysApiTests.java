package org.probity.feedback;

import java.util.ArrayList;
import java.util.List;

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

/**
 * Responses imported as CSV and the results over the API: suppression at 9 and 10
 * respondents, the positive share without DONT_KNOW, the engagement index worked by hand,
 * child units counted in their parent, and a bad file that changes nothing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveysApiTests {

	static final String HEADER = "response_ref,questionnaire_code,version,unit_code,answered_on,channel,question_code,answer\n";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	FeedbackApiClient api;

	@BeforeAll
	void estate() {
		CaseData caseData = new CaseData(this.jdbc);
		caseData.aProvider("FSP").named("FS provider").insert();
		caseData.anLdu("FSL").named("FS LDU").under("FSP").insert();
		caseData.aTeam("FST1").named("FS team one").under("FSL").insert();
		caseData.aTeam("FST2").named("FS team two").under("FSL").insert();
		caseData.aTeam("FST3").named("FS team three").under("FSL").insert();
		caseData.aTeam("FST4").named("FS team four").under("FSL").insert();
		this.api = FeedbackApiClient.admin(this.port);
	}

	private static String rows(String ref, String questionnaire, String unit, String on, String... answers) {
		StringBuilder csv = new StringBuilder();
		for (int i = 0; i < answers.length; i += 2) {
			csv.append(String.join(",", ref, questionnaire, "1", unit, on, "PAPER", answers[i], answers[i + 1]))
				.append('\n');
		}
		return csv.toString();
	}

	private FeedbackApiClient.Response imported(String body) {
		return this.api.csv("/api/v1/surveys/responses", HEADER + body);
	}

	private JsonNode results(String questionnaire, String period, String unit) {
		FeedbackApiClient.Response r = this.api.json("GET",
				"/api/v1/surveys/" + questionnaire + "/results?period=" + period + "&unit=" + unit, null);
		assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
		return r.body();
	}

	private static JsonNode question(JsonNode results, String code) {
		for (JsonNode q : results.get("questions")) {
			if (q.get("question_code").asString().equals(code)) {
				return q;
			}
		}
		throw new AssertionError("No question " + code + " in " + results);
	}

	@Test
	void resultsAreSuppressedAtNineRespondentsAndShownAtTen() {
		StringBuilder nine = new StringBuilder();
		for (int i = 1; i <= 9; i++) {
			nine.append(rows("SUP-" + i, "POP_SURVEY", "FST1", "2024-02-1" + (i % 9), "FAIR", "AGREE"));
		}
		FeedbackApiClient.Response first = imported(nine.toString());
		assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(200);
		assertThat(first.body().get("responses").asInt()).isEqualTo(9);
		JsonNode suppressed = results("POP_SURVEY", "2024-Q1", "FST1");
		assertThat(suppressed.get("respondents").asInt()).isEqualTo(9);
		assertThat(suppressed.get("suppressed").asBoolean()).isTrue();
		assertThat(suppressed.get("questions")).isEmpty();

		assertThat(imported(rows("SUP-10", "POP_SURVEY", "FST1", "2024-03-01", "FAIR", "DISAGREE")).status())
			.isEqualTo(200);
		JsonNode shown = results("POP_SURVEY", "2024-Q1", "FST1");
		assertThat(shown.get("respondents").asInt()).isEqualTo(10);
		assertThat(shown.get("suppressed").asBoolean()).isFalse();
		JsonNode fair = question(shown, "FAIR");
		assertThat(fair.get("responses").asInt()).isEqualTo(10);
		assertThat(fair.get("counts").get("AGREE").asInt()).isEqualTo(9);
		assertThat(fair.get("positive").asDouble()).isEqualTo(90.0);
		// the month before holds none of them
		assertThat(results("POP_SURVEY", "2024-01", "FST1").get("respondents").asInt()).isZero();
	}

	@Test
	void thePositiveShareLeavesOutDontKnowAndBlankAnswers() {
		String[] fair = { "STRONGLY_AGREE", "STRONGLY_AGREE", "STRONGLY_AGREE", "STRONGLY_AGREE", "AGREE", "AGREE",
				"AGREE", "NEITHER", "DISAGREE", "DONT_KNOW", "" };
		String[] complain = { "YES", "YES", "NO", "DONT_KNOW", "YES", "", "NO", "YES", "YES", "YES", "NO" };
		StringBuilder csv = new StringBuilder();
		for (int i = 0; i < fair.length; i++) {
			csv.append(rows("POS-" + i, "POP_SURVEY", "FST2", "2024-05-02", "FAIR", fair[i], "COMPLAIN", complain[i],
					"BEST", (i == 0) ? "\"My worker listens, always\"" : ""));
		}
		assertThat(imported(csv.toString()).status()).isEqualTo(200);
		JsonNode results = results("POP_SURVEY", "2024-05", "FST2");
		assertThat(results.get("respondents").asInt()).isEqualTo(11);
		JsonNode q = question(results, "FAIR");
		// 7 agree of 9 answers that are neither DONT_KNOW nor blank
		assertThat(q.get("responses").asInt()).isEqualTo(9);
		assertThat(q.get("counts").get("DONT_KNOW").asInt()).isEqualTo(1);
		assertThat(q.get("counts").get("STRONGLY_DISAGREE").asInt()).isZero();
		assertThat(q.get("positive").asDouble()).isEqualTo(77.8);
		JsonNode yesNo = question(results, "COMPLAIN");
		// 6 yes of 9 (one DONT_KNOW, one blank)
		assertThat(yesNo.get("responses").asInt()).isEqualTo(9);
		assertThat(yesNo.get("positive").asDouble()).isEqualTo(66.7);
		JsonNode best = question(results, "BEST");
		assertThat(best.get("responses").asInt()).isEqualTo(1);
		assertThat(best.get("positive").isNull()).isTrue();
		assertThat(results.get("engagement_index").isNull()).isTrue();
	}

	@Test
	void theEngagementIndexIsTheMeanOfRespondentsMeanScores() {
		String[][] answers = {
				{ "STRONGLY_AGREE", "STRONGLY_AGREE", "STRONGLY_AGREE", "STRONGLY_AGREE", "STRONGLY_AGREE" }, // 100
				{ "AGREE", "AGREE", "AGREE", "AGREE", "AGREE" }, // 75
				{ "STRONGLY_AGREE", "AGREE", "NEITHER", "DISAGREE", "STRONGLY_DISAGREE" }, // 50
				{ "AGREE", "DONT_KNOW", "", "AGREE", "NEITHER" }, // (75 + 75 + 50) / 3
				{ "DISAGREE", "DISAGREE", "DISAGREE", "DISAGREE", "DISAGREE" }, // 25
				{ "STRONGLY_DISAGREE", "STRONGLY_DISAGREE", "STRONGLY_DISAGREE", "STRONGLY_DISAGREE",
						"STRONGLY_DISAGREE" }, // 0
				{ "NEITHER", "NEITHER", "NEITHER", "NEITHER", "NEITHER" }, // 50
				{ "STRONGLY_AGREE", "STRONGLY_AGREE", "DONT_KNOW", "DONT_KNOW", "DONT_KNOW" }, // 100
				{ "AGREE", "DISAGREE", "", "", "" }, // 50
				{ "DONT_KNOW", "DONT_KNOW", "DONT_KNOW", "DONT_KNOW", "DONT_KNOW" } }; // no
																						// score
		StringBuilder csv = new StringBuilder();
		for (int r = 0; r < answers.length; r++) {
			List<String> pairs = new ArrayList<>();
			for (int e = 0; e < 5; e++) {
				pairs.add("E" + (e + 1));
				pairs.add(answers[r][e]);
			}
			csv.append(rows("ENG-" + r, "STAFF_ENGAGEMENT", "FST3", "2024-10-15", pairs.toArray(String[]::new)));
		}
		assertThat(imported(csv.toString()).status()).isEqualTo(200);
		JsonNode results = results("STAFF_ENGAGEMENT", "2024", "FST3");
		assertThat(results.get("respondents").asInt()).isEqualTo(10);
		// (100 + 75 + 50 + 66.67 + 25 + 0 + 50 + 100 + 50) / 9 = 57.4
		assertThat(results.get("engagement_index").asDouble()).isEqualTo(57.4);
		JsonNode e4 = question(results, "E4");
		// SA, A, D, A, D, SD, N: 3 positive of 7
		assertThat(e4.get("responses").asInt()).isEqualTo(7);
		assertThat(e4.get("positive").asDouble()).isEqualTo(42.9);
	}

	@Test
	void aUnitsResultsIncludeItsChildUnits() {
		StringBuilder csv = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			csv.append(
					rows("KID-" + i, "END_OF_SUPERVISION", (i < 5) ? "FST1" : "FST4", "2025-01-10", "CLEAR", "AGREE"));
		}
		assertThat(imported(csv.toString()).status()).isEqualTo(200);
		assertThat(results("END_OF_SUPERVISION", "2025-Q1", "FST4").get("suppressed").asBoolean()).isTrue();
		JsonNode ldu = results("END_OF_SUPERVISION", "2025-Q1", "FSL");
		assertThat(ldu.get("respondents").asInt()).isEqualTo(10);
		assertThat(question(ldu, "CLEAR").get("positive").asDouble()).isEqualTo(100.0);
		assertThat(results("END_OF_SUPERVISION", "2025-Q1", "FSP").get("respondents").asInt()).isEqualTo(10);
	}

	@Test
	void aBadFileListsEveryBadRowAndChangesNothing() {
		long before = this.jdbc.sql("select count(*) from survey_response").query(Long.class).single();
		String csv = "\uFEFF" + HEADER.replace("\n", "\r\n") + """
				BAD-1,POP_SURVEY,1,FST1,2024-06-01,PAPER,FAIR,AGREE\r
				BAD-1,POP_SURVEY,1,FST1,2024-06-01,PAPER,CLEAR,MAYBE\r
				BAD-2,POP_SURVEY,9,FST1,2024-06-01,PAPER,FAIR,AGREE\r
				BAD-3,POP_SURVEY,1,NOWHERE,2024-13-01,CARRIER_PIGEON,NOPE,AGREE\r
				BAD-1,POP_SURVEY,1,FST2,2024-06-01,PAPER,HELP,AGREE\r
				""";
		FeedbackApiClient.Response r = this.api.csv("/api/v1/surveys/responses", csv);
		assertThat(r.status()).isEqualTo(422);
		List<String> problems = new ArrayList<>();
		r.body().get("errors").forEach((e) -> problems.add(e.get("row").asInt() + ":" + e.get("column").asString()));
		assertThat(problems).containsExactly("3:answer", "4:questionnaire_code", "5:unit_code", "5:answered_on",
				"5:channel", "5:question_code", "6:unit_code");
		assertThat(r.body().get("message").asString()).contains("Nothing was changed");
		assertThat(this.jdbc.sql("select count(*) from survey_response").query(Long.class).single()).isEqualTo(before);

		FeedbackApiClient.Response unknownColumn = this.api.csv("/api/v1/surveys/responses",
				HEADER.replace("\n", ",name\n") + "X-1,POP_SURVEY,1,FST1,2024-06-01,PAPER,FAIR,AGREE,Sam\n");
		assertThat(unknownColumn.status()).isEqualTo(422);
		assertThat(unknownColumn.body().get("errors").get(0).get("column").asString()).isEqualTo("name");
	}

	@Test
	void importingTheSameFileTwiceLeavesTheSameState() {
		String csv = rows("TWICE-1", "POP_SURVEY", "FST4", "2023-07-03", "FAIR", "AGREE", "HELP", "NEITHER");
		assertThat(imported(csv).status()).isEqualTo(200);
		assertThat(imported(csv).status()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from survey_response where response_ref = 'TWICE-1'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void resultsOfAnUnknownQuestionnaireUnitOrPeriodAreClearErrors() {
		assertThat(this.api.json("GET", "/api/v1/surveys/NOPE/results?period=2024&unit=FSP", null).status())
			.isEqualTo(404);
		assertThat(this.api.json("GET", "/api/v1/surveys/POP_SURVEY/results?period=2024&unit=NOPE", null).status())
			.isEqualTo(404);
		assertThat(this.api.json("GET", "/api/v1/surveys/POP_SURVEY/results?period=last-year&unit=FSP", null).status())
			.isEqualTo(400);
	}

}
