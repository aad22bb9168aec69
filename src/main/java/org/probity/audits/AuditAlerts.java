package org.probity.audits;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.estate.Visibility;
import org.probity.shared.Crn;
import org.probity.shared.UnitCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts raised by auditors: the practitioner's line manager (the LINE_MANAGER account of
 * the practitioner's team) sees them at once and must record what was done within one
 * business day; unacknowledged alerts past that day are overdue for the quality team. Who
 * sees which alert is the visibility rule's: managers their units', a practitioner those
 * on their own cases (read-only), the quality team and admin all of them.
 */
@Service
public class AuditAlerts {

	public record Alert(long auditId, String crn, String eventId, String teamCode, String teamName, String staffCode,
			String practitioner, String reason, Instant raisedAt, String raisedBy, LocalDate dueDate,
			Instant acknowledgedAt, String acknowledgedBy, String actionTaken, boolean overdue, boolean restricted,
			int version) {

		public boolean open() {
			return this.acknowledgedAt == null;
		}

		/**
		 * The alert as someone who may not open its restricted case sees it: that it is
		 * there, when it is due, and nothing about the person, the practitioner or the
		 * concern.
		 */
		Alert redacted() {
			return new Alert(this.auditId, this.crn, null, this.teamCode, this.teamName, null, "",
					"Restricted case: you may not see its details", this.raisedAt, "", this.dueDate,
					this.acknowledgedAt, "", (this.acknowledgedAt != null) ? "Recorded" : null, this.overdue, true,
					this.version);
		}

		Visibility.Holding holding() {
			return Visibility.Holding.of(this.crn, this.teamCode, this.staffCode);
		}

	}

