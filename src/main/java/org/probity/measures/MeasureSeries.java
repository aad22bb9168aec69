package org.probity.measures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.probity.measures.catalogue.Measures;
import org.probity.measures.results.Assessment;
import org.probity.shared.MeasureCode;
import org.probity.shared.UnitCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A measure's monthly performance for a unit, for other modules: improvement projects
 * chart it as a statistical process control chart.
 */
@Service
public class MeasureSeries {

	/** A measure of the catalogue. */
	public record MeasureTitle(String code, String title) {
	}

	/**
	 * A unit's result for a month; {@code performance} is null when the month had no
	 * cases.
	 */
	public record MonthlyPerformance(YearMonth month, long numerator, long denominator) {

		public Double performance() {
			return Assessment.performance(this.numerator, this.denominator);
		}

	}

	private final JdbcClient jdbc;

	private final Measures measures;

	MeasureSeries(JdbcClient jdbc, Measures measures) {
		this.jdbc = jdbc;
		this.measures = measures;
	}

	/** Every measure, in the catalogue's order. */
	@Transactional(readOnly = true)
	public List<MeasureTitle> measures() {
		return this.measures.all().stream().map((m) -> new MeasureTitle(m.code(), m.title())).toList();
	}

	@Transactional(readOnly = true)
	public Optional<MeasureTitle> measure(MeasureCode code) {
		return this.measures.find(code.value()).map((m) -> new MeasureTitle(m.code(), m.title()));
	}

	/**
	 * The unit's monthly results from {@code from} to the latest month with results for
	 * the unit, every month once, with no cases (0 of 0) where there were none; empty
	 * when the unit has no results from {@code from} on.
	 */
	@Transactional(readOnly = true)
	public List<MonthlyPerformance> monthly(MeasureCode measureCode, UnitCode unit, YearMonth from) {
		Map<LocalDate, long[]> byMonth = new HashMap<>();
		this.jdbc.sql("""
				select month, numerator, denominator from measure_unit_result
				where measure_code = :measure and unit_code = :unit and month >= :from
				""")
			.param("measure", measureCode.value())
			.param("unit", unit.value())
			.param("from", from.atDay(1))
			.query((rs, i) -> byMonth.put(rs.getObject("month", LocalDate.class),
					new long[] { rs.getLong("numerator"), rs.getLong("denominator") }))
			.list();
		if (byMonth.isEmpty()) {
			return List.of();
		}
		YearMonth last = YearMonth.from(byMonth.keySet().stream().max(LocalDate::compareTo).orElseThrow());
		List<MonthlyPerformance> series = new ArrayList<>();
		for (YearMonth m = from; !m.isAfter(last); m = m.plusMonths(1)) {
			long[] t = byMonth.getOrDefault(m.atDay(1), new long[2]);
			series.add(new MonthlyPerformance(m, t[0], t[1]));
		}
		return series;
	}

}
