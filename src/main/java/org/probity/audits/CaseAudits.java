package org.probity.audits;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.probity.accounts.CaseAccessLog;
import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.audits.audit.CaseAccessCheck;
import org.probity.estate.Visibility;
import org.probity.shared.BusinessCalendar;
import org.probity.shared.Clocks;
import org.probity.shared.Crn;
import org.probity.shared.EventId;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audits of cases: the auditor's worklist, saving a draft, completing, and raising an
 * alert. Saves use an optimistic lock (the version the auditor opened) so that two
 * auditors never overwrite each other.
 */
@Service
public class CaseAudits {

	public record AnswerInput(String keyQuestionCode, Answer answer, String comment) {

		public AnswerInput {
			comment = (comment != null) ? comment.trim() : "";
		}

	}

	/**
	 * What the auditor sends: their answers and the version of the audit they opened.
	 * Each prompt is answered Yes, No or Not applicable ({@code promptAnswers}); the
	 * prompts answered No are the {@code failedPrompts} (either may name them).
	 */
	public record AuditInput(int version, List<AnswerInput> answers, List<String> failedPrompts, boolean alert,
			String alertReason, String summary, Map<String, Answer> promptAnswers) {

		public AuditInput {
			answers = (answers != null) ? List.copyOf(answers) : List.of();
			Map<String, Answer> prompts = new java.util.TreeMap<>();
			if (promptAnswers != null) {
				promptAnswers.forEach((code, answer) -> {
					if (code != null && answer != null) {
						prompts.put(code, answer);
					}
				});
			}
			if (failedPrompts != null) {
				failedPrompts.forEach((code) -> prompts.put(code, Answer.NO));
			}
			promptAnswers = java.util.Collections.unmodifiableMap(prompts);
			failedPrompts = prompts.entrySet()
				.stream()
				.filter((e) -> e.getValue() == Answer.NO)
				.map(Map.Entry::getKey)
				.toList();
			alertReason = (alertReason != null && !alertReason.isBlank()) ? alertReason.trim() : null;
			summary = (summary != null) ? summary.trim() : "";
		}

		/** Answers that give only the prompts not met. */
		public AuditInput(int version, List<AnswerInput> answers, List<String> failedPrompts, boolean alert,
				String alertReason, String summary) {
			this(version, answers, failedPrompts, alert, alertReason, summary, Map.of());
		}

		Map<String, AnswerInput> byQuestion() {
			Map<String, AnswerInput> map = new LinkedHashMap<>();
			this.answers.forEach((a) -> map.put(a.keyQuestionCode(), a));
			return map;
		}

	}

	public record Audit(long auditId, Long programmeId, String programmeName, Long roundId, String templateCode,
			int templateVersion, String eventId, String crn, String teamCode, String staffCode, String auditor,
			String status, LocalDate dueDate, boolean alert, String alertReason, String summary, Instant completedAt,
			String completedBy, String frameworkVersion, Instant updatedAt, String updatedBy, int version,
			Map<String, AnswerInput> answers, Set<String> failedPrompts, Map<String, Answer> promptAnswers) {

		public boolean open() {
			return "PLANNED".equals(this.status) || "IN_PROGRESS".equals(this.status);
		}

		/** The case audited, or the site for a self-assessment. */
		public String subject() {
			return (this.crn != null) ? this.crn : "site " + this.teamCode;
		}

		public AuditInput asInput() {
			return new AuditInput(this.version, List.copyOf(this.answers.values()), List.copyOf(this.failedPrompts),
					this.alert, this.alertReason, this.summary, this.promptAnswers);
		}

	}

	private final JdbcClient jdbc;

	private final AuditTemplates templates;

	private final CaseAccessCheck access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Visibility visibility;

	private final CaseAccessLog caseLog;

