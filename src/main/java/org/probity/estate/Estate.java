package org.probity.estate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider's organisation tree (provider, regions, LDUs, teams) and its staff, as
 * last imported.
 */
@Service
@Transactional(readOnly = true)
public class Estate {

	private static final String UNIT_COLUMNS = "u.unit_code, u.unit_name, u.unit_type, u.parent_code";

	private static final String STAFF_COLUMNS = "s.staff_code, s.forename, s.surname, s.grade, s.team_code, s.start_date, s.end_date";

	private final JdbcClient jdbc;

	private final Clock clock;

	Estate(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Every unit, parents before children, then by code. */
	public List<Unit> units() {
		return this.jdbc.sql("""
				select %s from unit u
				join unit_ancestry a on a.unit_code = u.unit_code
				group by u.unit_code
				order by max(a.depth), u.unit_code
				""".formatted(UNIT_COLUMNS)).query(Estate::unit).list();
	}

	public Optional<Unit> unit(UnitCode code) {
		return this.jdbc.sql("select %s from unit u where u.unit_code = :code".formatted(UNIT_COLUMNS))
			.param("code", code.value())
			.query(Estate::unit)
			.optional();
	}

	public List<Unit> children(UnitCode code) {
		return this.jdbc
			.sql("select %s from unit u where u.parent_code = :code order by u.unit_name, u.unit_code"
				.formatted(UNIT_COLUMNS))
			.param("code", code.value())
			.query(Estate::unit)
			.list();
	}

	/** The units above this one, from the provider down to its parent. */
	public List<Unit> ancestors(UnitCode code) {
		return this.jdbc.sql("""
				select %s from unit_ancestry a join unit u on u.unit_code = a.ancestor_code
				where a.unit_code = :code and a.depth > 0
				order by a.depth desc
				""".formatted(UNIT_COLUMNS)).param("code", code.value()).query(Estate::unit).list();
	}

	/** The teams at or below the unit (the unit itself when it is a team). */
	public Set<UnitCode> teamsUnder(UnitCode code) {
		return new LinkedHashSet<>(this.jdbc.sql("""
				select a.unit_code from unit_ancestry a join unit u on u.unit_code = a.unit_code
				where a.ancestor_code = :code and u.unit_type = 'TEAM'
				order by a.unit_code
				""").param("code", code.value()).query((rs, n) -> new UnitCode(rs.getString(1))).list());
	}

	public Optional<Staff> staff(StaffCode code) {
		return this.jdbc.sql("select %s from staff s where s.staff_code = :code".formatted(STAFF_COLUMNS))
			.param("code", code.value())
			.query(Estate::staff)
			.optional();
	}

	/** Everyone who has been in the team, in post or not, by surname. */
	public List<Staff> staffOfTeam(UnitCode teamCode) {
		return this.jdbc.sql("""
				select %s from staff s where s.team_code = :team order by s.surname, s.forename, s.staff_code
				""".formatted(STAFF_COLUMNS)).param("team", teamCode.value()).query(Estate::staff).list();
	}

	/**
	 * The senior probation officer (SPO) in post in the staff member's team, other than
	 * themselves: the line manager who is told of an audit alert. When a team has more
	 * than one SPO the longest-serving one is taken.
	 */
	public Optional<Staff> lineManagerOf(StaffCode code) {
		LocalDate today = LocalDate.now(this.clock);
		return this.jdbc.sql("""
				select %s from staff s join staff member on member.team_code = s.team_code
				where member.staff_code = :code and s.staff_code <> member.staff_code and s.grade = 'SPO'
				  and s.start_date <= :today and (s.end_date is null or s.end_date > :today)
				order by s.start_date, s.staff_code
				limit 1
				""".formatted(STAFF_COLUMNS))
			.param("code", code.value())
			.param("today", today)
			.query(Estate::staff)
			.optional();
	}

	/**
	 * Staff in post today in each unit, counting a team's staff for every unit above it.
	 */
	public Map<UnitCode, Long> staffInPost() {
		Map<UnitCode, Long> counts = new LinkedHashMap<>();
		this.jdbc.sql("""
				select a.ancestor_code, count(*) from staff s
				join unit_ancestry a on a.unit_code = s.team_code
				where s.start_date <= :today and (s.end_date is null or s.end_date > :today)
				group by a.ancestor_code
				""").param("today", LocalDate.now(this.clock)).query((rs) -> {
			counts.put(new UnitCode(rs.getString(1)), rs.getLong(2));
		});
		return counts;
	}

	private static Unit unit(ResultSet rs, int row) throws SQLException {
		String parent = rs.getString("parent_code");
		return new Unit(new UnitCode(rs.getString("unit_code")), rs.getString("unit_name"),
				UnitType.valueOf(rs.getString("unit_type")), (parent != null) ? new UnitCode(parent) : null);
	}

	private static Staff staff(ResultSet rs, int row) throws SQLException {
		return new Staff(new StaffCode(rs.getString("staff_code")), rs.getString("forename"), rs.getString("surname"),
				Grade.valueOf(rs.getString("grade")), new UnitCode(rs.getString("team_code")),
				rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class));
	}

}
