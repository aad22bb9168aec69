package org.probity.subjectaccess;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.CaseAccessLog;
import org.probity.accounts.Role;
import org.probity.shared.Crn;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.shared.web.PageSession;
import org.probity.testing.CaseData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subject access request over real HTTP for a hand-built restricted case and its
 * practitioner: every module's records come back (JSON and a tagged PDF), only the
 * SUBJECT_ACCESS role may ask, and the request is in the access log.
 */
@IntegrationTest
class SubjectAccessTests {

	private static final String CRN = "Q913001";

	private static final String STAFF = "Q91S001";

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	CaseAccessLog log;

	@BeforeEach
	void aRestrictedCaseWithRecordsInEveryModule() {
		CaseData cases = new CaseData(this.jdbc);
		cases.aProvider("Q91P").named("Q91 provider").insert();
		cases.aRegion("Q91R").named("Q91 region").under("Q91P").insert();
		cases.anLdu("Q91L").named("Q91 LDU").under("Q91R").insert();
		cases.aTeam("Q91T").named("Q91 team").under("Q91L").insert();
		cases.aStaffMember(STAFF).named("Morwenna", "Trelawny").inTeam("Q91T").insert();
		cases.aPerson(CRN).named("Zebedee", "Quillfeather").bornOn(LocalDate.of(1990, 4, 2)).restricted().insert();
		cases.aCommunityOrder("Q91E1")
			.forPerson(CRN)
			.sentencedOn(LocalDate.of(2025, 3, 3))
			.heldBy(STAFF)
			.inTeam("Q91T")
			.insert();
		cases.aContact("Q91C1")
			.of(CRN, "Q91E1")
			.by(STAFF)
			.ofType("SUPERVISION")
			.at(LocalDateTime.of(2025, 3, 10, 10, 0))
			.insert();
		this.accounts.createOrReset("q91-dpo", "Data protection officer", Role.SUBJECT_ACCESS, null, null,
				"q91-password-0");
		this.accounts.createOrReset("q91-worker", "Morwenna Trelawny", Role.PRACTITIONER, new StaffCode(STAFF),
				new UnitCode("Q91T"), "q91-password-1");
		int n = 2;
		for (Role role : Role.values()) {
			if (role != Role.SUBJECT_ACCESS) {
				this.accounts.createOrReset("q91-" + role.name().toLowerCase(), "Q91 " + role, role,
						(role == Role.PRACTITIONER) ? new StaffCode(STAFF) : null,
						(role == Role.LINE_MANAGER || role == Role.SENIOR_MANAGER) ? new UnitCode("Q91T") : null,
						"q91-password-" + n++);
			}
		}
		this.jdbc
			.sql("delete from case_audit_answer where audit_id in (select audit_id from case_audit where crn = :crn)")
			.param("crn", CRN)
			.update();
		this.jdbc.sql("delete from case_audit where crn = :crn").param("crn", CRN).update();
		long auditId = this.jdbc.sql("""
				insert into case_audit (template_code, template_version, event_id, crn, team_code, staff_code, auditor,
				    status, due_date, summary, completed_at, completed_by, updated_by)
				values ('CASE_SUPERVISION', 1, 'Q91E1', :crn, 'Q91T', :staff, 'q91-worker', 'COMPLETED',
				    date '2025-05-01', 'Thorough assessment', now(), 'q91-worker', 'q91-worker')
				returning audit_id
				""").param("crn", CRN).param("staff", STAFF).query(Long.class).single();
		this.jdbc.sql("""
				insert into case_audit_answer (audit_id, key_question_code, answer, comment)
				select :id, key_question_code, 'NO', 'Risk of harm not reviewed after the move'
				from audit_key_question where template_code = 'CASE_SUPERVISION' and version = 1 limit 1
				""").param("id", auditId).update();
		this.jdbc.sql("delete from measure_case where crn = :crn").param("crn", CRN).update();
		this.jdbc.sql("""
				insert into measure_case (measure_code, month, event_id, subject_id, crn, team_code, staff_code,
				    numerator, denominator, reason)
				values ('SL001R', date '2025-03-01', 'Q91E1', 'Q91E1', :crn, 'Q91T', :staff, 1, 1,
				    'First appointment within 5 business days')
				""").param("crn", CRN).param("staff", STAFF).update();
		this.jdbc.sql(
				"delete from improvement_action where plan_id in (select plan_id from improvement_plan where title = 'Q91 plan')")
			.update();
		this.jdbc.sql("delete from improvement_plan where title = 'Q91 plan'").update();
		long planId = this.jdbc.sql("""
				insert into improvement_plan (kind, title, unit_code, owner, created_by)
				values ('SITE_DEVELOPMENT', 'Q91 plan', 'Q91T', 'q91-quality_team', 'test') returning plan_id
				""").query(Long.class).single();
		this.jdbc.sql("""
				insert into improvement_action (plan_id, action_no, description, owner_role, owner_staff, target_date,
				    source_kind, unit_code, created_at, created_on, created_by)
				values (:plan, 1, 'Review the risk of harm on CRN Q913001', 'PRACTITIONER', :staff, date '2025-06-01',
				    'MANUAL', 'Q91T', now(), current_date, 'test')
				""").param("plan", planId).param("staff", STAFF).update();
		this.jdbc.sql("delete from complaint where crn = :crn").param("crn", CRN).update();
		this.jdbc
			.sql("""
					insert into complaint (received_on, channel, complainant, unit_code, staff_code, crn, summary, logged_by)
					values (date '2025-04-01', 'EMAIL', 'PERSON_ON_PROBATION', 'Q91T', :staff, :crn,
					    'Appointment moved without notice', 'test')
					""")
			.param("crn", CRN)
			.param("staff", STAFF)
			.update();
		this.jdbc.sql("""
				insert into staff_rating (staff_code, quarter, rag, note, rated_by, rated_at)
				values (:staff, '2025-Q1', 'AMBER', 'Two late sentence plans', 'q91-line_manager', now())
				on conflict do nothing
				""").param("staff", STAFF).update();
		this.log.record("q91-quality_team", new Crn(CRN), CaseAccessLog.Outcome.OPENED);
	}

