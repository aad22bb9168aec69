package org.probity.audits;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Templates audit the event types they are written for (a case-supervision audit of a
 * custodial sentence is refused, and samples draw no such event); the programme page
 * tells a person's events apart; prompts are asked as questions, answered Yes, No or Not
 * applicable (issue 16, point 7).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditEventsAndPromptsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditProgrammes programmes;

	@Autowired
	AuditTemplates templates;

	CaseData.TwoTeams data;

	String twoEvents;

	String custodyEvent;

	String licenceEvent;

	String restricted;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	void caseData() {
		this.data = new CaseData(this.jdbc).aProviderWithTwoTeams("AEV", 'J', 300);
		this.twoEvents = this.data.aCommunityOrderHeldBy(1, false);
		this.jdbc.sql("update person set forename = 'Robin', surname = 'Twoevents' where crn = :crn")
			.param("crn", this.twoEvents)
			.update();
		this.licenceEvent = this.data.anotherEvent(this.twoEvents, "LICENCE", 1);
		this.custodyEvent = this.data.anotherEvent(this.twoEvents, "CUSTODY", 1);
		this.restricted = this.data.aCommunityOrderHeldBy(3, true);
		this.jdbc.sql("update person set forename = 'Hidden', surname = 'Restrictedname' where crn = :crn")
			.param("crn", this.restricted)
			.update();
		this.accounts.createOrReset("aev-quality", "aev-quality", Role.QUALITY_TEAM, null, null,
				"a-password-for-tests");
	}

	private long programme(String name, String template, int size) {
		return this.programmes
			.create(new ProgrammeRequest(name, ProgrammeKind.THEMATIC, template,
					new PopulationFilter(this.data.provider(), List.of(), null, null, null, null, null), size, null,
					null, false, Recurrence.NONE, YearMonth.now(), null, List.of("aev-quality"), 5L), "test")
			.programmeId();
	}

	private HttpResponse<String> api(String method, String path, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void templatesSayWhichEventTypesTheyAudit() {
		AuditTemplates.Template supervision = this.templates.current("CASE_SUPERVISION").orElseThrow();
		assertThat(supervision.eventTypes()).containsExactlyInAnyOrder("COMMUNITY_ORDER", "SUSPENDED_SENTENCE_ORDER",
				"LICENCE", "POST_SENTENCE_SUPERVISION");
		assertThat(supervision.appliesTo("CUSTODY")).isFalse();
		assertThat(this.templates.current("THROUGH_THE_GATE").orElseThrow().appliesTo("CUSTODY")).isTrue();
		assertThat(this.templates.current("UNPAID_WORK").orElseThrow().appliesTo("LICENCE")).isFalse();
		assertThat(this.templates.current("SITE_SELF_ASSESSMENT").orElseThrow().eventTypes()).isEmpty();
	}

	@Test
	void aCaseSupervisionAuditOfACustodialSentenceIsRefusedOverTheApi() throws Exception {
		HttpResponse<String> refused = api("POST", "/api/v1/audits", """
				{"template_code": "CASE_SUPERVISION", "event_id": "%s", "answers": []}
				""".formatted(this.custodyEvent));

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(refused.body()).contains("cannot be audited with this template").contains("not custody events");
		assertThat(this.jdbc.sql("select count(*) from case_audit where event_id = :e and programme_id is null")
			.param("e", this.custodyEvent)
			.query(Integer.class)
			.single()).as("nothing half written").isZero();

		HttpResponse<String> throughTheGate = api("POST", "/api/v1/audits", """
				{"template_code": "THROUGH_THE_GATE", "event_id": "%s",
				 "answers": [{"key_question_code": "4.2.1", "answer": "YES", "comment": ""},
				             {"key_question_code": "4.2.2", "answer": "NO", "comment": ""},
				             {"key_question_code": "4.2.3", "answer": "NOT_APPLICABLE", "comment": ""},
				             {"key_question_code": "4.2.4", "answer": "YES", "comment": ""}]}
				""".formatted(this.custodyEvent));
		assertThat(throughTheGate.statusCode())
			.as("through the gate audits custodial sentences: " + throughTheGate.body())
			.isEqualTo(201);
	}

	@Test
	void aProgrammeOfCustodyEventsWithTheCaseSupervisionTemplateIsRefusedOnThePageAndOverTheApi() throws Exception {
		PageSession quality = new PageSession(this.port).signedIn("aev-quality", "a-password-for-tests");
		Map<String, String> form = new HashMap<>(Map.of("name", "Custody supervision", "kind", "THEMATIC",
				"templateCode", "CASE_SUPERVISION", "unitCode", this.data.provider(), "eventTypes", "CUSTODY", "sizing",
				"SAMPLE", "sampleSize", "2", "recurrence", "NONE", "startMonth", "2036-01"));
		form.put("auditors", "aev-quality");

		HttpResponse<String> page = quality.submit("/audits/programmes/new", "/audits/programmes", form);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("There is a problem").contains("not custody events");
		HttpResponse<String> api = api("POST", "/api/v1/audits/programmes", """
				{"name": "Custody supervision", "kind": "THEMATIC", "template_code": "CASE_SUPERVISION",
				 "population": {"unit_code": "%s", "event_types": ["CUSTODY"]}, "sample_size": 2,
				 "recurrence": "NONE", "start_month": "2036-01", "auditors": ["aev-quality"]}
				""".formatted(this.data.provider()));
		assertThat(api.statusCode()).as(api.body()).isEqualTo(422);
		assertThat(api.body()).contains("not custody events");
		assertThat(this.jdbc.sql("select count(*) from audit_programme where name = 'Custody supervision'")
			.query(Integer.class)
			.single()).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> this.programmes.create(
				new ProgrammeRequest("Custody supervision", ProgrammeKind.THEMATIC, "CASE_SUPERVISION",
						new PopulationFilter(this.data.provider(), List.of("CUSTODY"), null, null, null, null, null), 2,
						null, null, false, Recurrence.NONE, YearMonth.of(2036, 1), null, List.of("aev-quality"), 1L),
				"test"))
			.withMessageContaining("not custody events");
	}

	@Test
	void samplingDrawsOnlyTheEventsTheTemplateAudits() {
		// the whole population: two community orders, a licence and a custodial sentence
		long supervision = programme("Every supervised event", "CASE_SUPERVISION", 3);
		List<String> drawn = this.programmes.audits(supervision)
			.stream()
			.map(AuditProgrammes.PlannedAudit::eventId)
			.toList();
		assertThat(drawn).hasSize(3).doesNotContain(this.custodyEvent).contains(this.licenceEvent);

		long gate = programme("Through the gate", "THROUGH_THE_GATE", 2);
		assertThat(this.programmes.audits(gate)).extracting(AuditProgrammes.PlannedAudit::eventType)
			.containsExactlyInAnyOrder("LICENCE", "CUSTODY");
	}

	@Test
	void theProgrammePageShowsEachAuditsEventAndTheNameOnlyOfCasesTheReaderMayOpen() throws Exception {
		long id = programme("Events told apart", "CASE_SUPERVISION", 3);
		PageSession admin = new PageSession(this.port).signedIn("admin", "test-admin-password");

		String page = admin.get("/audits/programmes/" + id).body();

		assertThat(page).contains("<th scope=\"col\" class=\"govuk-table__header\">Event</th>")
			.contains("Robin Twoevents")
			.contains("Community order</span>, sentenced <span>10 January 2023</span>")
			.contains("Licence</span>, sentenced <span>4 March 2024</span>")
			.contains("Event " + this.licenceEvent)
			.contains("Event E" + this.twoEvents + "<")
			.contains("Team 1 AEV");
		// the administrator may not open the restricted case: no name, no event details
		assertThat(page).contains("Restricted case").doesNotContain("Restrictedname");
		PageSession quality = new PageSession(this.port).signedIn("aev-quality", "a-password-for-tests");
		assertThat(quality.get("/audits/programmes/" + id).body()).as("the quality team may open restricted cases")
			.contains("Hidden Restrictedname");
	}

	@Test
	void promptsAreAskedAsQuestionsAndTheirAnswersAreKeptExactly() throws Exception {
		long programme = programme("Prompts as questions", "CASE_SUPERVISION", 3);
		// a case the administrator may open too, to read the audit over the API
		long auditId = this.programmes.audits(programme)
			.stream()
			.filter((a) -> a.crn().equals(this.twoEvents))
			.findFirst()
			.orElseThrow()
			.auditId();
		PageSession quality = new PageSession(this.port).signedIn("aev-quality", "a-password-for-tests");
		String form = quality.get("/audits/" + auditId).body();
		assertThat(form).doesNotContain("Tick any that were not met")
			.contains("id=\"prompt-2.1.1.a-YES\"")
			.contains("id=\"prompt-2.1.1.a-NO\"")
			.contains("id=\"prompt-2.1.1.a-NOT_APPLICABLE\"")
			.contains("Were the person&#39;s views, strengths and motivation sought and recorded?");

		HttpResponse<String> saved = quality.post("/audits/" + auditId, PageSession.csrf(form),
				Map.of("version", "0", "answer-2.1.1", "NO", "prompt-2.1.1.a", "YES", "prompt-2.1.1.b", "NO",
						"prompt-2.1.1.c", "NOT_APPLICABLE", "action", "save"));

		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(this.jdbc.sql("select prompt_code from case_audit_failed_prompt where audit_id = :id")
			.param("id", auditId)
			.query(String.class)
			.list()).as("a No is a prompt not met, as the ratings and themes read it").containsExactly("2.1.1.b");
		String again = quality.get("/audits/" + auditId).body();
		assertThat(again).containsPattern("id=\"prompt-2.1.1.a-YES\"[^>]*checked")
			.containsPattern("id=\"prompt-2.1.1.b-NO\"[^>]*checked")
			.containsPattern("id=\"prompt-2.1.1.c-NOT_APPLICABLE\"[^>]*checked")
			.doesNotContainPattern("id=\"prompt-2.1.2.a-[A-Z_]+\"[^>]*checked");
		String check = quality.get("/audits/" + auditId + "/check").body();
		assertThat(check)
			.contains("Were diversity factors, disability and any barriers to engagement identified"
					+ " and addressed?</span> <strong>No</strong>")
			.contains("Was the person involved in a meaningful way, in language they understand?</span>"
					+ " <strong>Not applicable</strong>");

		HttpResponse<String> viaApi = api("GET", "/api/v1/audits/" + auditId, "");
		assertThat(viaApi.body()).contains("\"failed_prompts\":[\"2.1.1.b\"]")
			.contains("\"prompt_answers\":{\"2.1.1.a\":\"YES\",\"2.1.1.b\":\"NO\",\"2.1.1.c\":\"NOT_APPLICABLE\"}");
	}

}
