package org.probity.reports.packs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import org.probity.reports.archive.ReportStatus;
import org.probity.reports.archive.StoredReport;
import org.probity.shared.BusinessCalendar;
import org.probity.shared.Clocks;

/**
 * When reports are due and whether they are late. The pack is due to the Authority within
 * 10 working days of month end (the seeds): the 10th business day after the month's last
 * day, bank holidays of England and Wales excluded.
 */
public final class DueDates {

	static final int PACK_BUSINESS_DAYS = 10;

	private DueDates() {
	}

	public static LocalDate packDue(YearMonth month) {
		return BusinessCalendar.englandAndWales().businessDayAfter(month.atEndOfMonth(), PACK_BUSINESS_DAYS);
	}

	/**
	 * Whether a report with a due date was late: approved (or, for a scheduled report,
	 * issued) after its due date, or not yet approved when the due date has passed. An
	 * approved version that was later superseded keeps the day it was approved; a
	 * re-issue is never late.
	 */
	public static boolean late(StoredReport report, LocalDate today) {
		LocalDate due = report.dueOn();
		if (due == null || report.issue() > 1) {
			// a re-issue corrects a pack already delivered: it is not late
			return false;
		}
		Instant done = switch (report.status()) {
			case APPROVED, SUPERSEDED -> report.approvedAt();
			case ISSUED -> report.createdAt();
			default -> null;
		};
		if (done == null) {
			return report.status() != ReportStatus.ISSUED && today.isAfter(due);
		}
		return done.atZone(Clocks.LONDON).toLocalDate().isAfter(due);
	}

}