	CaseAudits(JdbcClient jdbc, AuditTemplates templates, CaseAccessCheck access, Visibility visibility,
			CaseAccessLog caseLog, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.templates = templates;
		this.access = access;
		this.visibility = visibility;
		this.caseLog = caseLog;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The audit, if this user may work on it (its auditor, or the quality team); the
	 * opening of its case is logged.
	 */
	@Transactional(readOnly = true)
	public Audit open(long auditId, CurrentUser user) {
		Audit audit = find(auditId).orElseThrow(() -> new NotFound("No audit " + auditId));
		checkMayOpen(audit, user);
		logOpened(audit, user);
		return audit;
	}

	/** Whether the user may work on the audit (see {@link #open}). */
	@Transactional(readOnly = true)
	public boolean mayWorkOn(long auditId, CurrentUser user) {
		Audit audit = find(auditId).orElseThrow(() -> new NotFound("No audit " + auditId));
		try {
			checkMayOpen(audit, user);
			return true;
		}
		catch (AccessDeniedException ex) {
			return false;
		}
	}

	/**
	 * The audit, if this user may read it: those who may work on it, and, once it is
	 * completed, the managers of the units that hold the case and the practitioner whose
	 * case it is (the feedback loop of case-audit.md), as the visibility rule allows and
	 * never for a restricted case they may not open. The opening is logged.
	 */
	@Transactional(readOnly = true)
	public Audit read(long auditId, CurrentUser user) {
		Audit audit = find(auditId).orElseThrow(() -> new NotFound("No audit " + auditId));
		try {
			checkMayOpen(audit, user);
		}
		catch (AccessDeniedException ex) {
			if (audit.open() || audit.crn() == null || !this.visibility
				.filter(user, List.of(audit), (a) -> Visibility.Holding.of(a.crn(), a.teamCode(), a.staffCode()))
				.stream()
				.anyMatch((shown) -> !shown.restricted())) {
				if (audit.crn() != null) {
					this.caseLog.record(user.getUsername(), new Crn(audit.crn()),
							CaseAccessLog.Outcome.REFUSED_OUT_OF_SCOPE);
				}
				throw ex;
			}
		}
		logOpened(audit, user);
		return audit;
	}

	/** The practitioner's acknowledgement of a completed audit of their case. */
	public record Acknowledgement(String acknowledgedBy, Instant acknowledgedAt, String note) {
	}

	@Transactional(readOnly = true)
	public Optional<Acknowledgement> acknowledgement(long auditId) {
		return this.jdbc.sql("""
				select acknowledged_by, acknowledged_at, note from case_audit_acknowledgement where audit_id = :id
				""").param("id", auditId).query(Acknowledgement.class).optional();
	}

	/** Whether the user is the practitioner whose case a completed audit is of. */
	public boolean mayAcknowledge(Audit audit, CurrentUser user) {
		return !audit.open() && audit.staffCode() != null && audit.staffCode().equals(user.staffCode())
				&& user.role() == Role.PRACTITIONER;
	}

	/**
	 * The practitioner has read the completed audit of their case (with an optional note
	 * for their line manager). Recorded once: a second acknowledgement is refused.
	 */
	@Transactional
	public void acknowledge(long auditId, String note, CurrentUser user) {
		Audit audit = read(auditId, user);
		if (!mayAcknowledge(audit, user)) {
			throw new AccessDeniedException("Only the practitioner whose case was audited can acknowledge the audit");
		}
		String text = (note == null) ? "" : note.strip();
		if (text.length() > 2000) {
			throw new IllegalArgumentException("The note must be 2,000 characters or fewer");
		}
		int added = this.jdbc.sql("""
				insert into case_audit_acknowledgement (audit_id, acknowledged_by, acknowledged_at, note)
				values (:id, :by, :at, :note) on conflict (audit_id) do nothing
				""")
			.param("id", auditId)
			.param("by", user.getUsername())
			.param("at", Timestamp.from(this.clock.instant()))
			.param("note", text)
			.update();
		if (added == 0) {
			Acknowledgement earlier = acknowledgement(auditId).orElseThrow();
			throw new AuditChanged("You already acknowledged this audit", earlier.acknowledgedBy(),
					earlier.acknowledgedAt());
		}
	}

	private void logOpened(Audit audit, CurrentUser user) {
		if (audit.crn() != null) {
			this.visibility.logCases(user, "Case audit " + audit.auditId(), List.of(new Crn(audit.crn())), List.of());
		}
	}

	@Transactional(readOnly = true)
	public Optional<Audit> find(long auditId) {
		Map<String, AnswerInput> answers = new LinkedHashMap<>();
		this.jdbc.sql(
				"select key_question_code, answer, comment from case_audit_answer where audit_id = :id order by key_question_code")
			.param("id", auditId)
			.query((rs, n) -> answers.put(rs.getString(1),
					new AnswerInput(rs.getString(1), (rs.getString(2) != null) ? Answer.valueOf(rs.getString(2)) : null,
							rs.getString(3))))
			.list();
		Set<String> failedPrompts = new HashSet<>(
				this.jdbc.sql("select prompt_code from case_audit_failed_prompt where audit_id = :id")
					.param("id", auditId)
					.query(String.class)
					.list());
		Map<String, Answer> promptAnswers = new java.util.TreeMap<>();
		failedPrompts.forEach((code) -> promptAnswers.put(code, Answer.NO));
		this.jdbc.sql("select prompt_code, answer from case_audit_prompt_answer where audit_id = :id")
			.param("id", auditId)
			.query((rs, n) -> promptAnswers.put(rs.getString(1), Answer.valueOf(rs.getString(2))))
			.list();
		return this.jdbc
			.sql("""
					select a.audit_id, a.programme_id, p.name, a.round_id, a.template_code, a.template_version, a.event_id,
					       a.crn, a.team_code, a.staff_code, a.auditor, a.status, a.due_date, a.alert, a.alert_reason, a.summary,
					       a.completed_at, a.completed_by, coalesce(a.framework_version, v.framework_version), a.updated_at,
					       a.updated_by, a.version
					from case_audit a
					left join audit_programme p on p.programme_id = a.programme_id
					join audit_template_version v on v.template_code = a.template_code and v.version = a.template_version
					where a.audit_id = :id
					""")
			.param("id", auditId)
			.query((rs, n) -> new Audit(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getString(3),
					(Long) rs.getObject(4, Long.class), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8),
					rs.getString(9), AuditProgrammes.trim(rs.getString(10)), rs.getString(11), rs.getString(12),
					rs.getDate(13).toLocalDate(), rs.getBoolean(14), rs.getString(15), rs.getString(16),
					instant(rs.getTimestamp(17)), rs.getString(18), rs.getString(19), instant(rs.getTimestamp(20)),
					rs.getString(21), rs.getInt(22), answers, failedPrompts, promptAnswers))
			.optional();
	}

