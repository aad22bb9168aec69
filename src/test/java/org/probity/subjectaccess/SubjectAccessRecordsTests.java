package org.probity.subjectaccess;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.testing.CaseData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records that SubjectAccessCoverageTests found no subject access request disclosed,
 * each now disclosed for its subject and not for another: two people on probation and two
 * members of staff, each with an account, and one record of every such kind for each,
 * marked with whose it is. The disclosure is read over HTTP as JSON, and once as the PDF.
 */
@IntegrationTest
class SubjectAccessRecordsTests {

	private static final String CRN = "Q920001";

	private static final String OTHER_CRN = "Q920002";

	private static final String STAFF = "Q92S001";

	private static final String OTHER_STAFF = "Q92S002";

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@BeforeEach
	void twoOfEachSubjectWithARecordOfEveryKind() {
		CaseData cases = new CaseData(this.jdbc);
		cases.aProvider("Q92P").named("Q92 provider").insert();
		cases.aRegion("Q92R").named("Q92 region").under("Q92P").insert();
		cases.anLdu("Q92L").named("Q92 LDU").under("Q92R").insert();
		cases.aTeam("Q92T").named("Q92 team").under("Q92L").insert();
		cases.aStaffMember(STAFF).named("Morag", "Penhallow").inTeam("Q92T").insert();
		cases.aStaffMember(OTHER_STAFF).named("Ifor", "Caradoc").inTeam("Q92T").insert();
		cases.aPerson(CRN).named("Tamsin", "Rosewarne").insert();
		cases.aPerson(OTHER_CRN).named("Gethin", "Pryce").insert();
		cases.aCommunityOrder("Q92E1").forPerson(CRN).heldBy(STAFF).inTeam("Q92T").insert();
		cases.aCommunityOrder("Q92E2").forPerson(OTHER_CRN).heldBy(OTHER_STAFF).inTeam("Q92T").insert();
		this.accounts.createOrReset("q92-dpo", "Q92 data protection officer", Role.SUBJECT_ACCESS, null, null,
				"q92-password-0");
		this.accounts.createOrReset("q92-one", "Morag Penhallow", Role.PRACTITIONER, new StaffCode(STAFF),
				new UnitCode("Q92T"), "q92-one@example.org", "q92-password-1");
		this.accounts.createOrReset("q92-two", "Ifor Caradoc", Role.PRACTITIONER, new StaffCode(OTHER_STAFF),
				new UnitCode("Q92T"), "q92-two@example.org", "q92-password-2");
		clearEarlierRecords();
		for (Subject s : List.of(new Subject("one", CRN, "Q92E1", STAFF, "Morag Penhallow"),
				new Subject("two", OTHER_CRN, "Q92E2", OTHER_STAFF, "Ifor Caradoc"))) {
			recordsOf(s);
		}
	}

	/** One of the two: {@code who} marks each of their records. */
	record Subject(String who, String crn, String event, String staff, String name) {

		String account() {
			return "q92-" + this.who;
		}

		Map<String, Object> params() {
			return Map.of("who", this.who, "crn", this.crn, "event", this.event, "staff", this.staff, "name", this.name,
					"account", account(), "email", account() + "@example.org");
		}

	}

	@Test
	void theCaseDisclosureHoldsItsAuditPromptAnswersSamplesAndComplaintCategoriesAndNotAnotherPersons()
			throws Exception {
		JsonNode d = disclosure("/api/v1/subject-access/case/" + CRN);

		assertThat(rows(d, "audit_prompt_answers")).singleElement().satisfies((r) -> {
			assertThat(r.path("prompt_code").asString()).isEqualTo("2.1.1.a");
			assertThat(r.path("prompt").asString())
				.isEqualTo("Were the person's views, strengths and motivation" + " sought and recorded?");
			assertThat(r.path("answer").asString()).isEqualTo("YES");
		});
		assertThat(rows(d, "audit_failed_prompts")).extracting((r) -> r.path("prompt").asString())
			.containsExactly(
					"Were diversity factors, disability and any barriers to engagement identified and addressed?");
		assertThat(rows(d, "audit_answers")).extracting((r) -> r.path("key_question").asString())
			.containsExactly("Does assessment focus sufficiently on engaging the person on probation?");
		assertThat(rows(d, "audit_samples")).singleElement().satisfies((r) -> {
			assertThat(r.path("programme").asString()).isEqualTo("Q92 programme of one");
			assertThat(r.path("event_id").asString()).isEqualTo("Q92E1");
		});
		assertThat(rows(d, "complaints")).singleElement().satisfies((r) -> {
			assertThat(r.path("summary").asString()).isEqualTo("Complaint of one");
			assertThat(r.path("categories").size()).isEqualTo(1);
			assertThat(r.path("categories").get(0).asString()).isEqualTo("Communication");
		});
		assertThat(d.toString()).doesNotContain(OTHER_CRN, "of two");
	}

