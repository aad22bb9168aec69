package org.probity.audits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.probity.shared.Crn;
import org.probity.shared.EventId;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

/**
 * An auditor marked a case as an alert (a serious concern about risk of harm): the
 * practitioner's line manager must record what was done by {@code dueDate}.
 */
public record AlertRaised(long auditId, Crn crn, EventId eventId, UnitCode teamCode, StaffCode staffCode, String reason,
		List<String> failedKeyQuestions, Instant raisedAt, LocalDate dueDate) {
}
