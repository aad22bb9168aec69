package org.probity.measures.results;

import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.probity.measures.catalogue.Catalogue;
import org.probity.measures.catalogue.CaseRows;
import org.probity.measures.catalogue.Measures;
import org.probity.measures.catalogue.Target;
import org.probity.shared.Period;

/**
 * Results read from the monthly totals: a quarter or year sums its months (numerators and
 * denominators, never averages), and is judged against the target in force on its first
 * day.
 */
@Service
public class MeasureResults {

	/** A unit of the estate. */
	public record Unit(String code, String name, String type, String parentCode) {

		public String typeWord() {
			return switch (this.type) {
				case "PROVIDER" -> "Provider";
				case "REGION" -> "Region";
				case "LDU" -> "LDU";
				default -> "Team";
			};
		}

	}

	/** A member of staff. */
	public record Staff(String code, String name, String teamCode) {
	}

	/** One figure: of a unit (unitCode) or of a practitioner (staffCode). */
	public record Result(String measureCode, Period period, String unitCode, String staffCode, long numerator,
			long denominator, Target target, Assessment assessment) {

		public static Result of(String measureCode, Period period, String unitCode, String staffCode, long numerator,
				long denominator, Target target) {
			return new Result(measureCode, period, unitCode, staffCode, numerator, denominator, target,
					Assessment.of(numerator, denominator, target.target(), target.trigger()));
		}

	}

	/** One case in a denominator, with whether it met the measure and why. */
	public record CaseRow(String eventId, String subjectId, String crn, LocalDate month, String teamCode,
			String staffCode, int numerator, int denominator, String reason) {

		public boolean met() {
			return this.numerator == this.denominator;
		}

	}

	private final JdbcClient jdbc;

	private final Measures measures;

	/**
	 * Results recently read, kept while no recomputation has changed them: a dashboard or
	 * drill-down opened again, paged or sorted is not read again.
	 */
	private final RecentResults recent = new RecentResults(256);

	MeasureResults(JdbcClient jdbc, Measures measures) {
		this.jdbc = jdbc;
		this.measures = measures;
	}