	@Test
	void theStaffDisclosureHoldsTheirAccountsHistoryFiguresProgrammesPlansTrainingAndMailingsAndNotAnothers()
			throws Exception {
		JsonNode d = disclosure("/api/v1/subject-access/staff/" + STAFF);

		assertThat(rows(d, "staff")).singleElement()
			.satisfies((r) -> assertThat(r.path("surname").asString()).isEqualTo("Penhallow"));
		assertThat(rows(d, "accounts")).singleElement()
			.satisfies((r) -> assertThat(r.path("signs_in_with").asString()).isEqualTo("PASSWORD"));
		assertThat(rows(d, "account_changes")).extracting((r) -> r.path("new_value").asString())
			.containsExactly("Name of one");
		assertThat(rows(d, "sign_ins")).extracting((r) -> r.path("source").asString()).containsExactly("192.0.2.1");
		assertThat(rows(d, "imports_run")).extracting((r) -> r.path("file_name").asString())
			.containsExactly("contacts of one.csv");
		assertThat(rows(d, "measure_figures")).singleElement().satisfies((r) -> {
			assertThat(r.path("measure").asString()).isEqualTo("Initial contact: community orders and SSOs");
			assertThat(r.path("numerator").asInt()).isEqualTo(1);
		});
		assertThat(rows(d, "measure_flags")).extracting((r) -> r.path("kind").asString())
			.containsExactly("SUSTAINED_SHORTFALL");
		assertThat(rows(d, "audit_alerts")).extracting((r) -> r.path("reason").asString())
			.containsExactly("Alert of one");
		assertThat(rows(d, "audit_samples")).extracting((r) -> r.path("crn").asString()).containsExactly(CRN);
		assertThat(rows(d, "audit_programmes")).extracting((r) -> r.path("name").asString())
			.containsExactly("Q92 programme of one");
		assertThat(rows(d, "audit_programmes_auditing")).extracting((r) -> r.path("programme").asString())
			.containsExactly("Q92 programme of one");
		assertThat(rows(d, "action_reminders")).extracting((r) -> r.path("rag").asString()).containsExactly("AMBER");
		assertThat(rows(d, "plans_owned")).extracting((r) -> r.path("title").asString())
			.containsExactly("Q92 plan of one");
		assertThat(rows(d, "projects")).extracting((r) -> r.path("title").asString())
			.containsExactly("Q92 project of one");
		assertThat(rows(d, "risks_owned")).extracting((r) -> r.path("description").asString())
			.containsExactly("Risk of one");
		assertThat(rows(d, "training")).extracting((r) -> r.path("course").asString()).containsExactly("Course of one");
		assertThat(rows(d, "obligations")).extracting((r) -> r.path("clause").asString())
			.containsExactly("Q92 clause of one");
		assertThat(rows(d, "mailing_lists")).extracting((r) -> r.path("email").asString())
			.containsExactly("q92-one@example.org");
		assertThat(rows(d, "mailing_list_changes")).extracting((r) -> r.path("change").asString())
			.containsExactly("ADDED");
		assertThat(rows(d, "report_mailings")).extracting((r) -> r.path("title").asString())
			.containsExactly("Q92 report of one");
		assertThat(d.toString()).doesNotContain(OTHER_STAFF, "of two", "q92-two");
	}

