package org.probity.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.probity.measures.catalogue.Measures;
import org.probity.measures.catalogue.Target;
import org.probity.measures.flags.MeasureFlags;
import org.probity.measures.results.Assessment;
import org.probity.measures.results.MeasureResults;
import org.probity.measures.results.ResultView;
import org.probity.shared.Period;
import org.probity.shared.UnitCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The measures' figures of units for other modules (the reports module's monthly pack,
 * scheduled reports, baseline page and quarterly site ratings): every measure's result
 * for a period, judged exactly as the measures' own pages and API judge it (a period sums
 * its months, never averages, and is judged against the target in force on its first
 * day), with a monthly trend for one unit or without one for many units from one query;
 * and the flags of a month's results or raised on a unit.
 */
@Service
public class UnitFigures {

	/**
	 * One result as {@code GET /api/v1/measures/{code}/results} gives it. RAG is GREEN,
	 * AMBER, RED, NO_CASES or NONE (no target); rating EXCEEDED, MET, NOT_MET,
	 * SERIOUSLY_DEFICIENT, NO_CASES or NONE; each with its word.
	 */
	public record Result(String period, long numerator, long denominator, Double performance, Double target,
			Double trigger, String rag, String ragWord, String rating, String ratingWord) {

		static Result of(MeasureResults.Result r) {
			return judge(r.period(), r.numerator(), r.denominator(), r.target().target(), r.target().trigger());
		}

		/** Below its target (no target or no cases is not below). */
		public boolean belowTarget() {
			return this.performance != null && this.target != null && this.performance < this.target;
		}

		/** Performance to one decimal place, or "No cases". */
		public String percent() {
			return ResultView.percent(this.performance);
		}

	}

	/**
	 * A measure's result for the period with its monthly trend to the period's last month
	 * (empty when read for many units at once).
	 */
	public record Line(String code, String title, Result result, List<Result> trend) {
	}

	/** A flag the results of a month raise, on a unit or (staffCode) a practitioner. */
	public record Flag(String kind, String measureCode, String unitCode, String staffCode, double performance) {
	}

	/** A flag as stored when it was raised, on a unit or on a practitioner. */
	public record RaisedFlag(String kind, String measureCode, String measureTitle, YearMonth month, String unitCode,
			String staffCode, double performance, Instant raisedAt) {
	}

	private final MeasureResults results;

	private final Measures measures;

	private final MeasureFlags flags;

	private final JdbcClient jdbc;

	UnitFigures(MeasureResults results, Measures measures, MeasureFlags flags, JdbcClient jdbc) {
		this.results = results;
		this.measures = measures;
		this.flags = flags;
		this.jdbc = jdbc;
	}

	/**
	 * How the measures judge a result of {@code numerator} of {@code denominator} in the
	 * period against a target and trigger (measures.md, "Status of a result").
	 */
	public static Result judge(Period period, long numerator, long denominator, Double target, Double trigger) {
		Assessment a = Assessment.of(numerator, denominator, target, trigger);
		return new Result(period.code(), numerator, denominator, a.performance(), target, trigger, a.rag().name(),
				a.rag().word(), a.rating().name(), a.rating().word());
	}

	/**
	 * Every measure of the catalogue, in its order, for the unit (counting every team
	 * below it), with a trend of {@code months} months.
	 */
	@Transactional(readOnly = true)
	public List<Line> of(UnitCode unit, Period period, int months) {
		List<Measures.Measure> all = this.measures.all();
		Map<String, MeasureResults.Line> lines = this.results
			.dashboard(all.stream().map(Measures.Measure::code).toList(), unit.value(), false, period, months, null);
		List<Line> out = new ArrayList<>();
		for (Measures.Measure m : all) {
			MeasureResults.Line line = lines.get(m.code());
			out.add(new Line(m.code(), m.title(), Result.of(line.result()),
					line.trend().stream().map(Result::of).toList()));
		}
		return out;
	}

