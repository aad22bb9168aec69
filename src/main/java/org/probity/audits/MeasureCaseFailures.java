package org.probity.audits;

import java.util.HashSet;
import java.util.Set;

import org.probity.shared.Period;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stand-in until the measures module offers failures through its API: reads the measures
 * module's measure_case table (measure_code, month, event_id, numerator, denominator) if
 * it exists, and finds nothing otherwise. The integrator replaces this bean.
 */
@Component
class MeasureCaseFailures implements MeasureFailures {

	private final JdbcClient jdbc;

	MeasureCaseFailures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> failingEventIds(String measureCode, Period period) {
		boolean exists = this.jdbc.sql("select to_regclass('measure_case') is not null").query(Boolean.class).single();
		if (!exists) {
			return Set.of();
		}
		// month may be a date (first of the month) or text 'YYYY-MM': compare its first
		// seven characters
		return new HashSet<>(this.jdbc.sql("""
				select distinct event_id from measure_case
				where measure_code = :code and left(month::text, 7) between :from and :to
				  and denominator > 0 and numerator < denominator
				""")
			.param("code", measureCode)
			.param("from", period.first().toString())
			.param("to", period.last().toString())
			.query(String.class)
			.list());
	}

}
