package org.probity.measures.recomputation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.probity.measures.catalogue.CaseRows;
import org.probity.measures.catalogue.Catalogue;
import org.probity.measures.catalogue.MeasureDefinition;
import org.probity.measures.flags.MeasureFlags;
import org.probity.shared.BulkWrites;
import org.probity.shared.SqlFiles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recomputes every measure for every unit, practitioner and month: one set-based
 * statement per step, into emptied tables whose indexes are built once at the end, then
 * the flags of every stored month. Runs in the caller's transaction.
 */
@Component
class FullRecomputation {

	private static final Logger log = LoggerFactory.getLogger(FullRecomputation.class);

	static final LocalDate EVER_FROM = LocalDate.of(1900, 1, 1);

	static final LocalDate EVER_TO = LocalDate.of(9999, 12, 1);

	private final JdbcClient jdbc;

	private final MeasureInputs inputs;

	private final DatabaseTuning tuning;

	private final MeasureFlags flags;

	private final MeterRegistry meters;

	FullRecomputation(JdbcClient jdbc, MeasureInputs inputs, DatabaseTuning tuning, MeasureFlags flags,
			MeterRegistry meters) {
		this.jdbc = jdbc;
		this.inputs = inputs;
		this.tuning = tuning;
		this.flags = flags;
		this.meters = meters;
	}

	/**
	 * Recomputes everything, reading every contact again when {@code contacts}, else from
	 * the monthly contact summaries (which every contacts import keeps in step).
	 */
	void recompute(boolean contacts) {
		long started = System.nanoTime();
		this.tuning.lock();
		this.tuning.tune();
		Steps steps = new Steps();
		steps.run("truncate", () -> {
			this.jdbc.sql("""
					truncate measure_case, measure_cell, measure_unit_result, measure_event, measure_contact_first
					""").update();
			this.jdbc.sql("update measure_state set horizon = :horizon, computed_at = now(), version = version + 1")
				.param("horizon", this.inputs.horizon())
				.update();
		});
		// Building the indexes once after the inserts is faster than maintaining them.
		List<String> indexes = BulkWrites.dropIndexes(this.jdbc, List.of("measure_case", "measure_cell",
				"measure_unit_result", "measure_event", "measure_contact_first"), false);
		steps.run("events", () -> {
			this.inputs.refreshEvents("true");
			// what the planner needs to sum cells in parallel (V1_5_4)
			this.jdbc.sql("analyze measure_event").update();
		});
		steps.run("contacts", () -> {
			if (contacts) {
				replaceEveryContactMonth();
			}
		});
		steps.run("first contacts",
				() -> this.tuning.insertInParallel("measure_contact_first",
						"event_id, first_after_allocation, first_after_release, first_attended",
						SqlFiles.load("measures/contact_first.sql").replace("{{events}}", "true")));
		steps.run("stored measures",
				() -> this.tuning.insertInParallel("measure_case", CaseRows.COLUMNS,
						Catalogue.all()
							.stream()
							.filter(MeasureDefinition::stored)
							.map((m) -> CaseRows.computed(m.code(), "true"))
							.collect(Collectors.joining("\nunion all\n"))));
		steps.run("totals", () -> {
			this.tuning.insertInParallel("measure_cell",
					"measure_code, month, team_code, staff_code, numerator, denominator",
					(RowDifferences.monthlyCells("true", 1) + "\nunion all\n"
							+ RowDifferences.cells("select * from measure_case", 1))
						// a statement that creates a table takes no parameters
						.replace(":from", "date '" + EVER_FROM + "'")
						.replace(":to", "date '" + EVER_TO + "'"));
			this.jdbc.sql(SqlFiles.load("measures/aggregate.sql").replace("{{touched}}", "true")).update();
		});
		steps.run("indexes", () -> {
			indexes.forEach((ddl) -> this.jdbc.sql(ddl).update());
			this.jdbc
				// (measure_event was analysed once filled)
				.sql("analyze measure_case, measure_cell, measure_unit_result, measure_contact_first")
				.update();
		});
		steps.run("flags", this::raiseFlagsForStoredMonths);
		log.info("Recomputed every measure{} in {} ms ({})", contacts ? "" : " from the contact summaries",
				(System.nanoTime() - started) / 1_000_000, steps);
		Steps.timed(this.meters, contacts ? "full" : "summaries", started);
	}

	/**
	 * A new table filled by one statement, so that PostgreSQL reads the contacts with
	 * parallel workers (it does not for an insert into an existing table), from the
	 * contact_event index in its order rather than hashing every row.
	 */
	private void replaceEveryContactMonth() {
		this.jdbc.sql("drop table if exists measure_contact_month_next").update();
		this.tuning.set("enable_hashagg", false);
		this.tuning.set("enable_seqscan", false);
		this.jdbc
			.sql("create unlogged table measure_contact_month_next as "
					+ SqlFiles.load("measures/contact_month.sql").replace("{{contacts}}", "true"))
			.update();
		this.tuning.set("enable_hashagg", true);
		this.tuning.set("enable_seqscan", true);
		this.jdbc.sql("drop table measure_contact_month").update();
		this.jdbc.sql("alter table measure_contact_month_next rename to measure_contact_month").update();
		this.jdbc.sql("alter table measure_contact_month add primary key (event_id, month)").update();
		// the table is new: its description in the data dictionary becomes its comment
		// again
		this.jdbc.sql("select data_dictionary_comment(null, 'measure_contact_month')").query().listOfRows();
		this.jdbc
			.sql("create index measure_contact_month_month on measure_contact_month using brin (month) "
					+ "with (pages_per_range = 4)")
			.update();
		this.jdbc.sql("analyze measure_contact_month").update();
	}

	private void raiseFlagsForStoredMonths() {
		var range = this.jdbc.sql("select min(month) as first, max(month) as last from measure_unit_result")
			.query((rs,
					i) -> new LocalDate[] { rs.getObject("first", LocalDate.class),
							rs.getObject("last", LocalDate.class) })
			.single();
		if (range[0] != null) {
			this.flags.raise(YearMonth.from(range[0]), YearMonth.from(range[1]));
		}
	}

}
