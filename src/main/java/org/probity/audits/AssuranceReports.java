package org.probity.audits;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.probity.accounts.CurrentUser;
import org.probity.shared.UnitCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly audit programme assurance report (case-audit.md, "Audit programmes"): for a
 * month and a unit, audits planned, done and late by team; ratings by standard; alert
 * cases and what was done; the commonest failed prompts.
 */
@Service
public class AssuranceReports {

	public record TeamLine(String teamCode, String teamName, long planned, long done, long late, long missed) {
	}

	public record FailedPrompt(String templateCode, String promptCode, String text, String keyQuestionCode,
			long audits) {
	}

	public record Report(YearMonth month, String unitCode, String unitName, List<TeamLine> teams, TeamLine total,
			AuditRatings.Result ratings, List<AuditAlerts.Alert> alerts, List<FailedPrompt> failedPrompts,
			long auditsCompleted) {
	}

	private final JdbcClient jdbc;

	private final AuditRatings ratings;

	private final AuditAlerts alerts;

	private final Clock clock;

	AssuranceReports(JdbcClient jdbc, AuditRatings ratings, AuditAlerts alerts, Clock clock) {
		this.jdbc = jdbc;
		this.ratings = ratings;
		this.alerts = alerts;
		this.clock = clock;
	}

	/** Writes the access log for a response that showed the report's alert rows. */
	public void logShown(CurrentUser user, String shown, Report report) {
		this.alerts.logShown(user, shown, report.alerts());
	}

	/**
	 * The month a report opens on: the latest month in which an audit was completed (in
	 * London time), not after the current month; the month before the current one when no
	 * audit has been completed yet.
	 */
	@Transactional(readOnly = true)
	public YearMonth latestMonthWithCompletedAudits() {
		YearMonth current = YearMonth.now(this.clock);
		java.time.LocalDate latest = this.jdbc.sql("""
				select max((completed_at at time zone 'Europe/London')::date) from case_audit
				where status = 'COMPLETED' and (completed_at at time zone 'Europe/London')::date < :next
				""")
			.param("next", current.plusMonths(1).atDay(1))
			.query(java.time.LocalDate.class)
			.optional()
			.orElse(null);
		return (latest != null) ? YearMonth.from(latest) : current.minusMonths(1);
	}

	/**
	 * @param unitCode null for every unit
	 * @param user whose view of the alert rows the report gives
	 */
	@Transactional(readOnly = true)
	public Report report(YearMonth month, UnitCode unit, CurrentUser user) {
		String unitCode = (unit != null) ? unit.value() : null;
		LocalDate from = month.atDay(1);
		LocalDate to = month.atEndOfMonth();
		String unitName = (unitCode == null) ? "All units"
				: this.jdbc.sql("select unit_name from estate_unit where unit_code = :u")
					.param("u", unitCode)
					.query(String.class)
					.optional()
					.orElseThrow(() -> new NotFound("No unit " + unitCode));
		// planned = audits due in the month; late = still open after the due date, or
		// completed after it
		List<TeamLine> teams = this.jdbc
			.sql("""
					select a.team_code, coalesce(u.unit_name, a.team_code) as team_name, count(*) as planned,
					       count(*) filter (where a.status = 'COMPLETED') as done,
					       count(*) filter (where (a.status in ('PLANNED', 'IN_PROGRESS') and a.due_date < :today)
					           or (a.status = 'COMPLETED' and (a.completed_at at time zone 'Europe/London')::date > a.due_date)) as late,
					       count(*) filter (where a.status = 'MISSED') as missed
					from case_audit a left join estate_unit u on u.unit_code = a.team_code
					where a.due_date between :from and :to
					  and (cast(:unit as text) is null
					       or a.team_code in (select unit_code from estate_unit_ancestry where ancestor_code = cast(:unit as text)))
					group by a.team_code, u.unit_name
					order by team_name
					""")
			.param("from", from)
			.param("to", to)
			.param("today", LocalDate.now(this.clock))
			.param("unit", unitCode)
			.query(TeamLine.class)
			.list();
		TeamLine total = new TeamLine(null, "Total", teams.stream().mapToLong(TeamLine::planned).sum(),
				teams.stream().mapToLong(TeamLine::done).sum(), teams.stream().mapToLong(TeamLine::late).sum(),
				teams.stream().mapToLong(TeamLine::missed).sum());
		List<FailedPrompt> prompts = this.jdbc
			.sql("""
					select a.template_code, f.prompt_code, min(p.text) as text, min(p.key_question_code) as key_question_code,
					       count(distinct a.audit_id) as audits
					from case_audit a
					join case_audit_failed_prompt f on f.audit_id = a.audit_id
					join audit_prompt p on p.template_code = a.template_code and p.version = a.template_version
					     and p.prompt_code = f.prompt_code
					where a.status = 'COMPLETED'
					  and (a.completed_at at time zone 'Europe/London')::date between :from and :to
					  and (cast(:unit as text) is null
					       or a.team_code in (select unit_code from estate_unit_ancestry where ancestor_code = cast(:unit as text)))
					group by a.template_code, f.prompt_code
					order by audits desc, a.template_code, f.prompt_code
					limit 10
					""")
			.param("from", from)
			.param("to", to)
			.param("unit", unitCode)
			.query(FailedPrompt.class)
			.list();
		AuditRatings.Result result = this.ratings.rate(AuditRatings.Scope.unit(unit, from, to));
		return new Report(month, unitCode, unitName, teams, total, result,
				this.alerts.visibleOf(user, this.alerts.raisedBetween(unit, from, to)), prompts,
				result.auditsCompleted());
	}

}
