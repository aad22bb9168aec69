package org.probity.reports.scheduled;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.probity.reports.archive.ReportKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dates each scheduled report falls due, across weekends and bank holidays. */
class ScheduleRulesTests {

	@Test
	void theWeeklyReportIsDueOnMondayForTheWeekBefore() {
		ScheduleRules.Due due = ScheduleRules.latestDue(ReportKind.WEEKLY_OPERATIONS, LocalDate.of(2026, 11, 30));
		assertThat(due.period()).isEqualTo("2026-W48");
		assertThat(due.from()).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(due.to()).isEqualTo(LocalDate.of(2026, 11, 29));
		assertThat(due.dueOn()).isEqualTo(LocalDate.of(2026, 11, 30));
		// on the Sunday the week before last is the latest due
		assertThat(ScheduleRules.latestDue(ReportKind.WEEKLY_OPERATIONS, LocalDate.of(2026, 11, 29)).period())
			.isEqualTo("2026-W47");
	}

	@Test
	void afterAnEasterMondayTheWeeklyReportIsDueOnTuesday() {
		// Easter Monday 2027 is 29 March
		ScheduleRules.Due week = ScheduleRules.parse(ReportKind.WEEKLY_OPERATIONS, "2027-W12");
		assertThat(week.to()).isEqualTo(LocalDate.of(2027, 3, 28));
		assertThat(week.dueOn()).isEqualTo(LocalDate.of(2027, 3, 30));
		assertThat(ScheduleRules.latestDue(ReportKind.WEEKLY_OPERATIONS, LocalDate.of(2027, 3, 29)).period())
			.isEqualTo("2027-W11");
		assertThat(ScheduleRules.latestDue(ReportKind.WEEKLY_OPERATIONS, LocalDate.of(2027, 3, 30)).period())
			.isEqualTo("2027-W12");
	}

	@Test
	void theMonthlyReportsAreDueOnTheFirstBusinessDayAfterTheMonth() {
		assertThat(ScheduleRules.parse(ReportKind.MONTHLY_UNIT, "2026-11").dueOn())
			.isEqualTo(LocalDate.of(2026, 12, 1));
		// 1 January is a bank holiday; 2 and 3 January 2027 a weekend
		assertThat(ScheduleRules.parse(ReportKind.SUBCONTRACTOR, "2026-12").dueOn())
			.isEqualTo(LocalDate.of(2027, 1, 4));
		assertThat(ScheduleRules.latestDue(ReportKind.MONTHLY_UNIT, LocalDate.of(2027, 1, 3)).period())
			.isEqualTo("2026-11");
		assertThat(ScheduleRules.latestDue(ReportKind.MONTHLY_UNIT, LocalDate.of(2027, 1, 4)).period())
			.isEqualTo("2026-12");
	}

	@Test
	void theQuarterlyReportIsDueOnTheFifthBusinessDayAfterTheQuarter() {
		ScheduleRules.Due q3 = ScheduleRules.parse(ReportKind.QUARTERLY_EXECUTIVE, "2026-Q3");
		assertThat(q3.dueOn()).isEqualTo(LocalDate.of(2026, 10, 7));
		assertThat(ScheduleRules.latestDue(ReportKind.QUARTERLY_EXECUTIVE, LocalDate.of(2026, 10, 6)).period())
			.isEqualTo("2026-Q2");
		assertThat(ScheduleRules.latestDue(ReportKind.QUARTERLY_EXECUTIVE, LocalDate.of(2026, 12, 1)).period())
			.isEqualTo("2026-Q3");
	}

	@Test
	void theCommitteeReportIsDueTenBusinessDaysAfterEachFourMonths() {
		// 31 August 2026 is the summer bank holiday: ten business days after it end on 14
		// September
		ScheduleRules.Due t2 = ScheduleRules.parse(ReportKind.COMMITTEE, "2026-T2");
		assertThat(t2.from()).isEqualTo(LocalDate.of(2026, 5, 1));
		assertThat(t2.to()).isEqualTo(LocalDate.of(2026, 8, 31));
		assertThat(t2.dueOn()).isEqualTo(LocalDate.of(2026, 9, 14));
		assertThat(ScheduleRules.latestDue(ReportKind.COMMITTEE, LocalDate.of(2026, 9, 11)).period())
			.isEqualTo("2026-T1");
		assertThat(ScheduleRules.latestDue(ReportKind.COMMITTEE, LocalDate.of(2026, 12, 1)).period())
			.isEqualTo("2026-T2");
		assertThat(ScheduleRules.before(ScheduleRules.parse(ReportKind.COMMITTEE, "2026-T1")).period())
			.isEqualTo("2025-T3");
	}

	@Test
	void periodCodesOfTheWrongShapeAreRefused() {
		assertThatThrownBy(() -> ScheduleRules.parse(ReportKind.WEEKLY_OPERATIONS, "2027-W53"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ScheduleRules.parse(ReportKind.COMMITTEE, "2026-T4"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ScheduleRules.parse(ReportKind.QUARTERLY_EXECUTIVE, "2026-03"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(ScheduleRules.parse(ReportKind.WEEKLY_OPERATIONS, "2020-W53").from())
			.isEqualTo(LocalDate.of(2020, 12, 28));
	}

}
