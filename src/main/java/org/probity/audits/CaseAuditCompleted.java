package org.probity.audits;

import java.time.Instant;
import java.util.List;

import org.probity.shared.Crn;
import org.probity.shared.EventId;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

/**
 * An audit of a case was completed, with the key questions answered NO: findings that
 * improvement plans can turn into actions. A site self-assessment has no case: its
 * {@code crn}, {@code eventId} and {@code staffCode} are null.
 */
public record CaseAuditCompleted(long auditId, Crn crn, EventId eventId, UnitCode teamCode, StaffCode staffCode,
		String templateCode, int templateVersion, Long programmeId, List<String> failedKeyQuestions, boolean alert,
		Instant completedAt) {
}
