package org.probity.imports;

import java.time.Instant;

/**
 * One import in the history: who imported which dataset when, and what came of it.
 *
 * @param outcome {@code APPLIED}, {@code REJECTED} (the file broke a rule; nothing
 * changed) or {@code FAILED} (the import stopped, for example the database went away;
 * nothing changed)
 */
public record ImportRun(long id, Dataset dataset, String username, Instant startedAt, Instant finishedAt,
		Outcome outcome, long rows, int inserted, int updated, long errorCount, String fileName) {

	public enum Outcome {

		APPLIED, REJECTED, FAILED

	}

}
