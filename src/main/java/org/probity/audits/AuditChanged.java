package org.probity.audits;

import java.time.Instant;

import org.probity.shared.web.Refused;

import org.springframework.http.HttpStatus;

/**
 * Someone else saved the audit since this user opened it (optimistic lock): the save is
 * refused, and the user's answers are shown back so that nothing is lost.
 */
public class AuditChanged extends Refused {

	private final String changedBy;

	private final Instant changedAt;

	AuditChanged(String message, String changedBy, Instant changedAt) {
		super(HttpStatus.CONFLICT, message);
		this.changedBy = changedBy;
		this.changedAt = changedAt;
	}

	public String changedBy() {
		return this.changedBy;
	}

	public Instant changedAt() {
		return this.changedAt;
	}

}
