package org.probity.audits;

import java.time.Instant;

/**
 * Someone else saved the audit since this user opened it (optimistic lock): the save is
 * refused, and the user's answers are shown back so that nothing is lost.
 */
class AuditChanged extends RuntimeException {

	private final String changedBy;

	private final Instant changedAt;

	AuditChanged(String message, String changedBy, Instant changedAt) {
		super(message);
		this.changedBy = changedBy;
		this.changedAt = changedAt;
	}

	String changedBy() {
		return this.changedBy;
	}

	Instant changedAt() {
		return this.changedAt;
	}

}
