package org.probity.improvement.projects;

import java.time.YearMonth;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Monthly results written straight into the measures' totals for project tests, so that a
 * chart's figures can be worked by hand.
 */
final class ProjectTestData {

	/**
	 * December 2023 to July 2025, cases met of 10 a month (null: no cases): 80% and 90%
	 * in turn to December 2024, June 2024 without cases; 90% from January 2025, seven
	 * months above the baseline mean of 85.
	 */
	static final Integer[] SHIFTED = { 8, 9, 8, 9, 8, 9, null, 8, 9, 8, 9, 8, 9, 9, 9, 9, 9, 9, 9, 9 };

	static final YearMonth FIRST = YearMonth.of(2023, 12);

	private ProjectTestData() {
	}

	static void results(JdbcClient jdbc, String measure, String unit, Integer[] metOfTen) {
		for (int i = 0; i < metOfTen.length; i++) {
			if (metOfTen[i] == null) {
				continue;
			}
			jdbc.sql("""
					insert into measure_unit_result (measure_code, month, unit_code, numerator, denominator)
					values (:measure, :month, :unit, :n, 10)
					on conflict (unit_code, measure_code, month) do update set numerator = excluded.numerator,
					    denominator = excluded.denominator
					""")
				.param("measure", measure)
				.param("month", FIRST.plusMonths(i).atDay(1))
				.param("unit", unit)
				.param("n", metOfTen[i])
				.update();
		}
	}

}
