package org.probity.reports.packs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.probity.reports.archive.ReportKind;
import org.probity.reports.archive.ReportStatus;
import org.probity.reports.archive.StoredReport;
import org.probity.shared.UnitCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pack is due the 10th business day after month end: weekends and bank holidays of
 * England and Wales are not counted, and a pack approved after that day was late.
 */
class DueDatesTests {

	@Test
	void decembersPackSkipsNewYearsDay() {
		// 31 December 2026 is a Thursday; 1 January 2027 is a bank holiday
		assertThat(DueDates.packDue(YearMonth.of(2026, 12))).isEqualTo(LocalDate.of(2027, 1, 15));
	}

	@Test
	void novembersPackIsDueBeforeChristmas() {
		assertThat(DueDates.packDue(YearMonth.of(2026, 11))).isEqualTo(LocalDate.of(2026, 12, 14));
	}

	@Test
	void aWindowOverChristmasAndBoxingDaySubstitutesSkipsThem() {
		// a month is never ended mid-December, but the rule is the calendar's: from
		// 18 December 2026 the 10th business day skips the 25th and the 28th (Boxing Day
		// substitute) and the New Year
		assertThat(org.probity.shared.BusinessCalendar.englandAndWales()
			.businessDayAfter(LocalDate.of(2026, 12, 18), DueDates.PACK_BUSINESS_DAYS))
			.isEqualTo(LocalDate.of(2027, 1, 6));
	}

	@Test
	void aMonthEndingOnAWeekendCountsFromTheMonday() {
		// 31 January 2027 is a Sunday
		assertThat(DueDates.packDue(YearMonth.of(2027, 1))).isEqualTo(LocalDate.of(2027, 2, 12));
		// 31 March 2024 is Easter Sunday and 1 April Easter Monday
		assertThat(DueDates.packDue(YearMonth.of(2024, 3))).isEqualTo(LocalDate.of(2024, 4, 15));
	}

	@Test
	void aPackIsLateWhenApprovedAfterItsDueDateOrStillUnapprovedAfterIt() {
		LocalDate due = LocalDate.of(2026, 11, 13);
		assertThat(DueDates.late(pack(ReportStatus.APPROVED, due, Instant.parse("2026-11-13T16:00:00Z"), 1),
				LocalDate.of(2026, 12, 1)))
			.isFalse();
		assertThat(DueDates.late(pack(ReportStatus.APPROVED, due, Instant.parse("2026-11-16T09:00:00Z"), 1),
				LocalDate.of(2026, 12, 1)))
			.isTrue();
		assertThat(DueDates.late(pack(ReportStatus.DRAFT, due, null, 1), LocalDate.of(2026, 11, 13))).isFalse();
		assertThat(DueDates.late(pack(ReportStatus.SUBMITTED, due, null, 1), LocalDate.of(2026, 11, 14))).isTrue();
		assertThat(DueDates.late(pack(ReportStatus.DRAFT, due, null, 2), LocalDate.of(2026, 12, 1))).isFalse();
	}

	@Test
	void approvalLateInTheEveningCountsOnItsLondonDay() {
		// 23:30 UTC on 13 November is still 13 November in London (GMT); in summer time
		// 23:30 UTC is the next day
		LocalDate due = LocalDate.of(2026, 11, 13);
		assertThat(DueDates.late(pack(ReportStatus.APPROVED, due, Instant.parse("2026-11-13T23:30:00Z"), 1),
				LocalDate.of(2026, 12, 1)))
			.isFalse();
		LocalDate summer = LocalDate.of(2026, 7, 14);
		assertThat(DueDates.late(pack(ReportStatus.APPROVED, summer, Instant.parse("2026-07-14T23:30:00Z"), 1),
				LocalDate.of(2026, 8, 1)))
			.isTrue();
	}

	private static StoredReport pack(ReportStatus status, LocalDate due, Instant approvedAt, int issue) {
		return new StoredReport(1, ReportKind.MONTHLY_PACK, "2026-10", new UnitCode("DDP"), issue, status, 0, "Pack",
				due, "{}", (issue > 1) ? "reason" : null, Instant.parse("2026-11-02T09:00:00Z"), "q", null, null,
				approvedAt, (approvedAt != null) ? "s" : null);
	}

}
