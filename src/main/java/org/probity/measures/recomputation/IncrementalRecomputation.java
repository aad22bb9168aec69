package org.probity.measures.recomputation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.probity.imports.Dataset;
import org.probity.measures.catalogue.Catalogue;
import org.probity.measures.flags.MeasureFlags;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recomputes the rows of the events an import changed (the scope), then the totals of
 * every (measure, month) whose rows changed, by the new rows minus the old, and the flags
 * those months can raise. Runs in the caller's transaction.
 */
@Component
class IncrementalRecomputation {

	private static final Logger log = LoggerFactory.getLogger(IncrementalRecomputation.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MeasureInputs inputs;

	private final RowDifferences differences;

	private final ContactMonthRecomputation contactMonths;

	private final DatabaseTuning tuning;

	private final MeasureFlags flags;

	private final MeterRegistry meters;

	IncrementalRecomputation(JdbcClient jdbc, Clock clock, MeasureInputs inputs, RowDifferences differences,
			ContactMonthRecomputation contactMonths, DatabaseTuning tuning, MeasureFlags flags, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.inputs = inputs;
		this.differences = differences;
		this.contactMonths = contactMonths;
		this.tuning = tuning;
		this.flags = flags;
		this.meters = meters;
	}

	/**
	 * Recomputes the events' rows of the measures that read the dataset; for contacts
	 * dated in the months {@code from} to {@code to} (both null when not known or not a
	 * few months) only in those months, reading them again for every event when
	 * {@code everyEvent}.
	 */
	void recompute(Collection<String> eventIds, Dataset dataset, LocalDate from, LocalDate to, boolean everyEvent) {
		this.tuning.lock();
		this.tuning.tune();
		this.jdbc.sql("update measure_state set version = version + 1").update();
		this.jdbc.sql("drop table if exists measure_scope, measure_delta").update();
		// Without a key: joined by hashing when large, and filled three times faster.
		this.jdbc.sql("create temporary table measure_scope (event_id text not null) on commit drop").update();
		this.jdbc.sql("insert into measure_scope select unnest(cast(:ids as text[]))")
			.param("ids", new HashSet<>(eventIds).toArray(String[]::new))
			.update();
		this.jdbc.sql("analyze measure_scope").update();
		this.jdbc.sql("""
				create temporary table measure_delta (measure_code text, month date, team_code text, staff_code text,
				    numerator bigint, denominator bigint) on commit drop
				""").update();
		long started = System.nanoTime();
		Steps steps = new Steps();
		LocalDate[] judged;
		if (from != null) {
			judged = this.contactMonths.apply(from, to, everyEvent, steps);
		}
		else {
			applyEvents(Catalogue.readersOf(dataset), dataset, steps);
			judged = new LocalDate[2];
		}
		var range = this.jdbc
			.sql("""
					select least(min(month), cast(:first as date)) as first, greatest(max(month), cast(:last as date)) as last
					from measure_delta where numerator <> 0 or denominator <> 0
					""")
			.param("first", judged[0])
			.param("last", judged[1])
			.query((rs,
					i) -> new LocalDate[] { rs.getObject("first", LocalDate.class),
							rs.getObject("last", LocalDate.class) })
			.single();
		if (range[0] != null) {
			// Flags are for acting on now: an import judges again the months it changed
			// from three months ago on (a full recomputation judges every month).
			YearMonth recent = YearMonth.now(this.clock).minusMonths(3);
			YearMonth first = YearMonth.from(range[0]).isBefore(recent) ? recent : YearMonth.from(range[0]);
			YearMonth last = YearMonth.from(range[1]).plusMonths(2);
			if (!last.isBefore(first)) {
				// only the measures whose totals changed can raise new flags
				Set<String> changed = new HashSet<>(this.jdbc
					.sql("select distinct measure_code from measure_delta where numerator <> 0 or denominator <> 0")
					.query(String.class)
					.list());
				if (everyEvent) {
					// summed again in place, not by difference
					changed.addAll(Catalogue.derived());
				}
				steps.run("flags", () -> this.flags.raise(first, last, changed));
			}
		}
		log.info("Recomputed the measures of {} events in {} ms ({})", eventIds.size(),
				(System.nanoTime() - started) / 1_000_000, steps);
		Steps.timed(this.meters, "events", started);
		this.jdbc
			.sql("drop table if exists measure_scope, measure_delta, measure_first_scope, measure_first_before, "
					+ "measure_first_changed, measure_unpaid_work_scope, measure_contact_month_read")
			.update();
	}

	/**
	 * Any change to the events in scope, or to their requirements, plans, referrals or
	 * accommodation: every row of the measures that read the dataset is recomputed, and
	 * the totals change by the new rows minus the old.
	 */
	private void applyEvents(List<String> measures, Dataset dataset, Steps steps) {
		List<String> stored = measures.stream().filter(Catalogue::stored).toList();
		// monthly_cells.sql sums both derived measures, which read the same datasets
		boolean derived = measures.stream().anyMatch((m) -> !Catalogue.stored(m));
		steps.run("old rows", () -> {
			if (derived) {
				this.differences.derivedDifference(FullRecomputation.EVER_FROM, FullRecomputation.EVER_TO, -1);
			}
			this.differences.storedDifference(stored, "measure_scope", -1);
		});
		steps.run("inputs", () -> {
			if (dataset == Dataset.EVENTS) {
				this.jdbc.sql("delete from measure_event where event_id in (select event_id from measure_scope)")
					.update();
				this.inputs.refreshEvents(MeasureInputs.SCOPED_EVENTS);
			}
			// recomputeEvents(ids) stands for any change to the events: their contacts
			// too
			if (dataset == Dataset.CONTACTS || dataset == Dataset.EVENTS) {
				this.inputs.replaceContactMonths(FullRecomputation.EVER_FROM, FullRecomputation.EVER_TO, false);
				this.jdbc
					.sql("delete from measure_contact_first where event_id in (select event_id from measure_scope)")
					.update();
				this.inputs.refreshFirstContacts(MeasureInputs.SCOPED_EVENTS);
			}
			stored.forEach((m) -> this.differences.insertStored(m, "measure_scope"));
		});
		steps.run("new rows", () -> {
			if (derived) {
				this.differences.derivedDifference(FullRecomputation.EVER_FROM, FullRecomputation.EVER_TO, 1);
			}
			this.differences.storedDifference(stored, "measure_scope", 1);
		});
		steps.run("totals", this.differences::applyToTotals);
	}

}
