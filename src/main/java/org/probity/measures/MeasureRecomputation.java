package org.probity.measures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;

import org.probity.imports.Dataset;
import org.probity.measures.flags.MeasureFlags;
import org.probity.measures.recomputation.RecomputationStrategy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the per-case rows and monthly totals of every measure in step with the case data:
 * a full recomputation (one set-based statement per measure), or an incremental one for
 * the events an import changed (the recomputation sub-package; imports reach it through
 * {@code CaseDataImported}). Runs in the caller's transaction, so that the figures change
 * with the data they come from.
 */
@Service
public class MeasureRecomputation {

	private final RecomputationStrategy strategy;

	private final MeasureFlags flags;

	private final JdbcClient jdbc;

	MeasureRecomputation(RecomputationStrategy strategy, MeasureFlags flags, JdbcClient jdbc) {
		this.strategy = strategy;
		this.flags = flags;
		this.jdbc = jdbc;
	}

	/**
	 * Recomputes every measure for every unit, practitioner and month, reading every
	 * contact again.
	 */
	@Transactional
	public void recomputeAll() {
		this.strategy.recompute(true);
	}

	/**
	 * Recomputes every measure for every unit, practitioner and month from the monthly
	 * contact summaries, which every contacts import keeps in step: what a change to
	 * events, units or any other dataset needs.
	 */
	@Transactional
	public void recomputeFromContactSummaries() {
		this.strategy.recompute(false);
	}

	/**
	 * Recomputes the rows of the given events, then the totals of every (measure, month)
	 * whose rows changed, and the flags those months can raise.
	 */
	@Transactional
	public void recomputeEvents(Collection<String> eventIds) {
		this.strategy.recomputeEvents(eventIds, Dataset.EVENTS, null, null);
	}

	/**
	 * As {@link #recomputeEvents(Collection)}, for a dataset whose rows carry no date.
	 */
	@Transactional
	public void recomputeEvents(Collection<String> eventIds, Dataset dataset) {
		this.strategy.recomputeEvents(eventIds, dataset, null, null);
	}

	/**
	 * As {@link #recomputeEvents(Collection)}, only for the measures that read the
	 * dataset that changed; for contacts dated from {@code changedFrom} to
	 * {@code changedTo} (when known) only in those months; in full when the events are a
	 * large share of all events.
	 */
	@Transactional
	public void recomputeEvents(Collection<String> eventIds, Dataset dataset, LocalDate changedFrom,
			LocalDate changedTo) {
		this.strategy.recomputeEvents(eventIds, dataset, changedFrom, changedTo);
	}

	/**
	 * A target changed from a date: flags of the months from then on are judged again,
	 * and new ones stored and published.
	 */
	@Transactional
	public void targetChanged(LocalDate effectiveFrom) {
		LocalDate last = this.jdbc.sql("select max(month) from measure_unit_result")
			.query(LocalDate.class)
			.optional()
			.orElse(null);
		YearMonth from = YearMonth.from(effectiveFrom);
		if (last != null && !YearMonth.from(last).isBefore(from)) {
			this.flags.raise(from, YearMonth.from(last));
		}
	}

}
