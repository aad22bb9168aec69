package org.probity.shared;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gauge whose value is a count read from the database, cached for {@link #FRESH} so
 * that frequent scrapes cost one query a while. The database is the truth, so every node
 * reports the same figure. A scrape never waits more than {@link #WAIT} for the query:
 * while the database is slow or unreachable it sees the last value read (NaN before the
 * first), and the query goes on in the background.
 */
public final class DatabaseGauge {

	/** How long a value read from the database is served without reading it again. */
	public static final Duration FRESH = Duration.ofSeconds(30);

	static final Duration WAIT = Duration.ofSeconds(2);

	private static final Logger log = LoggerFactory.getLogger(DatabaseGauge.class);

	private final String name;

	private final LongSupplier query;

	private volatile double value = Double.NaN;

	private volatile long readAt = Long.MIN_VALUE;

	private CompletableFuture<Void> reading;

	private DatabaseGauge(String name, LongSupplier query) {
		this.name = name;
		this.query = query;
	}

	/**
	 * Registers the gauge {@code name}, whose value {@code query} counts (it runs outside
	 * any transaction of the caller: make it one read-only statement).
	 */
	public static void register(MeterRegistry registry, String name, String description, LongSupplier query) {
		DatabaseGauge gauge = new DatabaseGauge(name, query);
		Gauge.builder(name, gauge, DatabaseGauge::value)
			.description(description)
			.strongReference(true)
			.register(registry);
	}

	double value() {
		CompletableFuture<Void> pending;
		synchronized (this) {
			if (System.nanoTime() - this.readAt < FRESH.toNanos() && this.readAt != Long.MIN_VALUE) {
				return this.value;
			}
			if (this.reading == null) {
				this.reading = CompletableFuture.runAsync(this::read,
						(task) -> Thread.ofVirtual().name("gauge " + this.name).start(task));
			}
			pending = this.reading;
		}
		try {
			pending.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			// still reading: the last value now, the new one at a later scrape
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (java.util.concurrent.ExecutionException ex) {
			// read() catches what the query throws
		}
		return this.value;
	}

	private void read() {
		try {
			this.value = this.query.getAsLong();
			this.readAt = System.nanoTime();
		}
		catch (RuntimeException ex) {
			log.debug("Gauge {} could not be read: {}", this.name, ex.getMessage());
		}
		finally {
			synchronized (this) {
				this.reading = null;
			}
		}
	}

}