	@Test
	void theCaseDisclosureHoldsEachModulesRecordsAndTheRequestIsLoggedAsARestrictedCase() throws Exception {
		long before = loggedRequests(CRN);

		HttpResponse<String> response = get("/api/v1/subject-access/case/" + CRN, "q91-dpo", "q91-password-0");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode d = JSON.readTree(response.body());
		assertThat(d.path("reference").asString()).isEqualTo(CRN);
		assertThat(d.path("restricted").asBoolean()).isTrue();
		assertThat(rows(d, "person")).singleElement()
			.satisfies((p) -> assertThat(p.path("surname").asString()).isEqualTo("Quillfeather"));
		assertThat(rows(d, "person").get(0).path("date_of_birth").asString()).isEqualTo("1990-04-02");
		assertThat(rows(d, "events")).extracting((r) -> r.path("event_id").asString()).containsExactly("Q91E1");
		assertThat(rows(d, "contacts")).extracting((r) -> r.path("contact_id").asString()).containsExactly("Q91C1");
		assertThat(rows(d, "audits")).extracting((r) -> r.path("summary").asString())
			.containsExactly("Thorough assessment");
		assertThat(rows(d, "audit_answers")).extracting((r) -> r.path("comment").asString())
			.containsExactly("Risk of harm not reviewed after the move");
		assertThat(rows(d, "measure_rows")).extracting((r) -> r.path("reason").asString())
			.containsExactly("First appointment within 5 business days");
		assertThat(rows(d, "actions")).extracting((r) -> r.path("description").asString())
			.containsExactly("Review the risk of harm on CRN Q913001");
		assertThat(rows(d, "complaints")).extracting((r) -> r.path("summary").asString())
			.containsExactly("Appointment moved without notice");
		assertThat(rows(d, "access_log")).anySatisfy((r) -> {
			assertThat(r.path("username").asString()).isEqualTo("q91-quality_team");
			assertThat(r.path("outcome").asString()).isEqualTo("OPENED");
		});
		// the request itself, logged before the log was read, and as a restricted case
		assertThat(loggedRequests(CRN)).isEqualTo(before + 1);
		assertThat(this.jdbc.sql("""
				select shown from case_access_log where crn = :crn and outcome = 'SUBJECT_ACCESS'
				order by id desc limit 1""").param("crn", CRN).query(String.class).single())
			.isEqualTo("Subject access request (API, JSON), restricted case");
	}

	@Test
	void thePdfIsTaggedAndReadable() throws Exception {
		HttpResponse<byte[]> response = http().getBytes("/api/v1/subject-access/case/" + CRN + "?format=pdf", "q91-dpo",
				"q91-password-0");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
		try (PDDocument pdf = Loader.loadPDF(response.body())) {
			assertThat(pdf.getDocumentCatalog().getMarkInfo()).isNotNull();
			assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
			assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
			// table cells wrap their text over lines
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains("Everything Probity holds about CRN " + CRN, "Quillfeather",
					"Risk of harm not reviewed after the move", "First appointment within 5 business days",
					"Appointment moved without notice");
		}
	}

