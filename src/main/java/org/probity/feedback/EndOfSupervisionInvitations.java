package org.probity.feedback;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.probity.accounts.CurrentUser;
import org.probity.estate.Visibility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * End-of-supervision invitations for the practitioner to hand over: the events that
 * terminated in a month (read through the cases module's published {@code case_event}),
 * within the user's scope, each with a one-time invitation token for the
 * {@code END_OF_SUPERVISION} round of the event's team. The round is the one of that team
 * open today and using invitations; when there is none, one is opened from today for
 * three months. Events ended by death are left out. The invitation stores only its token
 * and round: the CRN stays on the page.
 */
@Service
class EndOfSupervisionInvitations {

	static final String QUESTIONNAIRE = "END_OF_SUPERVISION";

	/** One terminated event, as the page lists it. */
	record Ended(String eventId, String crn, String eventType, LocalDate terminationDate, String terminationReason,
			String staffCode, String staffName, String teamCode, String teamName) {

		Visibility.Holding holding() {
			return Visibility.Holding.of(this.crn, this.teamCode, this.staffCode);
		}

	}

	/**
	 * A row of the page: restricted rows carry no round nor link and show the CRN only.
	 */
	record Invitation(Ended event, boolean restricted, SurveyRound round, String token, String path) {
	}

	private final JdbcClient jdbc;

	private final Surveys surveys;

	private final FeedbackScope scope;

	private final Clock clock;

	EndOfSupervisionInvitations(JdbcClient jdbc, Surveys surveys, FeedbackScope scope, Clock clock) {
		this.jdbc = jdbc;
		this.surveys = surveys;
		this.scope = scope;
		this.clock = clock;
	}

	/**
	 * The events that terminated in the month, at or below the unit (every unit when
	 * null), that the user may see, newest termination first; logged in the case access
	 * log as shown. With {@code invite}, each row the user may open gets a new one-time
	 * invitation token.
	 */
	@Transactional
	public List<Invitation> list(CurrentUser user, YearMonth month, String underUnit, boolean invite) {
		List<Ended> ended = this.jdbc.sql("""
				select e.event_id, e.crn, e.event_type, e.termination_date, e.termination_reason, e.staff_code,
				       trim(s.forename || ' ' || s.surname) as staff_name, e.team_code, u.unit_name as team_name
				from case_event e
				left join estate_staff s on s.staff_code = e.staff_code
				left join estate_unit u on u.unit_code = e.team_code
				where e.termination_date between :first and :last and e.termination_reason <> 'DECEASED'
				  and (cast(:unit as text) is null
				       or e.team_code in (select a.unit_code from estate_unit_ancestry a where a.ancestor_code = :unit))
				order by e.termination_date desc, e.crn, e.event_id
				""")
			.param("first", month.atDay(1))
			.param("last", month.atEndOfMonth())
			.param("unit", underUnit, Types.VARCHAR)
			.query((rs, n) -> new Ended(rs.getString("event_id"), rs.getString("crn"), rs.getString("event_type"),
					rs.getObject("termination_date", LocalDate.class), rs.getString("termination_reason"),
					rs.getString("staff_code"), rs.getString("staff_name"), rs.getString("team_code"),
					rs.getString("team_name")))
			.list();
		List<Visibility.Shown<Ended>> shown = this.scope.cases(user, ended, Ended::holding);
		this.scope.logCases(user, "feedback end-of-supervision invitations " + month, shown, Ended::holding);
		Map<String, SurveyRound> rounds = new HashMap<>();
		List<Invitation> rows = new ArrayList<>();
		for (Visibility.Shown<Ended> row : shown) {
			Ended event = row.row();
			if (row.restricted() || event.teamCode() == null) {
				rows.add(new Invitation(event, row.restricted(), null, null, null));
				continue;
			}
			SurveyRound round = rounds.computeIfAbsent(event.teamCode(), (team) -> round(team, user.getUsername()));
			String token = invite ? this.surveys.invite(round.id(), 1).get(0) : null;
			rows.add(new Invitation(event, false, round, token,
					(token != null) ? round.publicPath() + "?invitation=" + token : null));
		}
		return rows;
	}

	/**
	 * The team's end-of-supervision round open today with invitations, opened if missing.
	 */
	private SurveyRound round(String teamCode, String username) {
		LocalDate today = LocalDate.now(this.clock);
		// one round per team even when two people open the page at once
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('feedback-end-of-supervision-round'), hashtext(:team))")
			.param("team", teamCode)
			.query((rs, n) -> 1)
			.list();
		return this.jdbc.sql("""
				select round_id from survey_round
				where questionnaire_code = :q and unit_code = :team and uses_invitations
				  and opens_on <= :today and closes_on >= :today
				order by closes_on desc, round_id desc limit 1
				""")
			.param("q", QUESTIONNAIRE)
			.param("team", teamCode)
			.param("today", today)
			.query(Long.class)
			.optional()
			.flatMap(this.surveys::round)
			.orElseGet(() -> this.surveys.openRound(QUESTIONNAIRE, teamCode,
					"End of supervision from " + org.probity.shared.Dates.format(today), today, today.plusMonths(3),
					true, username));
	}

}