	/** Saves the auditor's answers as a draft; the audit is then in progress. */
	@Transactional
	public Audit save(long auditId, AuditInput input, CurrentUser user) {
		Audit audit = open(auditId, user);
		AuditTemplates.Template template = template(audit);
		checkBelongsToTemplate(input, template);
		if (!audit.open()) {
			throw new AuditChanged(
					"This audit is " + audit.status().toLowerCase().replace('_', ' ') + " and can no longer be changed",
					audit.updatedBy(), audit.updatedAt());
		}
		int updated = this.jdbc
			.sql("""
					update case_audit set status = 'IN_PROGRESS', alert = :alert, alert_reason = :reason, summary = :summary,
					    updated_at = :now, updated_by = :by, version = version + 1
					where audit_id = :id and version = :version and status in ('PLANNED', 'IN_PROGRESS')
					""")
			.param("alert", input.alert())
			.param("reason", input.alertReason())
			.param("summary", input.summary())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", user.getUsername())
			.param("id", auditId)
			.param("version", input.version())
			.update();
		if (updated == 0) {
			throw changed(auditId);
		}
		this.jdbc.sql("delete from case_audit_answer where audit_id = :id").param("id", auditId).update();
		for (AnswerInput answer : input.answers()) {
			if (answer.answer() == null && answer.comment().isEmpty()) {
				continue;
			}
			this.jdbc.sql("""
					insert into case_audit_answer (audit_id, key_question_code, answer, comment)
					values (:id, :question, :answer, :comment)
					""")
				.param("id", auditId)
				.param("question", answer.keyQuestionCode())
				.param("answer", (answer.answer() != null) ? answer.answer().name() : null)
				.param("comment", answer.comment())
				.update();
		}
		this.jdbc.sql("delete from case_audit_failed_prompt where audit_id = :id").param("id", auditId).update();
		this.jdbc.sql("delete from case_audit_prompt_answer where audit_id = :id").param("id", auditId).update();
		input.promptAnswers().forEach((prompt, answer) -> {
			String sql = (answer == Answer.NO)
					? "insert into case_audit_failed_prompt (audit_id, prompt_code) values (:id, :prompt)"
					: "insert into case_audit_prompt_answer (audit_id, prompt_code, answer) values (:id, :prompt, :answer)";
			this.jdbc.sql(sql).param("id", auditId).param("prompt", prompt).param("answer", answer.name()).update();
		});
		return find(auditId).orElseThrow();
	}

