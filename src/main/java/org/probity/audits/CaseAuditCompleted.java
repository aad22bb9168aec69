package org.probity.audits;

import java.time.Instant;
import java.util.List;

/**
 * An audit of a case was completed, with the key questions answered NO: findings that
 * improvement plans can turn into actions.
 */
public record CaseAuditCompleted(long auditId, String crn, String eventId, String teamCode, String staffCode,
		String templateCode, int templateVersion, Long programmeId, List<String> failedKeyQuestions, boolean alert,
		Instant completedAt) {
}
