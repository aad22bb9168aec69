package org.probity.measures.recomputation;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Probity recomputes at start-up when it has case data but no results (after a crash,
 * say), and when a new month has begun since monthly contact was last counted.
 */
@Component
class StartupRecovery {

	private static final Logger log = LoggerFactory.getLogger(StartupRecovery.class);

	private final JdbcClient jdbc;

	private final MeasureInputs inputs;

	private final FullRecomputation full;

	private final TransactionTemplate transactions;

	StartupRecovery(JdbcClient jdbc, MeasureInputs inputs, FullRecomputation full, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.inputs = inputs;
		this.full = full;
		this.transactions = transactions;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		boolean data = this.jdbc.sql("select exists (select 1 from case_event)").query(Boolean.class).single();
		if (!data) {
			return;
		}
		boolean computed = this.jdbc.sql("""
				select computed_at is not null and exists (select 1 from measure_event) from measure_state
				""").query(Boolean.class).single();
		if (!computed) {
			log.info("Computing service-level measures from the stored case data");
			this.transactions.executeWithoutResult((tx) -> this.full.recompute(true));
			return;
		}
		LocalDate counted = this.jdbc.sql("select horizon from measure_state").query(LocalDate.class).single();
		if (counted.isBefore(this.inputs.horizon())) {
			log.info("Computing service-level measures up to the current month");
			this.transactions.executeWithoutResult((tx) -> this.full.recompute(false));
		}
	}

}