	/** What stops the saved answers from being completed, keyed by form field. */
	@Transactional(readOnly = true)
	public Map<String, String> problems(Audit audit) {
		AuditTemplates.Template template = template(audit);
		Map<String, String> errors = new LinkedHashMap<>();
		for (AuditTemplates.KeyQuestion q : template.keyQuestions()) {
			AnswerInput answer = audit.answers().get(q.code());
			if (answer == null || answer.answer() == null) {
				errors.put("answer-" + q.code(), "Answer key question " + q.code() + ": " + q.text());
			}
		}
		if (audit.alert() && audit.crn() == null) {
			errors.put("alert", "An alert is about a case; a site self-assessment cannot raise one");
		}
		if (audit.alert() && audit.alertReason() == null) {
			errors.put("alertReason", "Say why this case is an alert");
		}
		return errors;
	}

	/**
	 * Completes the audit with its saved answers, rates nothing by itself (ratings are
	 * read from completed audits), raises the alert if marked, and publishes the
	 * findings.
	 */
	@Transactional
	public Audit complete(long auditId, int version, CurrentUser user) {
		Audit audit = open(auditId, user);
		if (audit.version() != version) {
			throw changed(auditId);
		}
		if (!audit.open()) {
			throw new AuditChanged("This audit is already " + audit.status().toLowerCase(), audit.updatedBy(),
					audit.updatedAt());
		}
		Map<String, String> problems = problems(audit);
		if (!problems.isEmpty()) {
			throw new InvalidAudit(problems);
		}
		AuditTemplates.Template template = template(audit);
		Instant now = this.clock.instant();
		int updated = this.jdbc.sql("""
				update case_audit set status = 'COMPLETED', completed_at = :now, completed_by = :by,
				    framework_version = :framework, updated_at = :now, updated_by = :by, version = version + 1
				where audit_id = :id and version = :version and status in ('PLANNED', 'IN_PROGRESS')
				""")
			.param("now", Timestamp.from(now))
			.param("by", user.getUsername())
			.param("framework", template.frameworkVersion())
			.param("id", auditId)
			.param("version", version)
			.update();
		if (updated == 0) {
			throw changed(auditId);
		}
		List<String> failed = audit.answers()
			.values()
			.stream()
			.filter((a) -> a.answer() == Answer.NO)
			.map(AnswerInput::keyQuestionCode)
			.sorted()
			.toList();
		this.events.publishEvent(completed(audit, failed, audit.alert(), now));
		if (audit.alert()) {
			raiseAlert(audit, failed, user.getUsername(), now);
		}
		return find(auditId).orElseThrow();
	}

