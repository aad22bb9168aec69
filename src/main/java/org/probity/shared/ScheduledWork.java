package org.probity.shared;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a piece of scheduled work once across every node on one database: in ONE new
 * transaction that first takes {@code pg_try_advisory_xact_lock(lockKey)} and then does
 * the work, so the lock is held exactly as long as the work's writes are uncommitted.
 * When another node holds the lock the work is skipped on this one (that node is doing
 * it); when the work fails, everything it wrote rolls back, the lock goes with the
 * transaction, and the next tick does it again. Call it from a {@code @Scheduled} method:
 *
 * <pre>
 * work.runOnce("audit rounds", ROUND_LOCK, () -&gt; programmes.planDueRounds(today));
 * </pre>
 *
 * Each module picks its own lock key (a {@code long} constant, "PROBITY" in ASCII and a
 * number is the habit). Every outcome is logged and counted, per job, in
 * {@link #statistics()} and, when Micrometer is there, in the counter
 * {@code probity.scheduled.work} tagged {@code job} and {@code outcome}.
 */
@Component
public class ScheduledWork {

	/** What became of one call. */
	public enum Outcome {

		/** This node took the lock and the work committed. */
		RAN,
		/** Another node held the lock: nothing was done here. */
		SKIPPED,
		/** The work threw: rolled back, logged, to be done again at the next tick. */
		FAILED

	}

	/** Counts of one job's outcomes on this node since it started. */
	public record JobStatistics(String job, long runs, long skipped, long failures, Instant lastRun,
			Instant lastFailure, String lastError) {
	}

	private static final Logger log = LoggerFactory.getLogger(ScheduledWork.class);

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ObjectProvider<MeterRegistry> meters;

	private final Map<String, JobStatistics> statistics = new ConcurrentHashMap<>();

	ScheduledWork(PlatformTransactionManager transactionManager, JdbcClient jdbc, Clock clock,
			ObjectProvider<MeterRegistry> meters) {
		this.transactions = new TransactionTemplate(transactionManager);
		// always its own transaction: the lock must end with this work, not with a
		// caller's
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Does {@code work} unless another node is doing it now.
	 * @param job a short name for logs and counts ("audit rounds")
	 * @param lockKey the advisory lock of this job, the same on every node
	 */
	public Outcome runOnce(String job, long lockKey, Runnable work) {
		long started = System.nanoTime();
		Outcome outcome;
		String error = null;
		try {
			Boolean ran = this.transactions.execute((status) -> {
				boolean locked = this.jdbc.sql("select pg_try_advisory_xact_lock(:key)")
					.param("key", lockKey)
					.query(Boolean.class)
					.single();
				if (!locked) {
					return false;
				}
				work.run();
				return true;
			});
			outcome = Boolean.TRUE.equals(ran) ? Outcome.RAN : Outcome.SKIPPED;
		}
		catch (RuntimeException ex) {
			outcome = Outcome.FAILED;
			error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			log.error("Scheduled work '{}' failed and was rolled back; the next run does it again", job, ex);
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		switch (outcome) {
			case RAN -> log.info("Scheduled work '{}' ran in {} ms", job, millis);
			case SKIPPED -> log.debug("Scheduled work '{}' skipped: another node holds its lock", job);
			case FAILED -> {
			}
		}
		record(job, outcome, error);
		return outcome;
	}

	/** Every job's counts on this node, by name. */
	public Map<String, JobStatistics> statistics() {
		return new TreeMap<>(this.statistics);
	}

	private void record(String job, Outcome outcome, String error) {
		Instant now = this.clock.instant();
		this.statistics.compute(job, (name, s) -> {
			JobStatistics before = (s != null) ? s : new JobStatistics(name, 0, 0, 0, null, null, null);
			return switch (outcome) {
				case RAN -> new JobStatistics(name, before.runs() + 1, before.skipped(), before.failures(), now,
						before.lastFailure(), before.lastError());
				case SKIPPED -> new JobStatistics(name, before.runs(), before.skipped() + 1, before.failures(),
						before.lastRun(), before.lastFailure(), before.lastError());
				case FAILED -> new JobStatistics(name, before.runs(), before.skipped(), before.failures() + 1,
						before.lastRun(), now, error);
			};
		});
		MeterRegistry registry = this.meters.getIfAvailable();
		if (registry != null) {
			registry.counter("probity.scheduled.work", "job", job, "outcome", outcome.name().toLowerCase()).increment();
		}
	}

}