	@Test
	void theStaffDisclosureHoldsTheirRatingsAuditsTheyDidAndTheirSignIns() throws Exception {
		new PageSession(this.port).signedIn("q91-worker", "q91-password-1");

		HttpResponse<String> response = get("/api/v1/subject-access/staff/" + STAFF, "q91-dpo", "q91-password-0");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode d = JSON.readTree(response.body());
		assertThat(rows(d, "staff")).singleElement()
			.satisfies((s) -> assertThat(s.path("surname").asString()).isEqualTo("Trelawny"));
		assertThat(rows(d, "ratings")).extracting((r) -> r.path("note").asString()).contains("Two late sentence plans");
		assertThat(rows(d, "audits_done")).extracting((r) -> r.path("summary").asString())
			.contains("Thorough assessment");
		assertThat(rows(d, "sign_ins"))
			.anySatisfy((r) -> assertThat(r.path("username").asString()).isEqualTo("q91-worker"));
		assertThat(rows(d, "complaints")).isNotEmpty();
		assertThat(this.jdbc.sql("""
				select count(*) from case_access_log where staff_code = :s and outcome = 'SUBJECT_ACCESS'
				""").param("s", STAFF).query(Long.class).single()).isPositive();
	}

	@Test
	void everyOtherRoleIsRefused() throws Exception {
		int n = 2;
		for (Role role : Role.values()) {
			if (role == Role.SUBJECT_ACCESS) {
				continue;
			}
			String user = "q91-" + role.name().toLowerCase();
			String password = "q91-password-" + n++;
			assertThat(get("/api/v1/subject-access/case/" + CRN, user, password).statusCode()).as(role.name())
				.isEqualTo(403);
			assertThat(get("/api/v1/subject-access/staff/" + STAFF, user, password).statusCode()).as(role.name())
				.isEqualTo(403);
			if (role != Role.METRICS) {
				PageSession page = new PageSession(this.port).signedIn(user, password);
				assertThat(page.get("/subject-access").statusCode()).as(role.name()).isEqualTo(403);
				assertThat(page.get("/subject-access/case/" + CRN).statusCode()).as(role.name()).isEqualTo(403);
			}
		}
		assertThat(get("/api/v1/subject-access/case/" + CRN, null, null).statusCode()).isEqualTo(401);
	}

	@Test
	void theSubjectAccessAccountSeesNothingElse() throws Exception {
		assertThat(get("/api/v1/measures", "q91-dpo", "q91-password-0").statusCode()).isEqualTo(403);
		PageSession page = new PageSession(this.port).signedIn("q91-dpo", "q91-password-0");
		assertThat(page.get("/cases/" + CRN).statusCode()).isEqualTo(403);
		assertThat(page.get("/").statusCode()).isEqualTo(200);
	}

	@Test
	void theJourneyChecksThenDownloads() throws Exception {
		PageSession page = new PageSession(this.port).signedIn("q91-dpo", "q91-password-0");
		assertThat(page.get("/subject-access").body()).contains("Who is the request about?");

		HttpResponse<String> wrong = page.get("/subject-access/check?kind=CASE&reference=nonsense");
		assertThat(wrong.body()).contains("Error: Subject access request", "Enter a CRN");

		HttpResponse<String> check = page.get("/subject-access/check?kind=CASE&reference=" + CRN.toLowerCase());
		assertThat(check.statusCode()).isEqualTo(200);
		assertThat(check.body()).contains("Check what is held", "Restricted case", "Case audit answers and comments",
				"/subject-access/case/" + CRN + "?format=pdf");
		assertThat(check.body()).doesNotContain("Quillfeather");
		HttpResponse<String> json = page.get("/subject-access/case/" + CRN + "?format=json");
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.body()).contains("Quillfeather");
	}

	@Test
	void anUnknownCrnOrStaffCodeIsA404WithAMessageAndABadOneA400() throws Exception {
		HttpResponse<String> unknown = get("/api/v1/subject-access/case/Q999999", "q91-dpo", "q91-password-0");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(unknown.body()).path("message").asString())
			.isEqualTo("Probity holds no case data about CRN Q999999");
		assertThat(get("/api/v1/subject-access/staff/Q99S999", "q91-dpo", "q91-password-0").statusCode())
			.isEqualTo(404);
		HttpResponse<String> bad = get("/api/v1/subject-access/case/123", "q91-dpo", "q91-password-0");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("A CRN is a capital letter and six digits");
		assertThat(get("/api/v1/subject-access/case/" + CRN + "?format=doc", "q91-dpo", "q91-password-0").statusCode())
			.isEqualTo(400);
		PageSession page = new PageSession(this.port).signedIn("q91-dpo", "q91-password-0");
		HttpResponse<String> page404 = page.get("/subject-access/check?kind=CASE&reference=Q999999");
		assertThat(page404.statusCode()).isEqualTo(404);
		assertThat(page404.body()).contains("Probity holds no case data about CRN Q999999");
	}

	private long loggedRequests(String crn) {
		return this.jdbc.sql("select count(*) from case_access_log where crn = :crn and outcome = 'SUBJECT_ACCESS'")
			.param("crn", crn)
			.query(Long.class)
			.single();
	}

	private static List<JsonNode> rows(JsonNode disclosure, String key) {
		return SubjectAccessHttp.rows(disclosure, key);
	}

	private HttpResponse<String> get(String path, String user, String password) throws Exception {
		return http().get(path, user, password);
	}

	private SubjectAccessHttp http() {
		return new SubjectAccessHttp(this.port);
	}

}
