package org.probity.measures.recomputation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;

import org.probity.imports.Dataset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Chooses how to bring the measures in step with changed case data: a full recomputation,
 * an incremental one for the events that changed, or one for the months of contacts that
 * changed. Runs in the caller's transaction, so that the figures change with the data
 * they come from.
 */
@Component
public class RecomputationStrategy {

	/**
	 * Above this share of all events an incremental recomputation costs more than a full
	 * one (deleting and re-inserting most rows), so the full one runs instead. An import
	 * of contacts dated within a few months is applied month by month whatever its size.
	 */
	static final double FULL_RECOMPUTE_SHARE = 0.25;

	/**
	 * Above this share of all events, a contacts import re-reads its months for every
	 * event, finding the contacts by date rather than event by event.
	 */
	static final double EVERY_EVENT_SHARE = 0.1;

	/** Contacts dated within this many months are applied month by month. */
	static final int MONTHS_APPLIED_INCREMENTALLY = 3;

	private final JdbcClient jdbc;

	private final FullRecomputation full;

	private final IncrementalRecomputation incremental;

	RecomputationStrategy(JdbcClient jdbc, FullRecomputation full, IncrementalRecomputation incremental) {
		this.jdbc = jdbc;
		this.full = full;
		this.incremental = incremental;
	}

	/**
	 * Recomputes every measure for every unit, practitioner and month, reading every
	 * contact again when {@code contacts}, else from the monthly contact summaries.
	 */
	public void recompute(boolean contacts) {
		this.full.recompute(contacts);
	}

	/**
	 * Recomputes the rows of the given events, only for the measures that read the
	 * dataset that changed; for contacts dated from {@code changedFrom} to
	 * {@code changedTo} (when known) only in those months; in full when the events are a
	 * large share of all events.
	 */
	public void recomputeEvents(Collection<String> eventIds, Dataset dataset, LocalDate changedFrom,
			LocalDate changedTo) {
		if (eventIds.isEmpty()) {
			return;
		}
		boolean dated = dataset == Dataset.CONTACTS && changedFrom != null && changedTo != null;
		boolean fewMonths = dated && YearMonth.from(changedFrom)
			.plusMonths(MONTHS_APPLIED_INCREMENTALLY)
			.isAfter(YearMonth.from(changedTo));
		long events = this.jdbc.sql("select count(*) from case_event").query(Long.class).single();
		if (!fewMonths && eventIds.size() > FULL_RECOMPUTE_SHARE * events) {
			this.full.recompute(dataset == Dataset.CONTACTS || dataset == Dataset.EVENTS);
			return;
		}
		boolean everyEvent = fewMonths && eventIds.size() > EVERY_EVENT_SHARE * events;
		if (fewMonths) {
			this.incremental.recompute(eventIds, dataset, YearMonth.from(changedFrom).atDay(1),
					YearMonth.from(changedTo).atDay(1), everyEvent);
		}
		else {
			this.incremental.recompute(eventIds, dataset, null, null, false);
		}
	}

}