	@Transactional(readOnly = true)
	public Optional<Unit> unit(String code) {
		return this.jdbc.sql(
				"select unit_code as code, unit_name as name, unit_type as type, parent_code from estate_unit where unit_code = :code")
			.param("code", code)
			.query(Unit.class)
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<Staff> staff(String code) {
		return this.jdbc
			.sql("""
					select staff_code as code, forename || ' ' || surname as name, team_code from estate_staff where staff_code = :code
					""")
			.param("code", code)
			.query(Staff.class)
			.optional();
	}

	/** Names of units and staff by code, for lists that name many. */
	public record Names(Map<String, String> units, Map<String, String> staff) {

		/** The unit's name, or its code when the estate has no such unit. */
		public String unit(String code) {
			return (code != null) ? this.units.getOrDefault(code.strip(), code) : "";
		}

		/** The member of staff's name, or their code when the estate has none. */
		public String staff(String code) {
			return (code != null) ? this.staff.getOrDefault(code.strip(), code) : "";
		}

	}

	/** The names of these units and staff (one query each). */
	@Transactional(readOnly = true)
	public Names names(java.util.Collection<String> unitCodes, java.util.Collection<String> staffCodes) {
		Map<String, String> units = new HashMap<>();
		Map<String, String> staff = new HashMap<>();
		if (!unitCodes.isEmpty()) {
			this.jdbc.sql("select unit_code, unit_name from estate_unit where unit_code = any (cast(:codes as text[]))")
				.param("codes", unitCodes.stream().distinct().toArray(String[]::new))
				.query((rs) -> {
					units.put(rs.getString(1).strip(), rs.getString(2));
				});
		}
		if (!staffCodes.isEmpty()) {
			this.jdbc.sql("""
					select staff_code, forename || ' ' || surname from estate_staff
					where staff_code = any (cast(:codes as text[]))
					""")
				.param("codes", staffCodes.stream().map(String::strip).distinct().toArray(String[]::new))
				.query((rs) -> {
					staff.put(rs.getString(1).strip(), rs.getString(2));
				});
		}
		return new Names(units, staff);
	}

	/**
	 * The units among {@code visible} (every unit when null), larger units first, then by
	 * name: the choices of a unit select.
	 */
	@Transactional(readOnly = true)
	public List<Unit> unitsWithin(Set<String> visible) {
		if (visible != null && visible.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select unit_code as code, unit_name as name, unit_type as type, parent_code from estate_unit
				where cast(:units as text[]) is null or unit_code = any (cast(:units as text[]))
				order by case unit_type when 'PROVIDER' then 0 when 'REGION' then 1 when 'LDU' then 2 else 3 end,
				         unit_name, unit_code
				""").param("units", array(visible), Types.ARRAY).query(Unit.class).list();
	}

	/**
	 * What a case list shows beside a case row: the person, the event's dates, the due
	 * date.
	 */
	public record CaseFacts(Map<String, String> people, Map<String, LocalDate[]> eventDates,
			Map<String, LocalDate> dueDates) {

		public String person(String crn) {
			return this.people.getOrDefault(crn, "");
		}

		/** The event's dates that reasons are counted from, as a sentence. */
		public String dates(String eventId) {
			LocalDate[] d = this.eventDates.get(eventId);
			if (d == null) {
				return "";
			}
			List<String> parts = new ArrayList<>();
			String[] words = { "Sentenced", "allocated", "released", "ended" };
			for (int i = 0; i < d.length; i++) {
				if (d[i] != null) {
					String word = parts.isEmpty() ? words[i] : words[i].toLowerCase(java.util.Locale.ROOT);
					parts.add(word + " " + org.probity.shared.web.Format.date(d[i]));
				}
			}
			return parts.isEmpty() ? "" : String.join(", ", parts) + ".";
		}

		/** The date by which a case must be met, for measures with deadlines. */
		public LocalDate due(CaseRow row) {
			return this.dueDates.get(row.eventId() + "|" + row.subjectId() + "|" + row.month());
		}

	}

	/**
	 * The people, event dates and (for measures with deadlines) due dates of these case
	 * rows: a few queries for a page of rows.
	 */
	@Transactional(readOnly = true)
	public CaseFacts caseFacts(String measure, List<CaseRow> rows) {
		Map<String, String> people = new HashMap<>();
		Map<String, LocalDate[]> dates = new HashMap<>();
		Map<String, LocalDate> due = new HashMap<>();
		if (rows.isEmpty()) {
			return new CaseFacts(people, dates, due);
		}
		String[] crns = rows.stream().map(CaseRow::crn).distinct().toArray(String[]::new);
		String[] events = rows.stream().map(CaseRow::eventId).distinct().toArray(String[]::new);
		this.jdbc
			.sql("select crn, forename || ' ' || surname from case_person where crn = any (cast(:crns as char(7)[]))")
			.param("crns", crns)
			.query((rs) -> {
				people.put(rs.getString(1), rs.getString(2));
			});
		this.jdbc.sql("""
				select event_id, sentence_date, allocation_date, release_date, termination_date from case_event
				where event_id = any (cast(:events as text[]))
				""").param("events", events).query((rs) -> {
			dates.put(rs.getString(1),
					new LocalDate[] { rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
							rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class) });
		});
		if (Catalogue.withDueDates().contains(measure)) {
			this.jdbc
				.sql("select m.event_id, m.subject_id, m.month, m.due_date from ("
						+ CaseRows.withDueDates(measure, "e.event_id = any (cast(:events as text[]))") + ") m")
				.param("events", events)
				.query((rs) -> {
					due.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getObject(3, LocalDate.class),
							rs.getObject(4, LocalDate.class));
				});
		}
		return new CaseFacts(people, dates, due);
	}

	/** The units of the estate that have no parent, first by code. */
	@Transactional(readOnly = true)
	public List<Unit> providers() {
		return this.jdbc.sql("""
				select unit_code as code, unit_name as name, unit_type as type, parent_code from estate_unit
				where parent_code is null order by unit_code
				""").query(Unit.class).list();
	}

	/** The unit and its ancestors, from the top down. */
	@Transactional(readOnly = true)
	public List<Unit> ancestry(String code) {
		return this.jdbc.sql("""
				select u.unit_code as code, u.unit_name as name, u.unit_type as type, u.parent_code
				from estate_unit_ancestry a join estate_unit u on u.unit_code = a.ancestor_code
				where a.unit_code = :code order by a.depth desc
				""").param("code", code).query(Unit.class).list();
	}

	@Transactional(readOnly = true)
	public Result unitResult(String measure, Period period, String unitCode) {
		long[] totals = this.jdbc.sql("""
				select coalesce(sum(numerator), 0) as n, coalesce(sum(denominator), 0) as d from measure_unit_result
				where measure_code = :measure and unit_code = :unit and month between :from and :to
				""")
			.param("measure", measure)
			.param("unit", unitCode)
			.param("from", period.startDate())
			.param("to", period.last().atDay(1))
			.query((rs, i) -> new long[] { rs.getLong("n"), rs.getLong("d") })
			.single();
		return Result.of(measure, period, unitCode, null, totals[0], totals[1], target(measure, period));
	}

	/**
	 * A practitioner's result; {@code within}, when not null, counts only the cases held
	 * in those units (a manager sees a practitioner's figures for their own units'
	 * cases).
	 */
	@Transactional(readOnly = true)
	public Result staffResult(String measure, Period period, String staffCode, Set<String> within) {
		long[] totals = this.jdbc.sql("""
				select coalesce(sum(numerator), 0) as n, coalesce(sum(denominator), 0) as d from measure_cell
				where measure_code = :measure and staff_code = :staff and month between :from and :to
				  and (cast(:within as text[]) is null or team_code = any (cast(:within as text[])))
				""")
			.param("within", array(within), Types.ARRAY)
			.param("measure", measure)
			.param("staff", staffCode)
			.param("from", period.startDate())
			.param("to", period.last().atDay(1))
			.query((rs, i) -> new long[] { rs.getLong("n"), rs.getLong("d") })
			.single();
		return Result.of(measure, period, null, staffCode, totals[0], totals[1], target(measure, period));
	}

	/**
	 * Every unit of a level, including those with no cases, optionally only those under
	 * {@code within} (a unit code, or null for all).
	 */
	@Transactional(readOnly = true)
	public List<Result> levelResults(String measure, Period period, String level, String within) {
		Target target = target(measure, period);
		return this.jdbc
			.sql("""
					select u.unit_code, coalesce(sum(r.numerator), 0) as n, coalesce(sum(r.denominator), 0) as d
					from estate_unit u
					left join measure_unit_result r on r.unit_code = u.unit_code and r.measure_code = :measure
					     and r.month between :from and :to
					where u.unit_type = :level
					  and (cast(:within as text) is null
					       or u.unit_code in (select unit_code from estate_unit_ancestry where ancestor_code = cast(:within as text)))
					group by u.unit_code order by u.unit_code
					""")
			.param("measure", measure)
			.param("from", period.startDate())
			.param("to", period.last().atDay(1))
			.param("level", level)
			.param("within", within)
			.query((rs, i) -> Result.of(measure, period, rs.getString("unit_code"), null, rs.getLong("n"),
					rs.getLong("d"), target))
			.list();
	}

	/** The units directly under a unit, with their results. */
	@Transactional(readOnly = true)
	public List<Result> childResults(String measure, Period period, String unitCode) {
		Target target = target(measure, period);
		return this.jdbc.sql("""
				select u.unit_code, coalesce(sum(r.numerator), 0) as n, coalesce(sum(r.denominator), 0) as d
				from estate_unit u
				left join measure_unit_result r on r.unit_code = u.unit_code and r.measure_code = :measure
				     and r.month between :from and :to
				where u.parent_code = :unit
				group by u.unit_code order by u.unit_code
				""")
			.param("measure", measure)
			.param("from", period.startDate())
			.param("to", period.last().atDay(1))
			.param("unit", unitCode)
			.query((rs, i) -> Result.of(measure, period, rs.getString("unit_code"), null, rs.getLong("n"),
					rs.getLong("d"), target))
			.list();
	}

	/**
	 * The practitioners of a team (by their team, or holding events of the team), with
	 * their own results (in every team).
	 */
	@Transactional(readOnly = true)
	public List<Result> practitionerResults(String measure, Period period, String teamCode, Set<String> within) {
		Target target = target(measure, period);
		return this.jdbc.sql("""
				with members as (
				    select staff_code from estate_staff where team_code = :team
				    union
				    select staff_code from measure_event where team_code = :team
				)
				select m.staff_code, coalesce(sum(r.numerator), 0) as n, coalesce(sum(r.denominator), 0) as d
				from members m
				left join measure_cell r on r.staff_code = m.staff_code and r.measure_code = :measure
				     and r.month between :from and :to
				     and (cast(:within as text[]) is null or r.team_code = any (cast(:within as text[])))
				group by m.staff_code order by m.staff_code
				""")
			.param("within", array(within), Types.ARRAY)
			.param("measure", measure)
			.param("from", period.startDate())
			.param("to", period.last().atDay(1))
			.param("team", teamCode)
			.query((rs, i) -> Result.of(measure, period, null, rs.getString("staff_code"), rs.getLong("n"),
					rs.getLong("d"), target))
			.list();
	}

	/**
	 * Monthly results of a unit (or a practitioner when {@code staff}) for the months up
	 * to and including {@code last}, each judged against its own month's target.
	 */
	@Transactional(readOnly = true)
	public List<Result> trend(String measure, String code, boolean staff, YearMonth last, int months,
			Set<String> within) {
		YearMonth first = last.minusMonths(months - 1);
		Map<String, Map<LocalDate, long[]>> totals = monthly(code, staff, first, last, within);
		return trend(measure, code, staff, first, last, totals.getOrDefault(measure, Map.of()),
				this.measures.targetBook());
	}

	/** A measure's result for the period, with its monthly trend. */
	public record Line(Result result, List<Result> trend) {
	}

	/**
	 * The dashboard of a unit or practitioner: every measure's result for the period and
	 * its trend of {@code months} months to the period's last month, from one query.
	 */
	@Transactional(readOnly = true)
	public Map<String, Line> dashboard(List<String> measureCodes, String code, boolean staff, Period period, int months,
			Set<String> within) {
		YearMonth trendFirst = period.last().minusMonths(months - 1);
		YearMonth first = trendFirst.isBefore(period.first()) ? trendFirst : period.first();
		Map<String, Map<LocalDate, long[]>> totals = monthly(code, staff, first, period.last(), within);
		Measures.TargetBook book = this.measures.targetBook();
		Map<String, Line> lines = new java.util.LinkedHashMap<>();
		for (String measure : measureCodes) {
			Map<LocalDate, long[]> byMonth = totals.getOrDefault(measure, Map.of());
			long n = 0;
			long d = 0;
			for (YearMonth m : period.months()) {
				long[] t = byMonth.get(m.atDay(1));
				if (t != null) {
					n += t[0];
					d += t[1];
				}
			}
			Result result = Result.of(measure, period, staff ? null : code, staff ? code : null, n, d,
					book.on(measure, period.startDate()));
			lines.put(measure, new Line(result, trend(measure, code, staff, trendFirst, period.last(), byMonth, book)));
		}
		return lines;
	}

	private Map<String, Map<LocalDate, long[]>> monthly(String code, boolean staff, YearMonth first, YearMonth last,
			Set<String> within) {
		// a practitioner's figures within a manager's units are the cells of those units
		// only: within applies to practitioners, a unit's own figures are all its cases
		Set<String> units = staff ? within : null;
		return this.recent.get(List.of("monthly", code, staff, first, last, String.valueOf(units)), version(),
				() -> readMonthly(code, staff, first, last, units));
	}

	/**
	 * The latest complete month with results: {@code last} (the month before the current
	 * one), or the latest month before it in which any case counted when the data stops
	 * earlier; {@code last} itself when there are no results at all.
	 */
	@Transactional(readOnly = true)
	public YearMonth latestCompleteMonth(YearMonth last) {
		LocalDate latest = this.recent.get(List.of("latest", last), version(), () -> this.jdbc.sql("""
				select max(month) from measure_unit_result where month <= :last and denominator > 0
				""").param("last", last.atDay(1)).query(LocalDate.class).optional().orElse(null));
		return (latest != null) ? YearMonth.from(latest) : last;
	}

	/** The version of the results, moved on by every recomputation (measure_state). */
	long version() {
		return this.jdbc.sql("select version from measure_state").query(Long.class).single();
	}

	private Map<String, Map<LocalDate, long[]>> readMonthly(String code, boolean staff, YearMonth first, YearMonth last,
			Set<String> within) {
		Map<String, Map<LocalDate, long[]>> totals = new HashMap<>();
		String sql = (!staff)
				? "select measure_code, month, numerator, denominator from measure_unit_result"
						+ " where unit_code = :code and month between :from and :to"
				: (within == null)
						? "select measure_code, month, numerator, denominator from measure_staff_result"
								+ " where staff_code = :code and month between :from and :to"
						: "select measure_code, month, sum(numerator) as numerator, sum(denominator) as denominator"
								+ " from measure_cell where staff_code = :code and month between :from and :to"
								+ " and team_code = any (cast(:within as text[])) group by measure_code, month";
		this.jdbc.sql(sql)
			.param("within", array(within), Types.ARRAY)
			.param("code", code)
			.param("from", first.atDay(1))
			.param("to", last.atDay(1))
			.query((rs, i) -> totals.computeIfAbsent(rs.getString("measure_code"), (k) -> new HashMap<>())
				.put(rs.getObject("month", LocalDate.class),
						new long[] { rs.getLong("numerator"), rs.getLong("denominator") }))
			.list();
		return totals;
	}

	private static List<Result> trend(String measure, String code, boolean staff, YearMonth first, YearMonth last,
			Map<LocalDate, long[]> byMonth, Measures.TargetBook book) {
		List<Result> trend = new ArrayList<>();
		for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
			long[] t = byMonth.getOrDefault(m.atDay(1), new long[2]);
			Period period = Period.month(m);
			trend.add(Result.of(measure, period, staff ? null : code, staff ? code : null, t[0], t[1],
					book.on(measure, m.atDay(1))));
		}
		return trend;
	}

	/**
	 * Every case in the denominator of a unit's (or practitioner's) result, not met
	 * first.
	 */
	@Transactional(readOnly = true)
	public List<CaseRow> cases(String measure, Period period, String unitCode, String staffCode) {
		return this.recent.get(List.of("cases", measure, period, String.valueOf(unitCode), String.valueOf(staffCode)),
				version(), () -> List.copyOf(readCases(measure, period, unitCode, staffCode)));
	}

	private List<CaseRow> readCases(String measure, Period period, String unitCode, String staffCode) {
		// The teams are listed first: the planner cannot see how few rows the recursive
		// unit_ancestry view gives and would scan the whole month.
		String[] teams = (staffCode != null) ? new String[0] : this.jdbc.sql("""
				select unit_code from estate_unit_ancestry where ancestor_code = :code
				""").param("code", unitCode).query(String.class).list().toArray(String[]::new);
		// A drill-down lists the events of a team or a practitioner: each one's months
		// are looked up by key. The planner cannot tell how few rows a month series gives
		// per event (it takes a thousand): it would otherwise read a whole month of every
		// event, or every event in key order, the lookups dwarfing all else it compares.
		this.jdbc.sql("set local enable_hashjoin = off").update();
		this.jdbc.sql("set local enable_mergejoin = off").update();
		this.jdbc.sql("set local enable_bitmapscan = off").update();
		this.jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
		return this.jdbc.sql(
				"select r.* from ("
						+ CaseRows.counted(measure,
								(staffCode != null) ? "e.staff_code = :code"
										: "e.team_code = any(cast(:teams as text[]))")
						+ ") r order by (r.numerator = r.denominator), r.month, r.crn, r.subject_id")
			.param("from", period.startDate())
			.param("to", period.last().atDay(1))
			.param("code", (staffCode != null) ? staffCode : unitCode)
			.param("teams", teams)
			.query((rs, i) -> new CaseRow(rs.getString("event_id"), rs.getString("subject_id"), rs.getString("crn"),
					rs.getObject("month", LocalDate.class), rs.getString("team_code"), rs.getString("staff_code"),
					rs.getInt("numerator"), rs.getInt("denominator"), rs.getString("reason")))
			.list();
	}

	private static String[] array(Set<String> units) {
		return (units == null) ? null : units.toArray(String[]::new);
	}

	public Target target(String measure, Period period) {
		return this.measures.targetOn(measure, period.startDate());
	}

}
