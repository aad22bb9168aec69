package org.probity.subjectaccess;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.probity.accounts.CaseAccessLog;
import org.probity.accounts.CurrentUser;
import org.probity.shared.Clocks;
import org.probity.shared.Crn;
import org.probity.shared.StaffCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers a subject access disclosure from every module's published views, and logs the
 * request first (in its own transaction, so a request that fails midway is logged too). A
 * restricted case is disclosed all the same: answering the request is a legal duty; the
 * log entry says it was a restricted case.
 */
@Service
class SubjectAccessRequests {

	/** One section: its key, title, owning module and the SQL that lists its rows. */
	private record Source(String key, String title, String module, String sql) {
	}

	private static final String ACTIONS_OF_CASE = """
			select a.* from subject_access_action a
			where a.description like '%' || :ref || '%'
			   or (a.source_kind in ('ALERT', 'AUDIT_FINDING')
			       and a.source_ref in (select cast(audit_id as text) from subject_access_audit where crn = :ref))
			   or a.action_id in (select action_id from subject_access_action_update where note like '%' || :ref || '%')
			   or a.action_id in (select action_id from subject_access_complaint where crn = :ref)
			order by a.action_id""";

	private static final List<Source> CASE = List.of(
			new Source("person", "Person on probation", "cases",
					"select * from subject_access_person where crn = :ref"),
			new Source("events", "Events (sentences and licences)", "cases",
					"select * from subject_access_event where crn = :ref order by sentence_date, event_id"),
			new Source("requirements", "Requirements", "cases",
					"select * from subject_access_requirement where crn = :ref order by start_date, requirement_id"),
			new Source("contacts", "Contacts", "cases",
					"select * from subject_access_contact where crn = :ref order by contact_at, contact_id"),
			new Source("plans", "Sentence and resettlement plans", "cases",
					"select * from subject_access_plan where crn = :ref order by plan_id"),
			new Source("referrals", "Breach and recall referrals", "cases",
					"select * from subject_access_referral where crn = :ref order by aware_date, referral_id"),
			new Source("accommodation", "Accommodation", "cases",
					"select * from subject_access_accommodation where crn = :ref order by event_id"),
			new Source("audits", "Case audits", "audits",
					"select * from subject_access_audit where crn = :ref order by due_date, audit_id"),
			new Source("audit_answers", "Case audit answers and comments", "audits",
					"select * from subject_access_audit_answer where crn = :ref order by audit_id, key_question_code"),
			new Source("audit_failed_prompts", "Case audit prompts not met", "audits",
					"select * from subject_access_audit_failed_prompt where crn = :ref order by audit_id, prompt_code"),
			new Source("audit_prompt_answers", "Case audit prompts met or not applicable", "audits",
					"select * from subject_access_audit_prompt_answer where crn = :ref order by audit_id, prompt_code"),
			new Source("audit_samples", "Audit samples that drew the case", "audits",
					"select * from subject_access_audit_sample_case where crn = :ref order by drawn_at, sample_id"),
			new Source("audit_alerts", "Audit alerts", "audits",
					"select * from subject_access_audit_alert where crn = :ref order by raised_at"),
			new Source("audit_acknowledgements", "Audit acknowledgements", "audits",
					"select * from subject_access_audit_acknowledgement where crn = :ref order by audit_id"),
			new Source("measure_rows", "Service-level measure rows with their reasons", "measures",
					"select * from subject_access_measure_case where crn = :ref order by measure_code, month, subject_id"),
			new Source("actions", "Improvement actions citing the case", "improvement", ACTIONS_OF_CASE),
			new Source("action_updates", "Updates of those actions", "improvement",
					"select * from subject_access_action_update where action_id in (select action_id from ("
							+ ACTIONS_OF_CASE + ") c) order by action_id, written_at"),
			new Source("complaints", "Complaints naming the case", "feedback",
					"select * from subject_access_complaint where crn = :ref order by received_on, complaint_id"),
			new Source("access_log", "Access log: who opened or listed the case", "accounts", """
					select * from subject_access_log where crn = :ref or crns @> array[cast(:ref as text)]
					order by accessed_at, id"""));