	@Test
	void whatTheirAccountsDidIsDisclosedAsTheirTrailInEachModule() throws Exception {
		JsonNode d = disclosure("/api/v1/subject-access/staff/" + STAFF);

		assertThat(rows(d, "account_changes_made")).extracting((r) -> r.path("new_value").asString())
			.containsExactly("Made by one");
		assertThat(rows(d, "audits_trail"))
			.extracting((r) -> r.path("record").asString() + ": " + r.path("did").asString())
			.contains("Audit programme: Created", "Audit sample: Drew", "Audit alert: Raised");
		assertThat(rows(d, "improvement_trail")).extracting((r) -> r.path("reference").asString())
			.contains("Q92 plan of one", "Q92 project of one", "Q92 project of one: DEFINE");
		assertThat(rows(d, "feedback_trail")).extracting((r) -> r.path("reference").asString())
			.contains("Q92 meeting of one held on 2025-02-03");
		assertThat(rows(d, "reports_trail")).extracting((r) -> r.path("reference").asString())
			.contains("Q92 report of one (issue 1)", "Q92 clause of one");
		assertThat(d.toString()).doesNotContain("of two");
	}

	@Test
	void thePdfNamesTheNewKindsOfRecordAndTheirColumnsInWords() throws Exception {
		HttpResponse<byte[]> response = new SubjectAccessHttp(this.port)
			.getBytes("/api/v1/subject-access/staff/" + STAFF + "?format=pdf", "q92-dpo", "q92-password-0");

		assertThat(response.statusCode()).isEqualTo(200);
		try (PDDocument pdf = Loader.loadPDF(response.body())) {
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains("Changes made to their accounts (1)",
					"Their monthly service-level measure figures", "Reports mailed to them (1)",
					"Audit records they made or changed", "Q92 clause of one");
			// the columns headed in words, not as the database names them
			assertThat(text).contains("Signed in at", "New value").doesNotContain("signed_in_at");
		}
	}