	private static final String SELECT = """
			select al.audit_id, a.crn, a.event_id, al.team_code, coalesce(u.unit_name, al.team_code) as team_name,
			       al.staff_code, coalesce(s.forename || ' ' || s.surname, al.staff_code) as practitioner, al.reason,
			       al.raised_at, al.raised_by, al.due_date, al.acknowledged_at, al.acknowledged_by, al.action_taken,
			       al.acknowledged_at is null and al.due_date < :today as overdue, false as restricted,
			       al.version
			from audit_alert al join case_audit a on a.audit_id = al.audit_id
			left join estate_staff s on s.staff_code = al.staff_code
			left join estate_unit u on u.unit_code = al.team_code
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Visibility visibility;

	AuditAlerts(JdbcClient jdbc, Clock clock, Visibility visibility) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.visibility = visibility;
	}

	/**
	 * The open alerts a user must act on or know of, as the visibility rule allows: line
	 * managers their team's, senior managers their units', a practitioner those on their
	 * own cases, the quality team and admin every one; overdue first.
	 */
	@Transactional(readOnly = true)
	public List<Alert> openAlertsFor(CurrentUser user) {
		return scoped(user, "al.acknowledged_at is null", "al.due_date, al.audit_id");
	}

	/**
	 * The home page's summary of the open alerts of {@link #openAlertsFor}: how many, how
	 * many of them overdue, and the first {@code listed} (overdue first), the only ones
	 * shown and so the only ones to log.
	 */
	public record OpenAlerts(long open, long overdue, List<Alert> first) {

		public boolean isEmpty() {
			return this.open == 0;
		}

	}

	@Transactional(readOnly = true)
	public OpenAlerts openAlertsFor(CurrentUser user, int listed) {
		Visibility.Sql inScope = this.visibility.rowsInScope(user, "al.team_code", "al.staff_code");
		long[] open = openAndOverdue(inScope);
		if (open[0] == 0) {
			return new OpenAlerts(0, 0, List.of());
		}
		List<Alert> first = inScope
			.bind(this.jdbc.sql(SELECT + " where al.acknowledged_at is null and " + inScope.text()
					+ " order by al.due_date, al.audit_id limit :listed"))
			.param("today", today())
			.param("listed", listed)
			.query(Alert.class)
			.list();
		return new OpenAlerts(open[0], open[1], visibleOf(user, first));
	}

	/** Every alert the user may see, newest first. */
	@Transactional(readOnly = true)
	public List<Alert> visibleTo(CurrentUser user) {
		return scoped(user, "true", "al.raised_at desc, al.audit_id desc");
	}

	/**
	 * The alerts the user may see among these, in their order: out of scope left out, a
	 * restricted case the user may not open redacted.
	 */
	public List<Alert> visibleOf(CurrentUser user, List<Alert> alerts) {
		return this.visibility.filter(user, alerts, Alert::holding)
			.stream()
			.map((shown) -> shown.restricted() ? shown.row().redacted() : shown.row())
			.toList();
	}

	/** Writes the access log for a response that showed these alerts. */
	public void logShown(CurrentUser user, String shown, List<Alert> alerts) {
		this.visibility.logCases(user, shown,
				alerts.stream().filter((a) -> !a.restricted()).map(Alert::crn).map(Crn::new).toList(),
				alerts.stream().filter(Alert::restricted).map(Alert::crn).map(Crn::new).toList());
	}

	private List<Alert> scoped(CurrentUser user, String where, String order) {
		Visibility.Sql inScope = this.visibility.rowsInScope(user, "al.team_code", "al.staff_code");
		List<Alert> alerts = inScope
			.bind(this.jdbc.sql(SELECT + " where " + where + " and " + inScope.text() + " order by " + order))
			.param("today", today())
			.query(Alert.class)
			.list();
		return visibleOf(user, alerts);
	}

	/**
	 * How many alerts are open (and of them overdue) and how many audits are past their
	 * due date and not done, among those the user may see: counts only, no case named.
	 */
	public record Counts(long alertsOpen, long alertsOverdue, long auditsOverdue) {

		public String alertsText() {
			return org.probity.shared.web.Format.count(this.alertsOpen, "audit alert");
		}

		public String alertsOverdueText() {
			return org.probity.shared.web.Format.number(this.alertsOverdue) + " overdue";
		}

		public String auditsText() {
			return org.probity.shared.web.Format.count(this.auditsOverdue, "overdue audit");
		}

	}

	@Transactional(readOnly = true)
	public Counts countsFor(CurrentUser user) {
		long[] open = openAndOverdue(this.visibility.rowsInScope(user, "al.team_code", "al.staff_code"));
		Visibility.Sql audits = this.visibility.rowsInScope(user, "a.team_code", "a.staff_code");
		long overdueAudits = audits.bind(this.jdbc.sql("""
				select count(*) from case_audit a
				where a.status in ('PLANNED', 'IN_PROGRESS') and a.due_date < :today and """ + " " + audits.text()))
			.param("today", today())
			.query(Long.class)
			.single();
		return new Counts(open[0], open[1], overdueAudits);
	}

	/** How many alerts in scope are open, and of them overdue. */
	private long[] openAndOverdue(Visibility.Sql inScope) {
		return inScope.bind(this.jdbc.sql("""
				select count(*), count(*) filter (where al.due_date < :today) from audit_alert al
				where al.acknowledged_at is null and """ + " " + inScope.text()))
			.param("today", today())
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	/** Unacknowledged alerts past their one business day: for the quality team. */
	@Transactional(readOnly = true)
	public List<Alert> overdue() {
		return this.jdbc
			.sql(SELECT
					+ " where al.acknowledged_at is null and al.due_date < :today order by al.due_date, al.audit_id")
			.param("today", today())
			.query(Alert.class)
			.list();
	}

	@Transactional(readOnly = true)
	public List<Alert> raisedBetween(UnitCode unit, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql(SELECT
					+ """
							 where (al.raised_at at time zone 'Europe/London')::date between :from and :to
							   and (cast(:unit as text) is null
							        or al.team_code in (select unit_code from estate_unit_ancestry where ancestor_code = cast(:unit as text)))
							 order by al.raised_at, al.audit_id
							""")
			.param("today", today())
			.param("from", from)
			.param("to", to)
			.param("unit", (unit != null) ? unit.value() : null)
			.query(Alert.class)
			.list();
	}

	/** The line manager records what was done about the alert, as it is now. */
	@Transactional
	public void acknowledge(long auditId, String actionTaken, CurrentUser user) {
		acknowledge(auditId, actionTaken, null, user);
	}

	/**
	 * The line manager records what was done about the alert as they saw it at
	 * {@code version} (null: as it is now). The update holds the version and an open
	 * alert in its WHERE clause, so that of two people recording at the same time one is
	 * refused and told, never overwritten or lost silently.
	 * @throws AuditChanged when the alert was recorded or changed since
	 */
	@Transactional
	public void acknowledge(long auditId, String actionTaken, Integer version, CurrentUser user) {
		if (actionTaken == null || actionTaken.isBlank()) {
			throw new IllegalArgumentException("Enter what was done about the alert");
		}
		Alert alert = find(auditId).orElseThrow(() -> new NotFound("No alert for audit " + auditId));
		List<Alert> visible = visibleOf(user, List.of(alert));
		if (user.role() == Role.PRACTITIONER || user.role() == Role.API_CLIENT || visible.isEmpty()
				|| visible.get(0).restricted()) {
			throw new AccessDeniedException("Only the practitioner's line manager can record what was done");
		}
		if (!alert.open()) {
			throw alreadyRecorded(alert);
		}
		int seen = (version != null) ? version : alert.version();
		int changed = this.jdbc.sql("""
				update audit_alert set acknowledged_at = :now, acknowledged_by = :by, action_taken = :action,
				       version = version + 1
				where audit_id = :id and acknowledged_at is null and version = :version
				""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", user.getUsername())
			.param("action", actionTaken.trim())
			.param("id", auditId)
			.param("version", seen)
			.update();
		if (changed == 0) {
			Alert now = find(auditId).orElseThrow(() -> new NotFound("No alert for audit " + auditId));
			throw now.open() ? new AuditChanged(
					"The alert was changed since you opened it: check it and record what was done again",
					now.acknowledgedBy(), now.acknowledgedAt()) : alreadyRecorded(now);
		}
	}

	private static AuditChanged alreadyRecorded(Alert alert) {
		return new AuditChanged(
				"What was done was already recorded by " + alert.acknowledgedBy() + ": your note was not saved",
				alert.acknowledgedBy(), alert.acknowledgedAt());
	}

	/** The alert raised on an audit, if any. */
	@Transactional(readOnly = true)
	public Optional<Alert> find(long auditId) {
		return this.jdbc.sql(SELECT + " where al.audit_id = :id")
			.param("today", today())
			.param("id", auditId)
			.query(Alert.class)
			.optional();
	}

	/**
	 * Whether the user is a line manager of the alert's practitioner: a line manager
	 * whose team holds the case (for alert emails), not by seniority or by a role that
	 * sees every alert.
	 */
	@Transactional(readOnly = true)
	public boolean isLineManagerFor(long auditId, CurrentUser user) {
		if (user.role() != Role.LINE_MANAGER) {
			return false;
		}
		return find(auditId).map((alert) -> !visibleOf(user, List.of(alert)).isEmpty()).orElse(false);
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
