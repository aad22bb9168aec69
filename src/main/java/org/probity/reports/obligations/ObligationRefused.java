package org.probity.reports.obligations;

import java.util.List;

/**
 * A change to the register that cannot be made: {@link Kind#STALE} when someone else
 * changed the obligation since the caller read it (409), {@link Kind#INVALID} with every
 * problem found (422; for an import, each with its row: row 1 is the header),
 * {@link Kind#NOT_FOUND} when there is no such obligation (404).
 */
public class ObligationRefused extends RuntimeException {

	public enum Kind {

		STALE, INVALID, NOT_FOUND

	}

	/** One problem: its row (null outside an import), its field and what is wrong. */
	public record Problem(Long row, String field, String message) {
	}

	private final Kind kind;

	private final List<Problem> problems;

	public ObligationRefused(Kind kind, String message, List<Problem> problems) {
		super(message);
		this.kind = kind;
		this.problems = List.copyOf(problems);
	}

	static ObligationRefused stale() {
		return new ObligationRefused(Kind.STALE,
				"Someone else changed this obligation since you opened it: reload it and try again", List.of());
	}

	static ObligationRefused notFound(long id) {
		return new ObligationRefused(Kind.NOT_FOUND, "There is no obligation " + id, List.of());
	}

	public Kind kind() {
		return this.kind;
	}

	public List<Problem> problems() {
		return this.problems;
	}

}
