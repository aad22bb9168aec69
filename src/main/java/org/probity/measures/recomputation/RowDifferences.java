package org.probity.measures.recomputation;

import java.time.LocalDate;
import java.util.List;

import org.probity.measures.catalogue.CaseRows;
import org.probity.shared.SqlFiles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The per-case rows of an incremental recomputation and what they add to the totals: the
 * rows of the events in a scope table are replaced, and {@code measure_delta} collects
 * the new cells minus the old, per measure, month, team and practitioner.
 */
@Component
class RowDifferences {

	private final JdbcClient jdbc;

	RowDifferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Monthly contact and attendance per measure, month, team and practitioner
	 * (monthly_cells.sql: what their rows add up to), for the events that meet
	 * {@code events} in the months {@code :from} to {@code :to}, times a sign.
	 */
	static String monthlyCells(String events, int sign) {
		return "select measure_code, month, team_code, staff_code, " + sign + " * numerator as numerator, " + sign
				+ " * denominator as denominator from ("
				+ SqlFiles.load("measures/monthly_cells.sql").replace("{{events}}", events) + ") c";
	}

	/** Per measure, month, team and practitioner, the sums of the rows, times a sign. */
	static String cells(String rows, int sign) {
		return "select r.measure_code, r.month, r.team_code, r.staff_code, " + sign
				+ " * sum(r.numerator) as numerator, " + sign + " * sum(r.denominator) as denominator from (" + rows
				+ ") r group by 1, 2, 3, 4";
	}

	/**
	 * Replaces the stored rows of the measures for the events in the scope table, adding
	 * the difference to measure_delta.
	 */
	void replaceStored(List<String> measures, String scope) {
		storedDifference(measures, scope, -1);
		measures.forEach((m) -> insertStored(m, scope));
		storedDifference(measures, scope, 1);
	}

	void insertStored(String measure, String scope) {
		this.jdbc
			.sql("insert into measure_case (" + CaseRows.COLUMNS + ") "
					+ CaseRows.computed(measure, "e.event_id in (select event_id from " + scope + ")"))
			.update();
	}

	/**
	 * Adds monthly contact and attendance of the events in scope in the months
	 * {@code from} to {@code to} to measure_delta, with a sign: -1 for what is counted
	 * now, +1 once recomputed.
	 */
	void derivedDifference(LocalDate from, LocalDate to, int sign) {
		this.jdbc.sql("insert into measure_delta " + monthlyCells(MeasureInputs.SCOPED_EVENTS, sign))
			.param("from", from)
			.param("to", to)
			.update();
	}

	/**
	 * Adds the stored rows of the events in the scope table to measure_delta with a sign:
	 * -1 for the rows counted now, which are then deleted, +1 for those recomputed.
	 */
	void storedDifference(List<String> measures, String scope, int sign) {
		if (measures.isEmpty()) {
			return;
		}
		String scoped = "mc.event_id in (select event_id from " + scope
				+ ") and mc.measure_code = any(cast(:measures as text[]))";
		this.jdbc.sql("insert into measure_delta " + cells("select * from measure_case mc where " + scoped, sign))
			.param("measures", measures.toArray(String[]::new))
			.update();
		if (sign < 0) {
			this.jdbc.sql("delete from measure_case mc where " + scoped)
				.param("measures", measures.toArray(String[]::new))
				.update();
		}
	}

	/** Adds the changes of measure_delta to the totals (cells and unit results). */
	void applyToTotals() {
		this.jdbc.sql(SqlFiles.load("measures/apply_delta.sql")).update();
	}

}