	/**
	 * Every measure of the catalogue, in its order, for each of the units (a unit's
	 * figures count every team below it), in the period, without a trend: one query for
	 * all of them.
	 */
	@Transactional(readOnly = true)
	public Map<UnitCode, List<Line>> of(Collection<UnitCode> units, Period period) {
		Map<String, Map<String, long[]>> totals = new HashMap<>();
		this.jdbc.sql("""
				select unit_code, measure_code, sum(numerator) as n, sum(denominator) as d from measure_unit_result
				where unit_code = any (cast(:units as text[])) and month between :from and :to
				group by unit_code, measure_code
				""")
			.param("units", units.stream().map(UnitCode::value).toArray(String[]::new))
			.param("from", period.startDate())
			.param("to", period.last().atDay(1))
			.query((rs, i) -> totals.computeIfAbsent(rs.getString("unit_code"), (u) -> new HashMap<>())
				.put(rs.getString("measure_code"), new long[] { rs.getLong("n"), rs.getLong("d") }))
			.list();
		List<Measures.Measure> all = this.measures.all();
		Map<String, Target> targets = this.measures.targetsOn(period.startDate());
		Map<UnitCode, List<Line>> figures = new LinkedHashMap<>();
		for (UnitCode unit : units) {
			List<Line> lines = new ArrayList<>(all.size());
			Map<String, long[]> byMeasure = totals.getOrDefault(unit.value(), Map.of());
			for (Measures.Measure m : all) {
				long[] t = byMeasure.getOrDefault(m.code(), new long[2]);
				Target target = targets.getOrDefault(m.code(), Target.NONE);
				lines.add(new Line(m.code(), m.title(), judge(period, t[0], t[1], target.target(), target.trigger()),
						List.of()));
			}
			figures.put(unit, lines);
		}
		return figures;
	}

	/** The flags the results of the month raise, by measure, kind and unit. */
	@Transactional(readOnly = true)
	public List<Flag> flags(YearMonth month) {
		return this.flags.forMonth(month)
			.stream()
			.map((f) -> new Flag(f.kind(), f.measureCode(), f.unitCode(), f.staffCode(), f.performance()))
			.toList();
	}

	/**
	 * The flags on the unit, the units below it and the practitioners of their teams,
	 * raised (stored) between two days in London, in the order they were raised.
	 */
	@Transactional(readOnly = true)
	public List<RaisedFlag> raisedBetween(UnitCode under, LocalDate from, LocalDate to) {
		return raised("(f.raised_at at time zone 'Europe/London')::date between :from and :to", under, from, to);
	}

	/**
	 * The flags stored on a month's results of the unit, the units below and their
	 * practitioners.
	 */
	@Transactional(readOnly = true)
	public List<RaisedFlag> raisedOnMonth(UnitCode under, YearMonth month) {
		return raised("f.month = :from", under, month.atDay(1), month.atDay(1));
	}

	private List<RaisedFlag> raised(String when, UnitCode under, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				select f.kind, f.measure_code, m.title, f.month, f.unit_code, f.staff_code, f.performance, f.raised_at
				from measure_flag f join measure m on m.code = f.measure_code
				where (f.unit_code in (select unit_code from estate_unit_ancestry where ancestor_code = :unit)
				       or f.staff_code in (select s.staff_code from estate_staff s
				                           join estate_unit_ancestry a on a.unit_code = s.team_code
				                           where a.ancestor_code = :unit))
				  and (""" + when + """
				)

				order by f.raised_at, m.ordinal, f.kind, f.id
				""")
			.param("unit", under.value())
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new RaisedFlag(rs.getString(1), rs.getString(2), rs.getString(3),
					YearMonth.from(rs.getObject(4, LocalDate.class)), rs.getString(5),
					(rs.getString(6) != null) ? rs.getString(6).strip() : null, rs.getDouble(7),
					rs.getTimestamp(8).toInstant()))
			.list();
	}

}
