package org.probity.feedback;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.shared.web.PageSession;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public anonymous form: open without signing in, a session form with its CSRF token,
 * one answer per invitation, and nothing about the person stored.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicSurveyFormTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Surveys surveys;

	@Autowired
	Questionnaires questionnaires;

	SurveyRound open;

	SurveyRound invited;

	@BeforeAll
	void rounds() {
		CaseData caseData = new CaseData(this.jdbc);
		caseData.aProvider("FPP").named("FP provider").insert();
		caseData.aTeam("FPT").named("FP team").under("FPP").insert();
		LocalDate today = LocalDate.now();
		this.open = this.surveys.openRound("POP_SURVEY", "FPT", "FP spring survey", today.minusDays(3),
				today.plusDays(30), false, "test");
		this.invited = this.surveys.openRound("END_OF_SUPERVISION", "FPT", "FP end of supervision", today.minusDays(3),
				today.plusDays(30), true, "test");
	}

	private HttpResponse<String> answer(PageSession browser, String path, Map<String, String> answers) {
		String token = browser.csrfToken(path);
		Map<String, String> form = new java.util.HashMap<>(answers);
		form.put("_csrf", token);
		int q = path.indexOf('?');
		if (q > 0) {
			form.put("invitation", path.substring(path.indexOf('=') + 1));
		}
		return browser.postForm((q > 0) ? path.substring(0, q) : path, form);
	}

	@Test
	void anyoneCanOpenTheFormWithoutSigningInAndItSaysAnswersAreAnonymous() {
		HttpResponse<String> page = new PageSession(this.port).get(this.open.publicPath());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Your answers are anonymous").contains("My probation worker treats me fairly");
		assertThat(new PageSession(this.port).get("/survey/no-such-round").statusCode()).isEqualTo(404);
	}

	@Test
	void aSubmissionIsStoredWithTheQuestionnaireVersionItAnswered() {
		long before = this.surveys.responseCount(this.open.id());
		HttpResponse<String> sent = answer(new PageSession(this.port), this.open.publicPath(),
				Map.of("answer-FAIR", "AGREE", "answer-COMPLAIN", "YES", "answer-BEST", "Being listened to"));
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(sent.headers().firstValue("Location").orElse("")).endsWith("/thank-you");
		assertThat(this.surveys.responseCount(this.open.id())).isEqualTo(before + 1);
		assertThat(this.jdbc.sql("""
				select questionnaire_version from survey_response where round_id = :r order by response_id desc limit 1
				""").param("r", this.open.id()).query(Integer.class).single())
			.isEqualTo(this.questionnaires.latest("POP_SURVEY").orElseThrow().version());
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() {
		HttpResponse<String> forged = new PageSession(this.port).postForm(this.open.publicPath(),
				Map.of("answer-FAIR", "AGREE"));
		assertThat(forged.statusCode()).isEqualTo(403);
	}

	@Test
	void anAnswerThatIsNotAnOptionIsShownBackWithAnErrorAndNothingStored() {
		long before = this.surveys.responseCount(this.open.id());
		HttpResponse<String> sent = answer(new PageSession(this.port), this.open.publicPath(),
				Map.of("answer-FAIR", "SOMETIMES"));
		assertThat(sent.statusCode()).isEqualTo(200);
		assertThat(sent.body()).contains("There is a problem");
		assertThat(this.surveys.responseCount(this.open.id())).isEqualTo(before);
	}

	@Test
	void aSecondSubmissionWithTheSameInvitationIsRefused() {
		String token = this.surveys.invite(this.invited.id(), 1).get(0);
		String path = this.invited.publicPath() + "?invitation=" + token;
		HttpResponse<String> first = answer(new PageSession(this.port), path, Map.of("answer-FAIR", "AGREE"));
		assertThat(first.statusCode()).isEqualTo(302);
		HttpResponse<String> second = answer(new PageSession(this.port), path, Map.of("answer-FAIR", "DISAGREE"));
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).contains("already been used");
		assertThat(this.surveys.responseCount(this.invited.id())).isEqualTo(1);
		HttpResponse<String> none = answer(new PageSession(this.port), this.invited.publicPath() + "?invitation=",
				Map.of("answer-FAIR", "AGREE"));
		assertThat(none.body()).contains("already been used, or is not for this survey");
	}

	@Test
	void anAnonymousResponseStoresNoNameCrnOrAddress() {
		List<String> responseColumns = columns("survey_response");
		assertThat(responseColumns).containsExactlyInAnyOrder("response_id", "questionnaire_code",
				"questionnaire_version", "unit_code", "answered_on", "channel", "round_id", "response_ref");
		assertThat(columns("survey_answer")).containsExactlyInAnyOrder("response_id", "question_code", "answer");
		// an invitation is only marked used: it names no response
		assertThat(columns("survey_invitation")).containsExactlyInAnyOrder("token", "round_id", "used");
		for (String table : List.of("survey_response", "survey_answer", "survey_invitation")) {
			assertThat(columns(table)).noneMatch((c) -> c.contains("name") || c.contains("crn") || c.contains("ip")
					|| c.contains("address") || c.contains("staff") || c.endsWith("_at"));
		}
	}

	private List<String> columns(String table) {
		return this.jdbc.sql("select column_name from information_schema.columns where table_name = :t")
			.param("t", table)
			.query(String.class)
			.list();
	}

}