	private void raiseAlert(Audit audit, List<String> failed, String username, Instant now) {
		LocalDate raised = LocalDate.ofInstant(now, Clocks.LONDON);
		LocalDate due = BusinessCalendar.englandAndWales().businessDayAfter(raised, 1);
		String team = this.jdbc.sql("select team_code from estate_staff where staff_code = :staff")
			.param("staff", audit.staffCode())
			.query(String.class)
			.optional()
			.orElse(audit.teamCode());
		this.jdbc.sql("""
				insert into audit_alert (audit_id, raised_at, raised_by, due_date, team_code, staff_code, reason)
				values (:id, :at, :by, :due, :team, :staff, :reason)
				""")
			.param("id", audit.auditId())
			.param("at", Timestamp.from(now))
			.param("by", username)
			.param("due", due)
			.param("team", team)
			.param("staff", audit.staffCode())
			.param("reason", audit.alertReason())
			.update();
		this.events.publishEvent(raised(audit, team, audit.alertReason(), failed, now, due));
	}

	private static CaseAuditCompleted completed(Audit audit, List<String> failed, boolean alert, Instant at) {
		return new CaseAuditCompleted(audit.auditId(), typed(audit.crn(), Crn::new),
				typed(audit.eventId(), EventId::new), new UnitCode(audit.teamCode()),
				typed(audit.staffCode(), StaffCode::new), audit.templateCode(), audit.templateVersion(),
				audit.programmeId(), failed, alert, at);
	}

	private static AlertRaised raised(Audit audit, String team, String reason, List<String> failed, Instant at,
			LocalDate due) {
		return new AlertRaised(audit.auditId(), new Crn(audit.crn()), typed(audit.eventId(), EventId::new),
				new UnitCode(team), typed(audit.staffCode(), StaffCode::new), reason, failed, at, due);
	}

	private static <T> T typed(String value, Function<String, T> type) {
		return (value != null) ? type.apply(value) : null;
	}

	/** Gives an open audit to another auditor, who must be allowed to open the case. */
	@Transactional
	public void assign(long auditId, String auditor, int version, CurrentUser user) {
		Audit audit = find(auditId).orElseThrow(() -> new NotFound("No audit " + auditId));
		if (audit.crn() != null && !this.access.mayOpen(audit.crn(), auditor)) {
			throw new IllegalArgumentException(auditor + " may not open this case, which is restricted");
		}
		int updated = this.jdbc.sql("""
				update case_audit set auditor = :auditor, updated_at = :now, updated_by = :by, version = version + 1
				where audit_id = :id and version = :version and status in ('PLANNED', 'IN_PROGRESS')
				""")
			.param("auditor", auditor)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", user.getUsername())
			.param("id", auditId)
			.param("version", version)
			.update();
		if (updated == 0) {
			throw changed(auditId);
		}
	}

	/**
	 * Records an audit done outside a programme's plan (for instance in another system),
	 * completed with its answers, in one step.
	 */
	@Transactional
	public Audit recordCompleted(String templateCode, String eventId, Long programmeId, AuditInput input,
			CurrentUser user) {
		AuditTemplates.Template template = this.templates.current(templateCode)
			.orElseThrow(() -> new IllegalArgumentException("No template " + templateCode));
		record Event(String crn, String teamCode, String staffCode, String eventType) {
		}
		Event event = this.jdbc
			.sql("select crn, team_code, staff_code, event_type from case_event where event_id = :id")
			.param("id", eventId)
			.query(Event.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("No event " + eventId));
		if (!template.appliesTo(event.eventType())) {
			throw new IllegalArgumentException("Event " + eventId + " cannot be audited with this template: "
					+ template.notFor(event.eventType()));
		}
		if (programmeId != null) {
			boolean exists = this.jdbc.sql("select exists (select 1 from audit_programme where programme_id = :id)")
				.param("id", programmeId)
				.query(Boolean.class)
				.single();
			if (!exists) {
				throw new IllegalArgumentException("No audit programme " + programmeId);
			}
		}
		long id = this.jdbc.sql("""
				insert into case_audit (programme_id, template_code, template_version, event_id, crn, team_code,
				    staff_code, auditor, status, due_date, updated_by)
				values (:programme, :template, :version, :event, :crn, :team, :staff, :auditor, 'PLANNED', :due, :by)
				returning audit_id
				""")
			.param("programme", programmeId)
			.param("template", template.code())
			.param("version", template.version())
			.param("event", eventId)
			.param("crn", event.crn())
			.param("team", event.teamCode())
			.param("staff", event.staffCode().trim())
			.param("auditor", user.getUsername())
			.param("due", today())
			.param("by", user.getUsername())
			.query(Long.class)
			.single();
		Audit saved = save(id, new AuditInput(0, input.answers(), input.failedPrompts(), input.alert(),
				input.alertReason(), input.summary(), input.promptAnswers()), user);
		return complete(id, saved.version(), user);
	}

