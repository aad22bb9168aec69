package org.probity.reports.scheduled;

/** A scheduled report was issued to the archive: its emails are to be sent. */
public record ScheduledReportIssued(long reportId, String kind) {
}