	private void recordsOf(Subject s) {
		Map<String, Object> p = s.params();
		long auditId = insert("""
				insert into case_audit (template_code, template_version, event_id, crn, team_code, staff_code, auditor,
				    status, due_date, updated_by)
				values ('CASE_SUPERVISION', 1, :event, :crn, 'Q92T', :staff, :account, 'IN_PROGRESS', date '2025-05-01',
				    :account)
				returning audit_id""", p);
		Map<String, Object> audit = with(p, "audit", auditId);
		update("insert into case_audit_prompt_answer (audit_id, prompt_code, answer) values (:audit, '2.1.1.a', 'YES')",
				audit);
		update("insert into case_audit_failed_prompt (audit_id, prompt_code) values (:audit, '2.1.1.b')", audit);
		update("""
				insert into case_audit_answer (audit_id, key_question_code, answer, comment)
				values (:audit, '2.1.1', 'NO', 'Answer of ' || :who)""", audit);
		update("""
				insert into audit_alert (audit_id, raised_at, raised_by, due_date, team_code, staff_code, reason)
				values (:audit, now(), :account, date '2025-05-10', 'Q92T', :staff, 'Alert of ' || :who)""", audit);
		long programme = insert(
				"""
						insert into audit_programme (name, kind, template_code, staff_code, sample_size, recurrence, start_month,
						    seed, created_by)
						values ('Q92 programme of ' || :who, 'DIP_SAMPLE', 'CASE_SUPERVISION', :staff, 1, 'NONE',
						    date '2025-01-01', 92, :account)
						returning programme_id""",
				p);
		Map<String, Object> prog = with(p, "programme", programme);
		update("insert into audit_programme_auditor (programme_id, username) values (:programme, :account)", prog);
		long sample = insert(
				"""
						insert into audit_sample (programme_id, seed, filters, stratified, requested_size, population_event_ids,
						    population_team_codes, drawn_at, drawn_by)
						values (:programme, 92, cast('{}' as jsonb), false, 1, array[cast(:event as text)], array['Q92T'], now(),
						    :account)
						returning sample_id""",
				prog);
		update("""
				insert into audit_sample_case (sample_id, position, event_id, crn, team_code, staff_code)
				values (:sample, 1, :event, :crn, 'Q92T', :staff)""", with(p, "sample", sample));
		long complaint = insert(
				"""
						insert into complaint (received_on, channel, complainant, unit_code, staff_code, crn, summary, logged_by)
						values (date '2025-04-01', 'EMAIL', 'PERSON_ON_PROBATION', 'Q92T', :staff, :crn,
						    'Complaint of ' || :who, :account)
						returning complaint_id""",
				p);
		update("insert into complaint_category_link (complaint_id, category) values (:complaint, 'COMMUNICATION')",
				with(p, "complaint", complaint));
		update("""
				insert into feedback_meeting (held_on, unit_code, kind, title, attendance, recorded_by)
				values (date '2025-02-03', 'Q92T', 'FORUM', 'Q92 meeting of ' || :who, 5, :account)""", p);
		// a change to their account, and one they made to another
		update("""
				insert into account_change (username, changed_at, changed_by, change, field, old_value, new_value)
				values (:account, now(), 'q92-admin', 'DETAILS', 'Name', 'Old name', 'Name of ' || :who),
				       ('q92-dpo', now(), :account, 'DETAILS', 'Email address', null, 'Made by ' || :who)""", p);
		update("""
				insert into sign_in (username, signed_in_at, method, source)
				values (:account, now(), 'PASSWORD', :source)""",
				with(p, "source", s.who().equals("one") ? "192.0.2.1" : "192.0.2.2"));
		update("""
				insert into import_run (dataset, username, started_at, finished_at, outcome, file_name)
				values ('CONTACTS', :account, now(), now(), 'APPLIED', 'contacts of ' || :who || '.csv')""", p);
		update("""
				insert into measure_cell (measure_code, month, team_code, staff_code, numerator, denominator)
				values ('SL001R', date '2025-03-01', 'Q92T', :staff, 1, 2)""", p);
		update("""
				insert into measure_flag (kind, measure_code, month, staff_code, performance)
				values ('SUSTAINED_SHORTFALL', 'SL001R', date '2025-03-01', :staff, 50)""", p);
		long plan = insert("""
				insert into improvement_plan (kind, title, unit_code, owner, owner_staff, created_by)
				values ('SITE_DEVELOPMENT', 'Q92 plan of ' || :who, 'Q92T', :name, :staff, :account)
				returning plan_id""", p);
		Map<String, Object> inPlan = with(p, "plan", plan);
		long action = insert(
				"""
						insert into improvement_action (plan_id, action_no, description, owner_role, owner_staff, target_date,
						    source_kind, unit_code, created_at, created_on, created_by)
						values (:plan, 1, 'Action of ' || :who, 'PRACTITIONER', :staff, date '2025-06-01', 'MANUAL', 'Q92T', now(),
						    current_date, :account)
						returning action_id""",
				inPlan);
		update("""
				insert into improvement_notification (action_id, rag, due_on, sent_at)
				values (:action, 'AMBER', date '2025-06-01', now())""", with(p, "action", action));
		long risk = insert("""
				insert into improvement_risk (plan_id, risk_no, created_at, created_by)
				values (:plan, 1, now(), :account) returning risk_id""", inPlan);
		update("""
				insert into improvement_risk_review (risk_id, reviewed_on, description, owner, likelihood, impact, controls,
				    review_date, recorded_at, recorded_by)
				values (:risk, date '2025-03-01', 'Risk of ' || :who, :name, 2, 3, 'Controls', date '2025-09-01', now(),
				    :account)""",
				with(p, "risk", risk));
		long project = insert("""
				insert into improvement_project (plan_id, title, owner, measure_code, unit_code, baseline_from,
				    change_month, source_kind, team, created_at, created_by)
				values (:plan, 'Q92 project of ' || :who, 'Someone else', 'SL001R', 'Q92T', date '2024-01-01',
				    date '2025-01-01', 'MEASURE', 'Ann Other, ' || :name, now(), :account)
				returning project_id""", inPlan);
		update("""
				insert into improvement_project_signoff (project_id, stage, signed_off_by, signed_off_name, signed_off_at)
				values (:project, 'DEFINE', :account, :name, now())""",
				with(p, "project", project));
		update("""
				insert into learning_plan_item (unit_code, template_code, theme_kind, theme_code, course, audience_staff,
				    training_date, owner, status, created_by, created_at)
				values ('Q92T', 'CASE_SUPERVISION', 'PROMPT', '2.1.1.a', 'Course of ' || :who, array[cast(:staff as text)],
				    date '2025-07-01', 'The training team', 'PLANNED', :account, now())""",
				p);
		update("""
				insert into obligation (clause, requirement, owner_username, evidence_kind, evidence_ref, review_frequency,
				    next_review_on, created_at, created_by, updated_at, updated_by)
				values ('Q92 clause of ' || :who, 'Requirement', :account, 'DOCUMENT', 'A document', 'ANNUAL',
				    date '2026-01-01', now(), :account, now(), :account)""",
				p);
		update("""
				insert into report_distribution (kind, unit_code, email, delivery, added_at, added_by)
				values ('MONTHLY_UNIT', 'Q92T', :email, 'PDF', now(), :account)""", p);
		update("""
				insert into report_distribution_change (changed_at, changed_by, kind, unit_code, email, delivery, change)
				values (now(), :account, 'MONTHLY_UNIT', 'Q92T', :email, 'PDF', 'ADDED')""",
				p);
		long report = insert("""
				insert into report (kind, period, unit_code, status, title, content, created_by)
				values ('MONTHLY_UNIT', '2099-' || case :who when 'one' then '01' else '02' end, 'Q92T', 'DRAFT',
				    'Q92 report of ' || :who, cast('{}' as jsonb), :account)
				returning report_id""", p);
		update("""
				insert into report_mailing (report_id, email, delivery, sent_at, outcome)
				values (:report, :email, 'PDF', now(), 'SENT')""", with(p, "report", report));
	}

