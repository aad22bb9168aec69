package org.probity.measures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.probity.shared.Period;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every measure's result for many units at once, for other modules (the reports module's
 * quarterly site ratings): a period sums its months, and is judged against the target in
 * force on its first day, exactly as the measures' own pages judge it.
 */
@Service
public class UnitResults {

	/**
	 * One measure's result for a unit. {@code rating} is EXCEEDED, MET, NOT_MET,
	 * SERIOUSLY_DEFICIENT, NO_CASES or NONE (no target); {@code rag} GREEN, AMBER, RED,
	 * NO_CASES or NONE.
	 */
	public record Figure(String measureCode, String title, long numerator, long denominator, Double performance,
			Double target, Double trigger, String rag, String rating, String ratingWord) {

		/** Performance to one decimal place, or "No cases". */
		public String percent() {
			return ResultView.percent(this.performance);
		}

	}

	private final JdbcClient jdbc;

	private final Measures measures;

	UnitResults(JdbcClient jdbc, Measures measures) {
		this.jdbc = jdbc;
		this.measures = measures;
	}

	/**
	 * How the measures judge a result of {@code numerator} of {@code denominator} against
	 * a target and trigger (measures.md, "Status of a result").
	 */
	public static Figure judge(String measureCode, String title, long numerator, long denominator, Double target,
			Double trigger) {
		Assessment a = Assessment.of(numerator, denominator, target, trigger);
		return new Figure(measureCode, title, numerator, denominator, a.performance(), target, trigger, a.rag().name(),
				a.rating().name(), a.rating().word());
	}

	/**
	 * Every measure of the catalogue, in its order, for each of the units (a unit's
	 * figures count every team below it), in the period.
	 */
	@Transactional(readOnly = true)
	public Map<String, List<Figure>> of(Collection<String> unitCodes, Period period) {
		Map<String, Map<String, long[]>> totals = new HashMap<>();
		this.jdbc.sql("""
				select unit_code, measure_code, sum(numerator) as n, sum(denominator) as d from measure_unit_result
				where unit_code = any (cast(:units as text[])) and month between :from and :to
				group by unit_code, measure_code
				""")
			.param("units", unitCodes.toArray(String[]::new))
			.param("from", period.startDate())
			.param("to", period.last().atDay(1))
			.query((rs, i) -> totals.computeIfAbsent(rs.getString("unit_code"), (u) -> new HashMap<>())
				.put(rs.getString("measure_code"), new long[] { rs.getLong("n"), rs.getLong("d") }))
			.list();
		List<Measures.Measure> all = this.measures.all();
		Map<String, Target> targets = this.measures.targetsOn(period.startDate());
		Map<String, List<Figure>> figures = new LinkedHashMap<>();
		for (String unit : unitCodes) {
			List<Figure> line = new ArrayList<>(all.size());
			Map<String, long[]> byMeasure = totals.getOrDefault(unit, Map.of());
			for (Measures.Measure m : all) {
				long[] t = byMeasure.getOrDefault(m.code(), new long[2]);
				Target target = targets.getOrDefault(m.code(), Target.NONE);
				line.add(judge(m.code(), m.title(), t[0], t[1], target.target(), target.trigger()));
			}
			figures.put(unit, line);
		}
		return figures;
	}

}