	/**
	 * What was done about an alert, recorded when the audit is: the line manager's
	 * response.
	 */
	public record AlertResponse(Instant recordedAt, String recordedBy, String actionTaken) {
	}

	/**
	 * A planned audit as it was completed earlier: the answers in the template's order,
	 * the prompts not met, the time it was completed, and, for an alert, its reason and
	 * (when already recorded) what was done about it.
	 */
	public record PastCompletion(List<AnswerInput> answers, List<String> failedPrompts, String summary,
			Instant completedAt, String alertReason, AlertResponse alertResponse) {

		public PastCompletion {
			answers = List.copyOf(answers);
			failedPrompts = failedPrompts.stream().distinct().toList();
		}

		public boolean alert() {
			return this.alertReason != null;
		}

	}

	/**
	 * Records a planned audit as completed at a past time by its auditor (or by
	 * {@code recordedBy} when it has none), with the answers given then: history carried
	 * over, such as the demo provider's audits. The findings are published as
	 * {@link #complete} publishes them; an alert is due one business day after the
	 * completion and is raised to the line manager only when nothing was recorded about
	 * it yet.
	 */
	@Transactional
	public void recordPastCompletion(long auditId, PastCompletion completion, String recordedBy) {
		Audit audit = find(auditId).orElseThrow(() -> new NotFound("No audit " + auditId));
		if (!audit.open()) {
			throw new AuditChanged("This audit is already " + audit.status().toLowerCase(), audit.updatedBy(),
					audit.updatedAt());
		}
		AuditTemplates.Template template = template(audit);
		for (AnswerInput answer : completion.answers()) {
			this.jdbc.sql("""
					insert into case_audit_answer (audit_id, key_question_code, answer, comment)
					values (:id, :q, :a, :c)
					""")
				.param("id", auditId)
				.param("q", answer.keyQuestionCode())
				.param("a", answer.answer().name())
				.param("c", answer.comment())
				.update();
		}
		for (String prompt : completion.failedPrompts()) {
			this.jdbc.sql("insert into case_audit_failed_prompt (audit_id, prompt_code) values (:id, :p)")
				.param("id", auditId)
				.param("p", prompt)
				.update();
		}
		Timestamp at = Timestamp.from(completion.completedAt());
		this.jdbc.sql("""
				update case_audit set status = 'COMPLETED', completed_at = :at, completed_by = coalesce(auditor, :by),
				    framework_version = :framework, alert = :alert, alert_reason = :reason,
				    summary = :summary, updated_at = :at, updated_by = coalesce(auditor, :by), version = version + 1
				where audit_id = :id
				""")
			.param("at", at)
			.param("by", recordedBy)
			.param("framework", template.frameworkVersion())
			.param("alert", completion.alert())
			.param("reason", completion.alertReason())
			.param("summary", completion.summary())
			.param("id", auditId)
			.update();
		List<String> failed = completion.answers()
			.stream()
			.filter((a) -> a.answer() == Answer.NO)
			.map(AnswerInput::keyQuestionCode)
			.toList();
		this.events.publishEvent(completed(audit, failed, completion.alert(), completion.completedAt()));
		if (!completion.alert()) {
			return;
		}
		LocalDate due = BusinessCalendar.englandAndWales()
			.businessDayAfter(LocalDate.ofInstant(completion.completedAt(), Clocks.LONDON), 1);
		AlertResponse response = completion.alertResponse();
		this.jdbc.sql("""
				insert into audit_alert (audit_id, raised_at, raised_by, due_date, team_code, staff_code, reason,
				    acknowledged_at, acknowledged_by, action_taken)
				values (:id, :at, coalesce(:by, :recordedBy), :due, :team, :staff, :reason, :ackAt, :ackBy, :action)
				""")
			.param("id", auditId)
			.param("at", at)
			.param("by", audit.auditor())
			.param("recordedBy", recordedBy)
			.param("due", due)
			.param("team", audit.teamCode())
			.param("staff", audit.staffCode())
			.param("reason", completion.alertReason())
			.param("ackAt", (response != null) ? Timestamp.from(response.recordedAt()) : null)
			.param("ackBy", (response != null) ? response.recordedBy() : null)
			.param("action", (response != null) ? response.actionTaken() : null)
			.update();
		if (response == null) {
			this.events.publishEvent(
					raised(audit, audit.teamCode(), completion.alertReason(), failed, completion.completedAt(), due));
		}
	}

