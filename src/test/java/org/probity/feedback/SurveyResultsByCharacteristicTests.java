package org.probity.feedback;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.equality.Characteristic;
import org.probity.shared.Period;
import org.probity.shared.UnitCode;
import org.probity.shared.web.PageSession;
import org.probity.testing.CaseData;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Survey results by self-declared characteristic, from hand-built responses: a
 * significant difference worked by hand, suppression at 9 and 10 responses with
 * equality's secondary suppression, a rest too small to show, nothing under 10
 * respondents, and the "about you" answers never shown as a distribution.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyResultsByCharacteristicTests {

	static final Period MAY = Period.parse("2025-05");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Surveys surveys;

	@Autowired
	SurveyResults results;

	@Autowired
	Questionnaires questionnaires;

	@Autowired
	Accounts accounts;

	static final String PASSWORD = "fc-password-long-enough";

	int version;

	@BeforeAll
	void estate() {
		CaseData caseData = new CaseData(this.jdbc);
		caseData.aProvider("FCP").named("FC provider").insert();
		caseData.aTeam("FCT1").named("FC team one").under("FCP").insert();
		caseData.aTeam("FCT2").named("FC team two").under("FCP").insert();
		caseData.aTeam("FCT3").named("FC team three").under("FCP").insert();
		caseData.aTeam("FCT4").named("FC team four").under("FCP").insert();
		caseData.aTeam("FCT5").named("FC team five").under("FCP").insert();
		caseData.aTeam("FCT6").named("FC team six").under("FCP").insert();
		this.version = this.questionnaires.latest("POP_SURVEY").orElseThrow().version();
	}

	/** {@code count} respondents at a unit answering FAIR with {@code fair}. */
	private void respond(String unit, int count, String fair, String characteristic, String group) {
		List<SurveyAnswers> batch = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Map<String, String> answers = new LinkedHashMap<>();
			answers.put("FAIR", fair);
			if (group != null) {
				answers.put(characteristic, group);
			}
			batch.add(new SurveyAnswers("POP_SURVEY", this.version, unit, LocalDate.of(2025, 5, 12), "PAPER", answers));
		}
		this.surveys.recordAll(batch, null);
	}

	private List<SurveyResults.GroupResult> fair(String unit, Characteristic characteristic) {
		SurveyResults.DeclaredResults r = this.results.byCharacteristic("POP_SURVEY", MAY, new UnitCode(unit));
		assertThat(r.suppressed()).isFalse();
		return r.of(characteristic)
			.orElseThrow()
			.questions()
			.stream()
			.filter((q) -> q.questionCode().equals("FAIR"))
			.findFirst()
			.orElseThrow()
			.groups();
	}

	private static SurveyResults.GroupResult group(List<SurveyResults.GroupResult> groups, String code) {
		return groups.stream().filter((g) -> g.group().equals(code)).findFirst().orElseThrow();
	}

	@Test
	void theLatestPersonOnProbationSurveyAsksAboutYouWithPreferNotToSay() {
		Questionnaire pop = this.questionnaires.latest("POP_SURVEY").orElseThrow();
		assertThat(pop.version()).isGreaterThan(1);
		assertThat(pop.question("ETHNICITY").orElseThrow().answers()).contains("WHITE", "BLACK", "PREFER_NOT_TO_SAY");
		assertThat(pop.question("FAIR")).isPresent();
		Questionnaire staff = this.questionnaires.latest("STAFF_ENGAGEMENT").orElseThrow();
		assertThat(staff.question("DISABILITY").orElseThrow().answers()).containsExactly("DISABLED", "NOT_DISABLED",
				"PREFER_NOT_TO_SAY");
		assertThat(staff.question("AGE").orElseThrow().answers()).doesNotContain("UNDER_18");
	}

	@Test
	void aDifferenceWorkedByHandIsSignificant() {
		// disabled: 6 of 20 positive (30%); not disabled: 24 of 30 (80%).
		// Expected counts 12, 8, 18, 12 (all at least 5): chi-square without correction
		// = 36/12 + 36/8 + 36/18 + 36/12 = 12.5, p = erfc(sqrt(12.5 / 2)) = erfc(2.5).
		// Two comparisons (each group against the other): q = 2p/2 = p.
		respond("FCT1", 6, "AGREE", "DISABILITY", "DISABLED");
		respond("FCT1", 14, "DISAGREE", "DISABILITY", "DISABLED");
		respond("FCT1", 20, "STRONGLY_AGREE", "DISABILITY", "NOT_DISABLED");
		respond("FCT1", 4, "AGREE", "DISABILITY", "NOT_DISABLED");
		respond("FCT1", 6, "NEITHER", "DISABILITY", "NOT_DISABLED");
		respond("FCT1", 3, "DONT_KNOW", "DISABILITY", "DISABLED");
		List<SurveyResults.GroupResult> groups = fair("FCT1", Characteristic.DISABILITY);
		SurveyResults.GroupResult disabled = group(groups, "DISABLED");
		assertThat(disabled.responses()).isEqualTo(20);
		assertThat(disabled.positive()).isEqualTo(6);
		assertThat(disabled.positiveShare()).isEqualByComparingTo("30.0");
		assertThat(disabled.restResponses()).isEqualTo(30);
		assertThat(disabled.restPositiveShare()).isEqualByComparingTo("80.0");
		assertThat(disabled.difference()).isEqualByComparingTo("-50.0");
		assertThat(disabled.pValue()).isCloseTo(4.069520174449589e-4, within(1e-12));
		assertThat(disabled.qValue()).isCloseTo(4.069520174449589e-4, within(1e-12));
		assertThat(disabled.significant()).isTrue();
		assertThat(disabled.direction()).isEqualTo("LOWER");
		assertThat(disabled.significance()).isEqualTo("Lower than the rest, significant");
		SurveyResults.GroupResult notDisabled = group(groups, "NOT_DISABLED");
		assertThat(notDisabled.direction()).isEqualTo("HIGHER");
		assertThat(group(groups, "NOT_RECORDED").responses()).isZero();
		// the declarations themselves are never a question of the results
		SurveyResults.Results plain = this.results.results("POP_SURVEY", MAY, new UnitCode("FCT1"));
		assertThat(plain.questions()).extracting(SurveyResults.QuestionResult::questionCode)
			.contains("FAIR")
			.doesNotContain("DISABILITY", "ETHNICITY", "AGE");
	}

	@Test
	void aGroupIsShownFromTenResponsesAndTwoSmallGroupsNeedNoSecondSuppression() {
		respond("FCT2", 30, "AGREE", "ETHNICITY", "WHITE");
		respond("FCT2", 5, "AGREE", "ETHNICITY", "ASIAN");
		respond("FCT2", 5, "DISAGREE", "ETHNICITY", "ASIAN");
		respond("FCT2", 9, "AGREE", "ETHNICITY", "BLACK");
		respond("FCT2", 1, "AGREE", "ETHNICITY", "MIXED");
		List<SurveyResults.GroupResult> groups = fair("FCT2", Characteristic.ETHNICITY);
		// 9 responses: fewer than 10, suppressed though equality alone would show it
		SurveyResults.GroupResult black = group(groups, "BLACK");
		assertThat(black.suppressed()).isTrue();
		assertThat(black.responses()).isNull();
		assertThat(black.positiveShare()).isNull();
		assertThat(black.pValue()).isNull();
		assertThat(black.significance()).startsWith("Not shown");
		assertThat(group(groups, "MIXED").suppressed()).isTrue();
		SurveyResults.GroupResult asian = group(groups, "ASIAN");
		assertThat(asian.suppressed()).isFalse();
		assertThat(asian.responses()).isEqualTo(10);
		assertThat(asian.positiveShare()).isEqualByComparingTo("50.0");
		assertThat(asian.restResponses()).isEqualTo(40);
		assertThat(asian.restPositiveShare()).isEqualByComparingTo("100.0");
		assertThat(asian.pValue()).isNotNull();
		assertThat(group(groups, "WHITE").suppressed()).isFalse();
	}

	@Test
	void whenOnlyOneGroupIsSmallTheNextSmallestIsSuppressedToo() {
		respond("FCT3", 25, "AGREE", "ETHNICITY", "WHITE");
		respond("FCT3", 12, "AGREE", "ETHNICITY", "ASIAN");
		respond("FCT3", 9, "DISAGREE", "ETHNICITY", "BLACK");
		List<SurveyResults.GroupResult> groups = fair("FCT3", Characteristic.ETHNICITY);
		assertThat(group(groups, "BLACK").suppressed()).isTrue();
		// otherwise 9 could be worked out from the question's 46 responses
		assertThat(group(groups, "ASIAN").suppressed()).isTrue();
		SurveyResults.GroupResult white = group(groups, "WHITE");
		assertThat(white.suppressed()).isFalse();
		assertThat(white.restResponses()).isEqualTo(21);
	}

	@Test
	void aRestOfFewerThanTenIsNeitherShownNorCompared() {
		respond("FCT4", 40, "AGREE", "SEX", "MALE");
		respond("FCT4", 3, "DISAGREE", "SEX", "FEMALE");
		respond("FCT4", 4, "DISAGREE", "SEX", "PREFER_NOT_TO_SAY");
		List<SurveyResults.GroupResult> groups = fair("FCT4", Characteristic.SEX);
		assertThat(group(groups, "FEMALE").suppressed()).isTrue();
		// prefer not to say is counted with the not declared, and suppressed with them
		assertThat(group(groups, "NOT_RECORDED").suppressed()).isTrue();
		SurveyResults.GroupResult male = group(groups, "MALE");
		assertThat(male.responses()).isEqualTo(40);
		assertThat(male.restResponses()).isNull();
		assertThat(male.restPositiveShare()).isNull();
		assertThat(male.difference()).isNull();
		assertThat(male.pValue()).isNull();
		assertThat(male.significance()).isEqualTo("No comparison");
	}

	@Test
	void thePageComparesByTheChosenCharacteristicAndItsExportHidesSmallGroups() {
		respond("FCT6", 30, "AGREE", "ETHNICITY", "WHITE");
		respond("FCT6", 12, "DISAGREE", "ETHNICITY", "ASIAN");
		respond("FCT6", 4, "AGREE", "ETHNICITY", "BLACK");
		respond("FCT6", 3, "AGREE", "ETHNICITY", "MIXED");
		this.accounts.createOrReset("fc-quality", "FC Quality", Role.QUALITY_TEAM, null, null, PASSWORD);
		PageSession quality = new PageSession(this.port).signedIn("fc-quality", PASSWORD);
		var page = quality.get("/feedback/surveys/POP_SURVEY/results?period=2025-05&unit=FCT6&by=ETHNICITY");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("By self-declared characteristic")
			.contains("My probation worker treats me fairly by ethnicity")
			.contains("Lower than the rest, significant")
			.contains("fewer than 10");
		var csv = quality.get("/feedback/surveys/POP_SURVEY/results?period=2025-05&unit=FCT6&by=ETHNICITY&format=csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		String black = csv.body()
			.lines()
			.filter((l) -> l.startsWith("FAIR,") && l.contains(",Black,"))
			.findFirst()
			.orElseThrow();
		assertThat(black).contains("Not shown: fewer than 10 responses").doesNotContain(",4,");
		String asian = csv.body()
			.lines()
			.filter((l) -> l.startsWith("FAIR,") && l.contains(",Asian,"))
			.findFirst()
			.orElseThrow();
		assertThat(asian).contains(",Asian,12,0,").contains(",37,");
		assertThat(quality.get("/feedback/surveys/POP_SURVEY/results?period=2025-05&by=HAIR").statusCode())
			.isEqualTo(400);
	}

	@Test
	void nineRespondentsShowNothingAndTheApiSaysSo() {
		respond("FCT5", 9, "AGREE", "ETHNICITY", "WHITE");
		SurveyResults.DeclaredResults r = this.results.byCharacteristic("POP_SURVEY", MAY, new UnitCode("FCT5"));
		assertThat(r.suppressed()).isTrue();
		assertThat(r.characteristics()).isEmpty();
		FeedbackApiClient api = FeedbackApiClient.admin(this.port);
		FeedbackApiClient.Response nine = api.json("GET",
				"/api/v1/surveys/POP_SURVEY/results/by-characteristic?period=2025-05&unit=FCT5", null);
		assertThat(nine.status()).isEqualTo(200);
		assertThat(nine.body().get("suppressed").asBoolean()).isTrue();
		assertThat(nine.body().get("characteristics")).isEmpty();
		respond("FCT5", 1, "DISAGREE", "ETHNICITY", "WHITE");
		FeedbackApiClient.Response ten = api.json("GET",
				"/api/v1/surveys/POP_SURVEY/results/by-characteristic?period=2025-05&unit=FCT5&characteristic=ethnicity",
				null);
		assertThat(ten.status()).as(String.valueOf(ten.body())).isEqualTo(200);
		assertThat(ten.body().get("respondents").asInt()).isEqualTo(10);
		JsonNode characteristics = ten.body().get("characteristics");
		assertThat(characteristics).hasSize(1);
		assertThat(characteristics.get(0).get("characteristic").asString()).isEqualTo("ETHNICITY");
		JsonNode fair = characteristics.get(0).get("questions").get(0);
		assertThat(fair.get("question_code").asString()).isEqualTo("FAIR");
		JsonNode white = fair.get("groups").get(3);
		assertThat(white.get("group").asString()).isEqualTo("WHITE");
		assertThat(white.get("responses").asInt()).isEqualTo(10);
		assertThat(white.get("positive").asDouble()).isEqualTo(90.0);
		assertThat(white.get("rest_responses").isNull()).isTrue();
		// the fixed results API keeps its shape
		FeedbackApiClient.Response plain = api.json("GET",
				"/api/v1/surveys/POP_SURVEY/results?period=2025-05&unit=FCT5", null);
		assertThat(plain.body().get("questions").get(0).get("question_code").asString()).isEqualTo("FAIR");
		assertThat(api
			.json("GET", "/api/v1/surveys/POP_SURVEY/results/by-characteristic?period=2025-05&characteristic=HAIR",
					null)
			.status()).isEqualTo(400);
	}

}
