package org.probity.cases;

import java.util.HashMap;
import java.util.Map;

import org.probity.estate.CaseloadCounts;
import org.probity.estate.Estate;
import org.probity.estate.Staff;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Caseloads for the estate pages. An active event is one not yet terminated; a case is
 * counted for its event's team and every unit above it (measures.md, "Unit"), and for the
 * event's responsible officer.
 */
@Component
class Caseloads implements CaseloadCounts {

	private final JdbcClient jdbc;

	private final Estate estate;

	Caseloads(JdbcClient jdbc, Estate estate) {
		this.jdbc = jdbc;
		this.estate = estate;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UnitCode, Caseload> byUnit() {
		Map<UnitCode, Caseload> counts = new HashMap<>();
		// grouping a national caseload by person and team needs more than the default 4MB
		this.jdbc.sql("set local work_mem = '64MB'").update();
		// A person is counted once in each unit with an active event of theirs. Most
		// people's active events are all in one team: counted by team and added up the
		// tree. Only the few active in several teams are counted unit by unit. (Counting
		// every person for every unit above their team took four times as long.)
		this.jdbc.sql("""
				with person_teams as (
				    select crn, team_code, count(*) as events, count(*) over (partition by crn) as teams
				    from event
				    where termination_date is null
				    group by crn, team_code
				),
				teams as (
				    select team_code, sum(events) as events, count(*) filter (where teams = 1) as people
				    from person_teams
				    group by team_code
				),
				several_teams as (
				    select a.ancestor_code, count(distinct pt.crn) as people
				    from person_teams pt join estate_unit_ancestry a on a.unit_code = pt.team_code
				    where pt.teams > 1
				    group by a.ancestor_code
				)
				select u.ancestor_code, u.active_events, u.people + coalesce(s.people, 0) as people
				from (
				    select a.ancestor_code, sum(t.events) as active_events, sum(t.people) as people
				    from teams t join estate_unit_ancestry a on a.unit_code = t.team_code
				    group by a.ancestor_code
				) u
				left join several_teams s on s.ancestor_code = u.ancestor_code
				""").query((rs) -> {
			counts.put(new UnitCode(rs.getString("ancestor_code")),
					new Caseload(rs.getLong("active_events"), rs.getLong("people")));
		});
		return counts;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<StaffCode, Caseload> byStaffOfTeam(UnitCode teamCode) {
		String[] codes = this.estate.staffOfTeam(teamCode)
			.stream()
			.map(Staff::code)
			.map(StaffCode::value)
			.toArray(String[]::new);
		Map<StaffCode, Caseload> counts = new HashMap<>();
		if (codes.length == 0) {
			return counts;
		}
		this.jdbc.sql("""
				select e.staff_code, count(*) as active_events, count(distinct e.crn) as people
				from event e
				where e.termination_date is null and e.staff_code = any (:codes)
				group by e.staff_code
				""").param("codes", codes).query((rs) -> {
			counts.put(new StaffCode(rs.getString("staff_code")),
					new Caseload(rs.getLong("active_events"), rs.getLong("people")));
		});
		return counts;
	}

}
