package org.probity.reports.archive;

/**
 * A change to an archived report that cannot be made: {@link Kind#STALE} when the
 * caller's version is not the current one (answer 409), {@link Kind#NOT_ALLOWED} when the
 * report's status does not allow it (answer 422), {@link Kind#NOT_FOUND} when there is no
 * such report.
 */
public class ReportRefused extends RuntimeException {

	public enum Kind {

		STALE, NOT_ALLOWED, NOT_FOUND

	}

	private final Kind kind;

	public ReportRefused(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	public Kind kind() {
		return this.kind;
	}

}
