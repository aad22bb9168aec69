package org.probity.reports.archive;

import java.time.Instant;
import java.time.LocalDate;

import org.probity.shared.UnitCode;

/** One version of a report as archived; {@code content} is its frozen JSON. */
public record StoredReport(long id, ReportKind kind, String period, UnitCode unit, int issue, ReportStatus status,
		int version, String title, LocalDate dueOn, String content, String reissueReason, Instant createdAt,
		String createdBy, Instant submittedAt, String submittedBy, Instant approvedAt, String approvedBy) {

	/** One change of status, as recorded in the report's history. */
	public record Change(Instant at, String by, ReportStatus from, ReportStatus to, String note) {
	}

}
