package org.probity.audits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An auditor marked a case as an alert (a serious concern about risk of harm): the
 * practitioner's line manager must record what was done by {@code dueDate}.
 */
public record AlertRaised(long auditId, String crn, String eventId, String teamCode, String staffCode, String reason,
		List<String> failedKeyQuestions, Instant raisedAt, LocalDate dueDate) {
}