	/** Each test starts from the same records: those of an earlier test are removed. */
	private void clearEarlierRecords() {
		for (String sql : List.of(
				"delete from case_audit_prompt_answer where audit_id in (select audit_id from case_audit where team_code = 'Q92T')",
				"delete from case_audit_failed_prompt where audit_id in (select audit_id from case_audit where team_code = 'Q92T')",
				"delete from case_audit_answer where audit_id in (select audit_id from case_audit where team_code = 'Q92T')",
				"delete from audit_alert where team_code = 'Q92T'", "delete from case_audit where team_code = 'Q92T'",
				"delete from audit_sample_case where team_code = 'Q92T'",
				"delete from audit_sample where drawn_by like 'q92-%'",
				"delete from audit_programme_auditor where username like 'q92-%'",
				"delete from audit_programme where created_by like 'q92-%'",
				"delete from complaint_category_link where complaint_id in (select complaint_id from complaint where unit_code = 'Q92T')",
				"delete from complaint where unit_code = 'Q92T'",
				"delete from feedback_meeting where unit_code = 'Q92T'",
				"delete from account_change where username like 'q92-%'",
				"delete from sign_in where username like 'q92-%'", "delete from import_run where username like 'q92-%'",
				"delete from measure_cell where team_code = 'Q92T'",
				"delete from measure_flag where staff_code like 'Q92%'",
				"delete from improvement_notification where action_id in (select action_id from improvement_action where unit_code = 'Q92T')",
				"delete from improvement_action where unit_code = 'Q92T'",
				"delete from improvement_risk_review where recorded_by like 'q92-%'",
				"delete from improvement_risk where created_by like 'q92-%'",
				"delete from improvement_project_signoff where signed_off_by like 'q92-%'",
				"delete from improvement_project where unit_code = 'Q92T'",
				"delete from improvement_plan where unit_code = 'Q92T'",
				"delete from learning_plan_item where unit_code = 'Q92T'",
				"delete from obligation where created_by like 'q92-%'",
				"delete from report_distribution where unit_code = 'Q92T'",
				"delete from report_distribution_change where unit_code = 'Q92T'",
				"delete from report_mailing where email like 'q92-%'", "delete from report where unit_code = 'Q92T'")) {
			this.jdbc.sql(sql).update();
		}
	}

	private static Map<String, Object> with(Map<String, Object> params, String name, Object value) {
		Map<String, Object> all = new java.util.HashMap<>(params);
		all.put(name, value);
		return all;
	}

	private long insert(String sql, Map<String, Object> params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private void update(String sql, Map<String, Object> params) {
		this.jdbc.sql(sql).params(params).update();
	}

	private JsonNode disclosure(String path) throws Exception {
		HttpResponse<String> response = new SubjectAccessHttp(this.port).get(path, "q92-dpo", "q92-password-0");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static List<JsonNode> rows(JsonNode disclosure, String key) {
		return SubjectAccessHttp.rows(disclosure, key);
	}

}