	/** The accounts of the member of staff: what names them in other modules' records. */
	private static final String ACCOUNTS = "select username from subject_access_account where staff_code = :ref";

	/** The email addresses of those accounts, as mailing lists hold them. */
	private static final String EMAILS = """
			select lower(email) from subject_access_account where staff_code = :ref and email is not null""";

	/**
	 * The member of staff's names in lower case, as free text that names an owner holds
	 * them: "forename surname" from the estate and the display names of their accounts
	 * (never an empty one, which every text would contain).
	 */
	private static final String NAMES = """
			select name from (
			    select lower(forename || ' ' || surname) as name from subject_access_staff where staff_code = :ref
			    union select lower(display_name) from subject_access_account where staff_code = :ref) names
			where btrim(name) <> ''""";

	private static final String ACTIONS_OWNED = "select action_id from subject_access_action where owner_staff = :ref";

	private static final List<Source> STAFF = List.of(
			new Source("staff", "Member of staff", "estate",
					"select * from subject_access_staff where staff_code = :ref"),
			new Source("accounts", "Probity accounts", "accounts",
					"select * from subject_access_account where staff_code = :ref order by username"),
			new Source("account_changes", "Changes made to their accounts", "accounts",
					"select * from subject_access_account_change where username in (" + ACCOUNTS
							+ ") order by changed_at, id"),
			new Source("sign_ins", "Sign-ins", "accounts",
					"select * from subject_access_sign_in where username in (" + ACCOUNTS + ") order by signed_in_at"),
			new Source("ratings", "Quarterly performance ratings", "people",
					"select * from subject_access_staff_rating where staff_code = :ref order by quarter, rated_at"),
			new Source("improvement_plans", "Performance improvement plans", "people",
					"select * from subject_access_staff_improvement_plan where staff_code = :ref order by plan_id"),
			new Source("improvement_plan_reviews", "Performance improvement plan reviews", "people",
					"select * from subject_access_staff_improvement_plan_review where staff_code = :ref order by plan_id, review_no"),
			new Source("capability", "Capability procedures", "people",
					"select * from subject_access_capability_procedure where staff_code = :ref"),
			new Source("formal_review_prompts", "Formal review prompts", "people",
					"select * from subject_access_formal_review_prompt where staff_code = :ref"),
			new Source("training", "Training planned for them by name, or that they own", "people", """
					select * from subject_access_learning_plan_item
					where cast(:ref as text) = any(audience_staff) or lower(btrim(owner)) in (%s)
					order by training_date, item_id""".formatted(NAMES)),
			new Source("measure_figures", "Their monthly service-level measure figures", "measures",
					"select * from subject_access_measure_staff_month where staff_code = :ref order by measure_code, month, team_code"),
			new Source("measure_flags", "Service-level measure flags raised on their figures", "measures",
					"select * from subject_access_measure_flag where staff_code = :ref order by month, measure_code, id"),
			new Source("audits_done", "Case audits they did", "audits", """
					select * from subject_access_audit
					where auditor in (%1$s) or completed_by in (%1$s)
					order by due_date, audit_id""".formatted(ACCOUNTS)),
			new Source("audits_of_their_cases", "Case audits of their cases", "audits",
					"select * from subject_access_audit where staff_code = :ref order by due_date, audit_id"),
			new Source("audit_alerts", "Audit alerts on their cases", "audits",
					"select * from subject_access_audit_alert where staff_code = :ref order by raised_at, audit_id"),
			new Source("audit_samples", "Audit samples that drew their cases", "audits",
					"select * from subject_access_audit_sample_case where staff_code = :ref order by drawn_at, sample_id, position"),
			new Source("audit_programmes", "Audit programmes that choose their cases", "audits", """
					select * from subject_access_audit_programme
					where staff_code = :ref or cast(:ref as text) = any(practitioners)
					order by programme_id"""),
			new Source("audit_programmes_auditing", "Audit programmes naming them as an auditor", "audits",
					"select * from subject_access_audit_programme_auditor where username in (" + ACCOUNTS
							+ ") order by programme_id"),
			new Source("actions", "Improvement actions they own", "improvement",
					"select * from subject_access_action where owner_staff = :ref order by action_id"),
			new Source("action_reminders", "Reminders mailed about the actions they own", "improvement",
					"select * from subject_access_action_reminder where action_id in (" + ACTIONS_OWNED
							+ ") order by sent_at, action_id"),
			new Source("plans_owned", "Improvement plans they own", "improvement", """
					select * from subject_access_improvement_plan
					where owner_staff = :ref or lower(btrim(owner)) in (%s)
					order by plan_id""".formatted(NAMES)),
			new Source("projects", "Improvement projects naming them as owner, in the team or as watcher",
					"improvement",
					"""
							select * from subject_access_improvement_project p
							where exists (select 1 from (%s) n
							              where lower(btrim(p.owner)) = n.name or lower(btrim(p.control_watcher)) = n.name
							                 or strpos(lower(p.team), n.name) > 0)
							order by project_id"""
						.formatted(NAMES)),
			new Source("risks_owned", "Reviews of risks they own", "improvement", """
					select * from subject_access_improvement_risk_review
					where lower(btrim(owner)) in (%s)
					order by risk_id, reviewed_on, review_id""".formatted(NAMES)),
			new Source("obligations", "Contract obligations they own", "reports",
					"select * from subject_access_obligation where owner_username in (" + ACCOUNTS
							+ ") order by clause"),
			new Source("mailing_lists", "Report mailing lists with their email address", "reports",
					"select * from subject_access_report_distribution where lower(email) in (" + EMAILS
							+ ") order by kind, unit_code"),
			new Source("mailing_list_changes", "Changes to report mailing lists naming their email address", "reports",
					"select * from subject_access_report_distribution_change where lower(email) in (" + EMAILS
							+ ") order by changed_at"),
			new Source("report_mailings", "Reports mailed to them", "reports",
					"select * from subject_access_report_mailing where lower(email) in (" + EMAILS
							+ ") order by sent_at, report_id"),
			new Source("complaints", "Complaints about them", "feedback",
					"select * from subject_access_complaint where staff_code = :ref order by received_on, complaint_id"),
			new Source("imports_run", "Imports they ran", "imports",
					"select * from subject_access_import_run where username in (" + ACCOUNTS
							+ ") order by started_at, id"),
			trail("account_changes_made", "Changes they made to accounts", "accounts", """
					select * from subject_access_account_change where changed_by in (%s)
					order by changed_at, id"""),
			trail("audits_trail", "Audit records they made or changed", "audits",
					"select * from subject_access_audits_trail where username in (%s) order by done_at, record"),
			trail("improvement_trail", "Improvement records they made or changed", "improvement",
					"select * from subject_access_improvement_trail where username in (%s) order by done_at, record"),
			trail("measures_trail", "Measure targets they changed", "measures",
					"select * from subject_access_measures_trail where username in (%s) order by done_at, reference"),
			trail("feedback_trail", "Feedback records they made", "feedback",
					"select * from subject_access_feedback_trail where username in (%s) order by done_on, record"),
			trail("reports_trail", "Reports, registers and mailing lists they made or changed", "reports",
					"select * from subject_access_reports_trail where username in (%s) order by done_at, record"),
			new Source("access_log_about", "Access log: who opened their personnel record", "accounts",
					"select * from subject_access_log where staff_code = :ref order by accessed_at, id"),
			new Source("access_log_by", "Access log: what their accounts opened", "accounts",
					"select * from subject_access_log where username in (" + ACCOUNTS + ") order by accessed_at, id"));

