package org.probity.audits;

import java.time.Instant;

import org.springframework.http.HttpStatus;

import org.probity.shared.web.Refused;

/**
 * Someone else saved the audit since this user opened it (optimistic lock): the save is
 * refused, and the user's answers are shown back so that nothing is lost.
 */
class AuditChanged extends Refused {

	private final String changedBy;

	private final Instant changedAt;

	AuditChanged(String message, String changedBy, Instant changedAt) {
		super(HttpStatus.CONFLICT, message);
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
