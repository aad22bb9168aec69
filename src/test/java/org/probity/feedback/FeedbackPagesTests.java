package org.probity.feedback;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.shared.web.PageSession;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The quality team's feedback pages over real HTTP, with their forms and exports. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackPagesTests {

	static final String PASSWORD = "fg-password-long-enough";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Questionnaires questionnaires;

	@Autowired
	Complaints complaints;

	PageSession quality;

	@BeforeAll
	void signIn() {
		CaseData caseData = new CaseData(this.jdbc);
		caseData.aProvider("FGP").named("FG provider").insert();
		caseData.aTeam("FGT").named("FG team").under("FGP").insert();
		this.accounts.createOrReset("fg-quality", "FG Quality", Role.QUALITY_TEAM, null, null, PASSWORD);
		this.quality = new PageSession(this.port).signedIn("fg-quality", PASSWORD);
	}

	private HttpResponse<String> post(String formPage, String path, Map<String, String> fields) {
		Map<String, String> form = new HashMap<>(fields);
		form.put("_csrf", this.quality.csrfToken(formPage));
		return this.quality.postForm(path, form);
	}

	@Test
	void thePagesOpen() {
		for (String path : new String[] { "/feedback", "/feedback/surveys", "/feedback/meetings",
				"/feedback/complaints", "/feedback/surveys/POP_SURVEY/results?period=2024&unit=FGP",
				"/feedback/surveys/STAFF_ENGAGEMENT/results", "/feedback/surveys/POP_SURVEY/text?period=2024",
				"/feedback/questionnaires/edit", "/feedback/questionnaires/edit?code=POP_SURVEY" }) {
			assertThat(this.quality.get(path).statusCode()).as(path).isEqualTo(200);
		}
		assertThat(this.quality.get("/feedback/surveys/NOPE/results").statusCode()).isEqualTo(404);
		assertThat(this.quality.get("/feedback/surveys/POP_SURVEY/results?period=soon").statusCode()).isEqualTo(400);
	}

	@Test
	void aQuestionnaireChangeIsCheckedThenPublishedAsTheNextVersion() {
		Map<String, String> draft = Map.of("code", "FG_SURVEY", "title", "FG survey", "audience", "STAKEHOLDER",
				"lines", "WORK | AGREEMENT | We work well together\nWHY | TEXT | Why?");
		HttpResponse<String> check = post("/feedback/questionnaires/edit", "/feedback/questionnaires/check", draft);
		assertThat(check.body()).contains("Check your answers").contains("We work well together");
		assertThat(this.questionnaires.latest("FG_SURVEY")).isEmpty();
		HttpResponse<String> bad = post("/feedback/questionnaires/edit", "/feedback/questionnaires/check",
				Map.of("code", "FG_SURVEY", "title", "", "audience", "STAKEHOLDER", "lines", "X | SOMETIMES | Q"));
		assertThat(bad.body()).contains("There is a problem").contains("Enter a title");
		assertThat(post("/feedback/questionnaires/edit", "/feedback/questionnaires", draft).statusCode())
			.isEqualTo(302);
		Map<String, String> changed = new HashMap<>(draft);
		changed.put("lines", "WORK | AGREEMENT | We work well together\nSHARE | YES_NO | You share information");
		assertThat(post("/feedback/questionnaires/edit", "/feedback/questionnaires", changed).statusCode())
			.isEqualTo(302);
		assertThat(this.questionnaires.latest("FG_SURVEY").orElseThrow().version()).isEqualTo(2);
		assertThat(this.questionnaires.find("FG_SURVEY", 1).orElseThrow().question("WHY")).isPresent();
		assertThat(this.questionnaires.find("FG_SURVEY", 2).orElseThrow().question("WHY")).isEmpty();
	}

	@Test
	void aRoundHasAPublicLinkAQrCodeAndTakesPaperAnswers() {
		LocalDate today = LocalDate.now();
		HttpResponse<String> opened = post("/feedback/surveys", "/feedback/surveys/rounds",
				Map.of("questionnaire", "POP_SURVEY", "unit", "FGT", "title", "FG round", "opens",
						today.minusDays(1).toString(), "closes", today.plusDays(20).toString()));
		assertThat(opened.statusCode()).isEqualTo(302);
		String roundPath = opened.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		HttpResponse<String> round = this.quality.get(roundPath);
		assertThat(round.body()).contains("/survey/").contains("qr.svg");
		HttpResponse<String> qr = this.quality.get(roundPath + "/qr.svg");
		assertThat(qr.statusCode()).isEqualTo(200);
		assertThat(qr.body()).contains("<svg").contains("<path d=\"M");
		HttpResponse<String> entered = post(roundPath + "/enter", roundPath + "/enter",
				Map.of("channel", "INTERVIEW", "answer-FAIR", "AGREE", "answer-OVERALL", "GOOD"));
		assertThat(entered.body()).contains("The answers were saved");
		long roundId = Long.parseLong(roundPath.substring(roundPath.lastIndexOf('/') + 1));
		assertThat(this.jdbc.sql("select channel from survey_response where round_id = :r")
			.param("r", roundId)
			.query(String.class)
			.list()).containsExactly("INTERVIEW");
		HttpResponse<String> raised = post(roundPath, roundPath + "/actions",
				Map.of("description", "Explain the complaints process at induction", "plan", "SERVICE_IMPROVEMENT",
						"target_date", today.plusMonths(2).toString()));
		assertThat(raised.statusCode()).isEqualTo(302);
		post(roundPath, roundPath + "/actions", Map.of("description", "Explain the complaints process at induction",
				"plan", "SERVICE_IMPROVEMENT", "target_date", today.plusMonths(2).toString()));
		assertThat(this.jdbc.sql("select count(*) from feedback_action where source_kind = 'ROUND' and source_id = :r")
			.param("r", roundId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aComplaintIsLoggedAndAStepCheckedBeforeItIsRecorded() {
		HttpResponse<String> logged = post("/feedback/complaints/new", "/feedback/complaints",
				Map.of("received_on", "2024-03-28", "channel", "LETTER", "complainant", "VICTIM", "unit_code", "FGT",
						"summary", "Not told about the release", "categories", "COMMUNICATION"));
		assertThat(logged.statusCode()).isEqualTo(302);
		String path = logged.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		assertThat(this.quality.get(path).body()).contains("8 April 2024").contains("Open");
		Map<String, String> step = Map.of("kind", "ACKNOWLEDGED", "on", "2024-04-05", "version", "0");
		HttpResponse<String> check = post(path, path + "/steps", step);
		assertThat(check.body()).contains("Check your answers").contains("5 April 2024");
		Map<String, String> confirmed = new HashMap<>(step);
		confirmed.put("confirm", "yes");
		assertThat(post(path, path + "/steps", confirmed).statusCode()).isEqualTo(302);
		assertThat(this.quality.get(path).body()).contains("On time");
		HttpResponse<String> stale = post(path, path + "/steps", confirmed);
		assertThat(stale.body()).contains("Someone else recorded a step");
		HttpResponse<String> invalid = post("/feedback/complaints/new", "/feedback/complaints",
				Map.of("received_on", "28/03/2024", "unit_code", "FGT"));
		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.body()).contains("There is a problem");
	}

	@Test
	void theQuarterlyReportIsAPdfAndTheHomePageShowsComplaintsWaiting() {
		HttpResponse<String> pdf = this.quality.get("/feedback/report.pdf?quarter=2024-Q2");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
		assertThat(pdf.body()).startsWith("%PDF");
		assertThat(this.quality.get("/feedback/report.pdf?quarter=whenever").statusCode()).isEqualTo(400);
		this.complaints.log(new NewComplaint(LocalDate.of(2024, 1, 2), "EMAIL", "PUBLIC", "FGT", null, null,
				"Never answered", java.util.List.of()), "fg-quality");
		assertThat(this.quality.get("/").body()).contains("complaints-waiting").contains("overdue");
		assertThat(ComplaintPages.lastFullQuarter(LocalDate.of(2026, 12, 1)).code()).isEqualTo("2026-Q3");
		assertThat(ComplaintPages.lastFullQuarter(LocalDate.of(2027, 2, 1)).code()).isEqualTo("2026-Q4");
	}

	@Test
	void tablesExportAsCsvAndXlsx() {
		HttpResponse<String> csv = this.quality.get("/feedback/complaints?format=csv&from=2024-01-01&to=2024-12-31");
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(csv.body()).startsWith("complaint_id,received_on");
		HttpResponse<String> timeliness = this.quality
			.get("/feedback/complaints?format=csv&table=timeliness&from=2024-01-01&to=2024-12-31");
		assertThat(timeliness.body()).startsWith("unit,month,received");
		HttpResponse<String> xlsx = this.quality.get("/feedback/surveys/POP_SURVEY/results?period=2024&format=xlsx");
		assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
	}

	@Test
	void aMeetingIsRecordedWithThemesAndRaisesAnActionOnce() {
		HttpResponse<String> recorded = post("/feedback/meetings", "/feedback/meetings",
				Map.of("held_on", "2024-05-14", "unit", "FGT", "kind", "SERVICE_USER_COUNCIL", "title", "FG council",
						"attendance", "9", "themes", "WAITING"));
		assertThat(recorded.statusCode()).isEqualTo(302);
		String path = recorded.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		assertThat(this.quality.get(path).body()).contains("FG council").contains("Waiting times");
		Map<String, String> action = Map.of("description", "Shorter waits in reception", "plan", "SERVICE_IMPROVEMENT",
				"target_date", "2024-08-01");
		assertThat(post(path, path + "/actions", action).statusCode()).isEqualTo(302);
		assertThat(post(path, path + "/actions", action).statusCode()).isEqualTo(302);
		assertThat(this.quality.get(path).body()).contains("Shorter waits in reception");
		long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
		assertThat(
				this.jdbc.sql("select count(*) from feedback_action where source_kind = 'MEETING' and source_id = :id")
					.param("id", id)
					.query(Long.class)
					.single())
			.isEqualTo(1);
	}

}