	/**
	 * What their accounts did: {@code sql} lists the rows whose account is in {@code %s}.
	 */
	private static Source trail(String key, String title, String module, String sql) {
		return new Source(key, title, module, sql.formatted(ACCOUNTS));
	}

	private final JdbcClient jdbc;

	private final CaseAccessLog log;

	private final Clock clock;

	SubjectAccessRequests(JdbcClient jdbc, CaseAccessLog log, Clock clock) {
		this.jdbc = jdbc;
		this.log = log;
		this.clock = clock;
	}

	/**
	 * Everything held about the person with this CRN; {@code shown} says what the request
	 * gave ("JSON", "PDF", "check").
	 * @throws SubjectNotFound when Probity holds nothing about the CRN
	 */
	@Transactional(readOnly = true)
	public Disclosure forCase(CurrentUser user, Crn crn, String shown) {
		boolean restricted = this.jdbc.sql("select restricted from subject_access_person where crn = :ref")
			.param("ref", crn.value())
			.query(Boolean.class)
			.optional()
			.orElse(false);
		this.log.recordSubjectAccess(user.getUsername(), crn, null,
				"Subject access request (" + shown + ")" + (restricted ? ", restricted case" : ""));
		List<Disclosure.Section> sections = gather(CASE, crn.value());
		if (nothingHeld(sections, "access_log")) {
			throw new SubjectNotFound("Probity holds no case data about CRN " + crn.value());
		}
		return new Disclosure("CASE", crn.value(), restricted, this.clock.instant(), user.getUsername(), sections);
	}