	/** The version of the template the audit was planned with. */
	public AuditTemplates.Template template(Audit audit) {
		return this.templates.version(audit.templateCode(), audit.templateVersion()).orElseThrow();
	}

	private void checkBelongsToTemplate(AuditInput input, AuditTemplates.Template template) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (AnswerInput answer : input.answers()) {
			if (template.keyQuestion(answer.keyQuestionCode()).isEmpty()) {
				errors.put("answers", "Key question " + answer.keyQuestionCode() + " is not in template "
						+ template.code() + " version " + template.version());
			}
		}
		List<String> prompts = template.promptCodes();
		for (String prompt : input.promptAnswers().keySet()) {
			if (!prompts.contains(prompt)) {
				errors.put("failedPrompts", "Prompt " + prompt + " is not in template " + template.code());
			}
		}
		if (input.summary().length() > 10_000) {
			errors.put("summary", "The summary must be 10,000 characters or fewer");
		}
		if (!errors.isEmpty()) {
			throw new InvalidAudit(errors);
		}
	}

	private void checkMayOpen(Audit audit, CurrentUser user) {
		if (audit.crn() == null) {
			boolean allowed = user.role() == Role.ADMIN || user.role() == Role.QUALITY_TEAM
					|| user.role() == Role.API_CLIENT || user.getUsername().equals(audit.auditor());
			if (!allowed) {
				throw new AccessDeniedException("This self-assessment is assigned to someone else");
			}
			return;
		}
		boolean team = user.role() == Role.ADMIN || user.role() == Role.QUALITY_TEAM || user.role() == Role.API_CLIENT;
		if (!team && !user.getUsername().equals(audit.auditor())) {
			throw new AccessDeniedException("This audit is assigned to someone else");
		}
		if (!this.access.mayOpen(audit.crn(), user.getUsername())) {
			throw new AccessDeniedException("This case is restricted");
		}
	}

	private AuditChanged changed(long auditId) {
		Audit now = find(auditId).orElseThrow(() -> new NotFound("No audit " + auditId));
		LocalDateTime at = LocalDateTime.ofInstant(now.updatedAt(), Clocks.LONDON);
		String message = "This audit was changed by " + now.updatedBy() + " at "
				+ at.format(DateTimeFormatter.ofPattern("HH:mm")) + " since you opened it; your answers were not saved";
		return new AuditChanged(message, now.updatedBy(), now.updatedAt());
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	static List<String> list(List<String> values) {
		return (values != null) ? values : new ArrayList<>();
	}

}
