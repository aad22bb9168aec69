package org.probity.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import org.probity.imports.ImportResult.RowError;
import org.probity.imports.ImportRun.Outcome;
import org.probity.shared.TableMerge;

/**
 * Imports a file in one transaction: COPY into a staging table, set-based checks, then an
 * upsert, the history row and the {@link CaseDataImported} event. A file that breaks a
 * rule changes nothing but the history; a failure midway (the process killed, the
 * database gone) rolls everything back.
 */
@Service
class CaseDataImporter implements CaseDataImports {

	private static final Logger log = LoggerFactory.getLogger(CaseDataImporter.class);

	/** One lock for all imports, on every node, so that two never interleave. */
	private static final long IMPORT_LOCK = 0x50524f4249545931L;

	private final CsvStaging staging;

	private final ImportChecks checks;

	private final ImportMerge merge;

	private final ImportHistory history;

	private final PlatformTransactionManager transactionManager;

	private final ApplicationEventPublisher events;

	private final MeterRegistry meters;

	CaseDataImporter(CsvStaging staging, ImportChecks checks, ImportMerge merge, ImportHistory history,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher events, MeterRegistry meters) {
		this.staging = staging;
		this.checks = checks;
		this.merge = merge;
		this.history = history;
		this.transactionManager = transactionManager;
		this.events = events;
		this.meters = meters;
	}

	@Override
	public ImportResult importCsv(Dataset dataset, InputStream csv, String username, String fileName) {
		Instant startedAt = this.history.now();
		long started = System.nanoTime();
		ExchangeFormat format = ExchangeFormat.of(dataset);
		long[] rows = { 0 };
		try {
			ImportResult result = new TransactionTemplate(this.transactionManager).execute((status) -> {
				this.checks.prepare(format, IMPORT_LOCK);
				long t0 = System.nanoTime();
				CsvStaging.Staged staged = stage(format, csv);
				rows[0] = staged.rows();
				long t1 = System.nanoTime();
				long sqlErrors = this.checks.check(format);
				long t2 = System.nanoTime();
				log.info("{}: staged {} rows in {} ms, checked in {} ms", fileName, staged.rows(),
						(t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
				long errorCount = staged.errors().count() + sqlErrors;
				if (errorCount > 0) {
					List<RowError> errors = firstErrors(staged.errors().listed(),
							(sqlErrors > 0) ? this.checks.firstErrors(ImportResult.MAX_ERRORS) : List.of());
					long id = this.history.record(dataset, username, fileName, startedAt, now(), Outcome.REJECTED,
							staged.rows(), 0, 0, errorCount);
					log.info("Rejected {} from {}: {} problems", fileName, username, errorCount);
					return new ImportResult(id, dataset, false, 0, 0, errors, errorCount);
				}
				long t3 = System.nanoTime();
				TableMerge.Merged merged = this.merge.merge(dataset, staged.rows());
				log.info("{}: merged in {} ms", fileName, (System.nanoTime() - t3) / 1_000_000);
				long id = this.history.record(dataset, username, fileName, startedAt, now(), Outcome.APPLIED,
						staged.rows(), merged.inserted(), merged.updated(), 0);
				this.events.publishEvent(new CaseDataImported(id, dataset, merged.inserted(), merged.updated(),
						merged.changedEventIds(), merged.changedFrom(), merged.changedTo()));
				log.info("Imported {} from {}: {} rows, {} new, {} changed", fileName, username, staged.rows(),
						merged.inserted(), merged.updated());
				return new ImportResult(id, dataset, true, merged.inserted(), merged.updated(), List.of(), 0);
			});
			count(dataset, result.applied() ? "applied" : "rejected", started, rows[0]);
			return result;
		}
		catch (RuntimeException ex) {
			count(dataset, "failed", started, rows[0]);
			recordFailure(dataset, username, fileName, startedAt, rows[0], ex);
			throw ex;
		}
	}

	/**
	 * Counts and times the import ({@code probity.imports}, by dataset and outcome:
	 * applied, rejected or failed) and the rows it read ({@code probity.imports.rows}).
	 */
	private void count(Dataset dataset, String outcome, long started, long rows) {
		String name = dataset.fileName();
		Timer.builder("probity.imports")
			.description("Case data imports, by dataset and outcome (applied, rejected, failed)")
			.tag("dataset", name)
			.tag("outcome", outcome)
			.register(this.meters)
			.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		Counter.builder("probity.imports.rows")
			.description("Rows read by case data imports, by dataset and outcome")
			.tag("dataset", name)
			.tag("outcome", outcome)
			.register(this.meters)
			.increment(rows);
	}

	private CsvStaging.Staged stage(ExchangeFormat format, InputStream csv) {
		try {
			return this.staging.stage(format, csv);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the file", ex);
		}
	}

	/** The first errors of the parser and of the checks, in row order. */
	private static List<RowError> firstErrors(List<RowError> parsed, List<RowError> checked) {
		List<RowError> all = new ArrayList<>(parsed.size() + checked.size());
		all.addAll(parsed);
		all.addAll(checked);
		all.sort(Comparator.comparingLong(RowError::row));
		return List.copyOf(all.subList(0, Math.min(all.size(), ImportResult.MAX_ERRORS)));
	}

	private void recordFailure(Dataset dataset, String username, String fileName, Instant startedAt, long rows,
			RuntimeException cause) {
		log.warn("Import of {} by {} failed; nothing was changed", fileName, username, cause);
		try {
			TransactionTemplate template = new TransactionTemplate(this.transactionManager);
			template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
			template.executeWithoutResult((status) -> this.history.record(dataset, username, fileName, startedAt, now(),
					Outcome.FAILED, rows, 0, 0, 0));
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the failed import of {} in the history", fileName, ex);
		}
	}

	private Instant now() {
		return this.history.now();
	}

}
