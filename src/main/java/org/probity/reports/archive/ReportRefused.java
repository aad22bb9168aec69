package org.probity.reports.archive;

import org.springframework.http.HttpStatus;

import org.probity.shared.web.Refused;

/**
 * A change to an archived report that cannot be made: {@link Kind#STALE} when the
 * caller's version is not the current one (answer 409), {@link Kind#NOT_ALLOWED} when the
 * report's status does not allow it (answer 422), {@link Kind#NOT_FOUND} when there is no
 * such report.
 */
public class ReportRefused extends Refused {

	public enum Kind {

		STALE, NOT_ALLOWED, NOT_FOUND

	}

	private final Kind kind;

	public ReportRefused(Kind kind, String message) {
		super(switch (kind) {
			case STALE -> HttpStatus.CONFLICT;
			case NOT_ALLOWED -> HttpStatus.UNPROCESSABLE_CONTENT;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
		}, message);
		this.kind = kind;
	}

	public Kind kind() {
		return this.kind;
	}

}