	/**
	 * Everything held about the member of staff with this code.
	 * @throws SubjectNotFound when Probity holds nothing about the staff code
	 */
	@Transactional(readOnly = true)
	public Disclosure forStaff(CurrentUser user, StaffCode staff, String shown) {
		this.log.recordSubjectAccess(user.getUsername(), null, staff, "Subject access request (" + shown + ")");
		List<Disclosure.Section> sections = gather(STAFF, staff.value());
		if (nothingHeld(sections, "access_log_about")) {
			throw new SubjectNotFound("Probity holds nothing about staff code " + staff.value());
		}
		return new Disclosure("STAFF", staff.value(), false, this.clock.instant(), user.getUsername(), sections);
	}

	/** Nothing but the log entry of this very request. */
	private static boolean nothingHeld(List<Disclosure.Section> sections, String logKey) {
		return sections.stream().filter((s) -> !s.key().equals(logKey)).allMatch((s) -> s.rows().isEmpty());
	}

	private List<Disclosure.Section> gather(List<Source> sources, String reference) {
		List<Disclosure.Section> sections = new ArrayList<>();
		for (Source source : sources) {
			List<String> columns = new ArrayList<>();
			List<Map<String, Object>> rows = this.jdbc.sql(source.sql())
				.param("ref", reference)
				.query((rs, n) -> row(rs, columns))
				.list();
			if (columns.isEmpty()) {
				columns.addAll(this.jdbc.sql("select * from (" + source.sql() + ") s limit 0")
					.param("ref", reference)
					.query((ResultSet rs) -> names(rs.getMetaData())));
			}
			sections
				.add(new Disclosure.Section(source.key(), source.title(), source.module(), List.copyOf(columns), rows));
		}
		return sections;
	}

	private static Map<String, Object> row(ResultSet rs, List<String> columns) throws SQLException {
		ResultSetMetaData meta = rs.getMetaData();
		if (columns.isEmpty()) {
			columns.addAll(names(meta));
		}
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			row.put(meta.getColumnLabel(i), value(rs, i));
		}
		return row;
	}

	private static List<String> names(ResultSetMetaData meta) throws SQLException {
		List<String> names = new ArrayList<>();
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			names.add(meta.getColumnLabel(i));
		}
		return names;
	}

	/**
	 * Values as JSON and the PDF write them: dates and times as ISO text, arrays as
	 * lists.
	 */
	private static Object value(ResultSet rs, int i) throws SQLException {
		Object value = rs.getObject(i);
		if (value == null) {
			return null;
		}
		if (value instanceof Timestamp t) {
			String type = rs.getMetaData().getColumnTypeName(i);
			return "timestamptz".equals(type) ? OffsetDateTime.ofInstant(t.toInstant(), Clocks.LONDON).toString()
					: t.toLocalDateTime().toString();
		}
		if (value instanceof java.sql.Date d) {
			return d.toLocalDate().toString();
		}
		if (value instanceof Array a) {
			return Arrays.asList((Object[]) a.getArray());
		}
		if (value instanceof String s) {
			return s.strip().equals(s) ? s : s.stripTrailing();
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value;
		}
		return value.toString();
	}

}
