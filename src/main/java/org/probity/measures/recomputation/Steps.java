package org.probity.measures.recomputation;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The steps of one recomputation with the time each took, for its log line ("events 12
 * ms, contacts 40 ms"), and the timer of recomputations by kind.
 */
final class Steps {

	private final StringBuilder steps = new StringBuilder();

	void run(String name, Runnable work) {
		long started = System.nanoTime();
		work.run();
		this.steps.append((this.steps.length() > 0) ? ", " : "")
			.append(name)
			.append(' ')
			.append((System.nanoTime() - started) / 1_000_000)
			.append(" ms");
	}

	@Override
	public String toString() {
		return this.steps.toString();
	}

	/**
	 * Times a recomputation ({@code probity.measures.recomputation}): {@code full} reads
	 * every contact, {@code summaries} the monthly contact summaries, {@code events} only
	 * the events an import changed.
	 */
	static void timed(MeterRegistry meters, String kind, long started) {
		Timer.builder("probity.measures.recomputation")
			.description("Recomputations of the measures, by kind (full, summaries, events)")
			.tag("kind", kind)
			.register(meters)
			.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
	}

}
