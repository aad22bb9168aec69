package org.probity.audits;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.shared.UnitCode;
import org.probity.shared.web.PageSession;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two people changing one record at the same time (issue 10, point 9): the second is
 * refused with a conflict message and what they entered is shown back, never silently
 * lost. Alerts and templates, each with two signed-in sessions.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentEditTests {

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseAudits audits;

	@Autowired
	AuditAlerts alerts;

	@Autowired
	AuditTemplates templates;

	@Autowired
	UserDetailsService users;

	CaseData.TwoTeams data;

	@BeforeAll
	void caseData(@Autowired Accounts accounts) {
		this.data = new CaseData(this.jdbc).aProviderWithTwoTeams("CCE", 'U', 700);
		accounts.createOrReset("cce-quality", "cce-quality", Role.QUALITY_TEAM, null, null, "a-password-for-tests");
		accounts.createOrReset("cce-manager-a", "cce-manager-a", Role.LINE_MANAGER, null,
				new UnitCode(this.data.team(1)), "a-password-for-tests");
		accounts.createOrReset("cce-manager-b", "cce-manager-b", Role.LINE_MANAGER, null,
				new UnitCode(this.data.team(1)), "a-password-for-tests");
	}

	private CaseAudits.Audit auditWithAlert() {
		List<CaseAudits.AnswerInput> answers = new ArrayList<>();
		for (String s : List.of("2.1", "2.2", "2.3", "2.4")) {
			for (int q = 1; q <= 3; q++) {
				answers.add(new CaseAudits.AnswerInput(s + "." + q, Answer.YES, ""));
			}
		}
		String crn = this.data.aCommunityOrderHeldBy(1, false);
		return this.audits.recordCompleted("CASE_SUPERVISION", "E" + crn, null,
				new CaseAudits.AuditInput(0, answers, List.of(), true, "Risk of harm not reviewed", ""),
				(CurrentUser) this.users.loadUserByUsername("cce-quality"));
	}

	private String actionTaken(long auditId) {
		return this.jdbc.sql("select action_taken from audit_alert where audit_id = :id")
			.param("id", auditId)
			.query(String.class)
			.single();
	}

	@Test
	void aSecondLineManagerRecordingFromAStalePageIsToldAndTheirNoteShownBack() throws Exception {
		long id = auditWithAlert().auditId();
		PageSession a = new PageSession(this.port).signedIn("cce-manager-a", "a-password-for-tests");
		PageSession b = new PageSession(this.port).signedIn("cce-manager-b", "a-password-for-tests");
		String pageA = a.get("/audits/alerts").body();
		String pageB = b.get("/audits/alerts").body();
		assertThat(version(pageB, id)).isEqualTo("0");

		HttpResponse<String> first = a.post("/audits/alerts/" + id, PageSession.csrf(pageA),
				Map.of("actionTaken", "Spoke to the practitioner; risk review booked", "version", version(pageA, id)));
		HttpResponse<String> second = b.post("/audits/alerts/" + id, PageSession.csrf(pageB),
				Map.of("actionTaken", "Escalated to the SPO", "version", version(pageB, id)));

		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(a.get("/audits/alerts").body()).contains("What was done has been recorded.");
		assertThat(second.statusCode()).isEqualTo(302);
		String after = b.get("/audits/alerts").body();
		assertThat(after)
			.contains("<title>Error: Audit alerts", "There is a problem",
					"What was done was already recorded by cce-manager-a", "your note was not saved",
					"What you entered, not saved", "Escalated to the SPO")
			.doesNotContain("What was done has been recorded.");
		assertThat(actionTaken(id)).isEqualTo("Spoke to the practitioner; risk review booked");
	}

	@Test
	void twoLineManagersRecordingAtTheSameMomentGetOneSuccessAndOneConflict() throws Exception {
		long id = auditWithAlert().auditId();
		PageSession a = new PageSession(this.port).signedIn("cce-manager-a", "a-password-for-tests");
		PageSession b = new PageSession(this.port).signedIn("cce-manager-b", "a-password-for-tests");
		String pageA = a.get("/audits/alerts").body();
		String pageB = b.get("/audits/alerts").body();
		CountDownLatch start = new CountDownLatch(1);
		CompletableFuture<HttpResponse<String>> postA = CompletableFuture
			.supplyAsync(() -> post(start, a, id, pageA, "Note of A"));
		CompletableFuture<HttpResponse<String>> postB = CompletableFuture
			.supplyAsync(() -> post(start, b, id, pageB, "Note of B"));
		start.countDown();
		postA.get();
		postB.get();

		String after = actionTaken(id);
		assertThat(after).isIn("Note of A", "Note of B");
		PageSession loser = after.equals("Note of A") ? b : a;
		PageSession winner = (loser == a) ? b : a;
		assertThat(loser.get("/audits/alerts").body()).contains("What was done was already recorded by",
				after.equals("Note of A") ? "Note of B" : "Note of A");
		assertThat(winner.get("/audits/alerts").body()).contains("What was done has been recorded.");
	}

	@Test
	void theServiceRefusesAStaleVersion() {
		long id = auditWithAlert().auditId();
		CurrentUser a = (CurrentUser) this.users.loadUserByUsername("cce-manager-a");
		CurrentUser b = (CurrentUser) this.users.loadUserByUsername("cce-manager-b");
		this.alerts.acknowledge(id, "First", 0, a);

		assertThatExceptionOfType(AuditChanged.class).isThrownBy(() -> this.alerts.acknowledge(id, "Second", 0, b))
			.withMessageContaining("already recorded by cce-manager-a");
		assertThat(actionTaken(id)).isEqualTo("First");
		assertThat(this.alerts.find(id).orElseThrow().version()).isEqualTo(1);
	}

	@Test
	void ofTwoEditorsSavingATemplateFromTheSameVersionTheSecondIsRefusedWithTheirTextShownBack() throws Exception {
		AuditTemplates.Template source = this.templates.current("CASE_SUPERVISION").orElseThrow();
		int first = this.templates.saveNewVersion(new TemplateDefinition("CCE_COPY", source.name(), source.type(),
				source.frameworkVersion(), source.description(),
				source.standards()
					.stream()
					.map((st) -> new TemplateDefinition.StandardDefinition(st.code(), st.title(),
							st.keyQuestions()
								.stream()
								.map((q) -> new TemplateDefinition.KeyQuestionDefinition(q.code(), q.text(),
										q.prompts()
											.stream()
											.map((p) -> new TemplateDefinition.PromptDefinition(p.code(), p.text()))
											.toList()))
								.toList()))
					.toList()),
				"test");
		PageSession a = new PageSession(this.port).signedIn("cce-quality", "a-password-for-tests");
		PageSession b = new PageSession(this.port).signedIn("admin", "test-admin-password");
		String formA = a.get("/audits/templates/CCE_COPY/edit").body();
		String formB = b.get("/audits/templates/CCE_COPY/edit").body();
		assertThat(formA).contains("name=\"version\" value=\"" + first + "\"");

		HttpResponse<String> savedA = a.post("/audits/templates/CCE_COPY", PageSession.csrf(formA),
				Map.of("version", String.valueOf(first), "question-2.1.1", "Text of A"));
		HttpResponse<String> savedB = b.post("/audits/templates/CCE_COPY", PageSession.csrf(formB),
				Map.of("version", String.valueOf(first), "question-2.1.1", "Text of B"));

		assertThat(savedA.statusCode()).isEqualTo(302);
		assertThat(savedB.statusCode()).isEqualTo(409);
		assertThat(savedB.body()).contains("<title>Error: Change", "Someone else saved version " + (first + 1),
				"your changes were not saved", "value=\"Text of B\"");
		AuditTemplates.Template now = this.templates.current("CCE_COPY").orElseThrow();
		assertThat(now.currentVersion()).isEqualTo(first + 1);
		assertThat(now.keyQuestions()).filteredOn((q) -> q.code().equals("2.1.1"))
			.extracting(AuditTemplates.KeyQuestion::text)
			.containsExactly("Text of A");
	}

	@Test
	void theApiRefusesATemplateSavedFromAStaleVersionWith409() throws Exception {
		String json = """
				{"code":"CCE_API","name":"Conflict test","type":"CASE","framework_version":"HMIP-2018",
				 "standards":[{"code":"9.1","title":"Test","key_questions":[{"code":"9.1.1","text":"%s",
				   "prompts":[{"code":"9.1.1.a","text":"A prompt"}]}]}]}
				""";
		assertThat(saveTemplateByApi(json.formatted("First"), null).statusCode()).isEqualTo(201);
		HttpResponse<String> second = saveTemplateByApi(json.formatted("Second"), "\"1\"");
		HttpResponse<String> stale = saveTemplateByApi(json.formatted("Stale"), "1");

		assertThat(second.statusCode()).isEqualTo(201);
		assertThat(second.body()).contains("\"version\":2");
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("Someone else saved version 2");
		assertThat(this.templates.current("CCE_API").orElseThrow().keyQuestions().get(0).text()).isEqualTo("Second");
		assertThat(saveTemplateByApi(json.formatted("Bad"), "two").statusCode()).isIn(400, 422);
	}

	private HttpResponse<String> saveTemplateByApi(String json, String ifMatch) throws Exception {
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/api/v1/audits/templates"))
			.header("Authorization",
					"Basic " + java.util.Base64.getEncoder()
						.encodeToString("admin:test-admin-password".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(json));
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> post(CountDownLatch start, PageSession session, long id, String page,
			String note) {
		try {
			start.await();
			return session.post("/audits/alerts/" + id, PageSession.csrf(page),
					Map.of("actionTaken", note, "version", version(page, id)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The version in the alert's form on the alerts page. */
	private static String version(String page, long auditId) {
		int card = page.indexOf("id=\"alert-" + auditId + "\"");
		assertThat(card).as("the alert's card").isPositive();
		Matcher m = VERSION.matcher(page.substring(card));
		assertThat(m.find()).as("a version in the alert's form").isTrue();
		return m.group(1);
	}

}
