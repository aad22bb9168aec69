package org.probity.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.probity.shared.Period;
import org.probity.shared.UnitCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit's measures and flags for other modules (the scheduled reports): every measure's
 * result for a period beside the period before, judged as the measures' own pages judge
 * them, and the flags raised on the unit, its units below and their practitioners.
 */
@Service
public class UnitMeasureFigures {

	/**
	 * One result. {@code rag} is GREEN, AMBER, RED, NO_CASES or NONE (no target), with
	 * its word; {@code rating} in words ("Met", "Seriously deficient"...).
	 */
	public record Figure(long numerator, long denominator, Double performance, Double target, Double trigger,
			String rag, String ragWord, String rating) {

		static Figure of(MeasureResults.Result r) {
			Assessment a = r.assessment();
			return new Figure(r.numerator(), r.denominator(), a.performance(), r.target().target(),
					r.target().trigger(), a.rag().name(), a.rag().word(), a.rating().word());
		}

	}

	/** A measure's result for the period and for the period before it. */
	public record Line(String code, String title, Figure current, Figure previous) {
	}

	/** A flag as stored when it was raised, on a unit or on a practitioner. */
	public record RaisedFlag(String kind, String measureCode, String measureTitle, YearMonth month, String unitCode,
			String staffCode, double performance, Instant raisedAt) {
	}

	private final MeasureResults results;

	private final Measures measures;

	private final JdbcClient jdbc;

	UnitMeasureFigures(MeasureResults results, Measures measures, JdbcClient jdbc) {
		this.results = results;
		this.measures = measures;
		this.jdbc = jdbc;
	}

	/**
	 * Every measure of the unit for the period and the period before, in catalogue order.
	 */
	@Transactional(readOnly = true)
	public List<Line> of(UnitCode unit, Period period) {
		List<Measures.Measure> all = this.measures.all();
		List<String> codes = all.stream().map(Measures.Measure::code).toList();
		Map<String, MeasureResults.Line> now = this.results.dashboard(codes, unit.value(), false, period, 1, null);
		Map<String, MeasureResults.Line> before = this.results.dashboard(codes, unit.value(), false, period.previous(),
				1, null);
		List<Line> lines = new ArrayList<>();
		for (Measures.Measure m : all) {
			lines.add(new Line(m.code(), m.title(), Figure.of(now.get(m.code()).result()),
					Figure.of(before.get(m.code()).result())));
		}
		return lines;
	}

	/**
	 * The flags on the unit, the units below it and the practitioners of their teams,
	 * raised (stored) between two days in London, in the order they were raised.
	 */
	@Transactional(readOnly = true)
	public List<RaisedFlag> raisedBetween(UnitCode under, LocalDate from, LocalDate to) {
		return flags("(f.raised_at at time zone 'Europe/London')::date between :from and :to", under, from, to);
	}

	/**
	 * The flags of a month's results on the unit, the units below and their
	 * practitioners.
	 */
	@Transactional(readOnly = true)
	public List<RaisedFlag> ofMonth(UnitCode under, YearMonth month) {
		return flags("f.month = :from", under, month.atDay(1), month.atDay(1));
	}

	private List<RaisedFlag> flags(String when, UnitCode under, LocalDate from, LocalDate to) {
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
