package org.probity.audits;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts raised by auditors: the practitioner's line manager (the LINE_MANAGER account of
 * the practitioner's team, or an SPO of that team) sees them at once and must record what
 * was done within one business day; unacknowledged alerts past that day are overdue for
 * the quality team.
 */
@Service
public class AuditAlerts {

	public record Alert(long auditId, String crn, String eventId, String teamCode, String teamName, String staffCode,
			String practitioner, String reason, Instant raisedAt, String raisedBy, LocalDate dueDate,
			Instant acknowledgedAt, String acknowledgedBy, String actionTaken, boolean overdue, int version) {

		public boolean open() {
			return this.acknowledgedAt == null;
		}

	}

	private static final String SELECT = """
			select al.audit_id, a.crn, a.event_id, al.team_code, coalesce(u.unit_name, al.team_code) as team_name,
			       al.staff_code, coalesce(s.forename || ' ' || s.surname, al.staff_code) as practitioner, al.reason,
			       al.raised_at, al.raised_by, al.due_date, al.acknowledged_at, al.acknowledged_by, al.action_taken,
			       al.acknowledged_at is null and al.due_date < :today as overdue, al.version
			from audit_alert al join case_audit a on a.audit_id = al.audit_id
			left join staff s on s.staff_code = al.staff_code
			left join unit u on u.unit_code = al.team_code
			""";

	/** The teams whose alerts a user manages. */
	private static final String MANAGED = """
			(al.team_code = cast(:unit as text)
			 or al.team_code in (select team_code from staff where staff_code = cast(:staff as text) and grade = 'SPO')
			 or (cast(:senior as boolean)
			     and al.team_code in (select unit_code from unit_ancestry where ancestor_code = cast(:unit as text))))
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditAlerts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The open alerts a user must act on: for the home page. Line managers and SPOs see
	 * their team's; senior managers their units'; the quality team and admin every open
	 * alert.
	 */
	@Transactional(readOnly = true)
	public List<Alert> openAlertsFor(CurrentUser user) {
		if (everything(user)) {
			return this.jdbc.sql(SELECT + " where al.acknowledged_at is null order by al.due_date, al.audit_id")
				.param("today", today())
				.query(Alert.class)
				.list();
		}
		return this.jdbc
			.sql(SELECT + " where al.acknowledged_at is null and " + MANAGED + " order by al.due_date, al.audit_id")
			.param("today", today())
			.param("unit", user.unitCode())
			.param("staff", user.staffCode())
			.param("senior", user.role() == Role.SENIOR_MANAGER)
			.query(Alert.class)
			.list();
	}

	/** Every alert the user may see, newest first. */
	@Transactional(readOnly = true)
	public List<Alert> visibleTo(CurrentUser user) {
		if (everything(user)) {
			return this.jdbc.sql(SELECT + " order by al.raised_at desc, al.audit_id desc")
				.param("today", today())
				.query(Alert.class)
				.list();
		}
		return this.jdbc.sql(SELECT + " where " + MANAGED + " order by al.raised_at desc, al.audit_id desc")
			.param("today", today())
			.param("unit", user.unitCode())
			.param("staff", user.staffCode())
			.param("senior", user.role() == Role.SENIOR_MANAGER)
			.query(Alert.class)
			.list();
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
	public List<Alert> raisedBetween(String unitCode, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql(SELECT
					+ """
							 where (al.raised_at at time zone 'Europe/London')::date between :from and :to
							   and (cast(:unit as text) is null
							        or al.team_code in (select unit_code from unit_ancestry where ancestor_code = cast(:unit as text)))
							 order by al.raised_at, al.audit_id
							""")
			.param("today", today())
			.param("from", from)
			.param("to", to)
			.param("unit", unitCode)
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
		boolean manages = everything(user) || manages(auditId, user, user.role() == Role.SENIOR_MANAGER);
		if (!manages) {
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
	 * Whether the user is a line manager of the alert's practitioner: one of those who
	 * see the alert as their own team's on the home page (the team's manager, or an SPO
	 * of the team), not by seniority or by a role that sees every alert.
	 */
	@Transactional(readOnly = true)
	boolean isLineManagerFor(long auditId, CurrentUser user) {
		return !everything(user) && user.role() != Role.API_CLIENT && manages(auditId, user, false);
	}

	private boolean manages(long auditId, CurrentUser user, boolean senior) {
		return this.jdbc.sql("select exists (" + SELECT + " where al.audit_id = :id and " + MANAGED + ")")
			.param("today", today())
			.param("id", auditId)
			.param("unit", user.unitCode())
			.param("staff", user.staffCode())
			.param("senior", senior)
			.query(Boolean.class)
			.single();
	}

	private static boolean everything(CurrentUser user) {
		return user.role() == Role.ADMIN || user.role() == Role.QUALITY_TEAM;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
