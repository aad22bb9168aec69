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
		// grouping a national caseload by unit and person needs more than the default 4MB
		this.jdbc.sql("set local work_mem = '64MB'").update();
		this.jdbc.sql("""
				with team_people as (
				    select team_code, crn, count(*) as events from event
				    where termination_date is null
				    group by team_code, crn
				),
				unit_people as (
				    select a.ancestor_code, tp.crn, sum(tp.events) as events
				    from team_people tp join unit_ancestry a on a.unit_code = tp.team_code
				    group by a.ancestor_code, tp.crn
				)
				select ancestor_code, sum(events) as active_events, count(*) as people
				from unit_people group by ancestor_code
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
