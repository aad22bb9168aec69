package org.probity.reports.scheduled;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

import org.probity.reports.archive.ReportKind;
import org.probity.shared.BusinessCalendar;
import org.probity.shared.Dates;
import org.probity.shared.Period;

/**
 * When each scheduled report falls due, and for which period (business days of England
 * and Wales, bank holidays included):
 * <ul>
 * <li>weekly operations: the first business day of the week (Monday, or Tuesday after a
 * bank holiday Monday), for the week before (Monday to Sunday; period {@code 2026-W48},
 * the ISO week);</li>
 * <li>monthly to operational managers and to subcontractors: the first business day after
 * the month ends, for that month ({@code 2026-11});</li>
 * <li>quarterly executive: the fifth business day after the quarter ends
 * ({@code 2026-Q3});</li>
 * <li>Risk and Audit Committee, three times a year: the tenth business day after each
 * four-month period ends (January to April, May to August, September to December;
 * {@code 2026-T2}).</li>
 * </ul>
 */
public final class ScheduleRules {

	/**
	 * A report's period: its code in the archive, its words, its days and its due date.
	 */
	public record Due(ReportKind kind, String period, String label, LocalDate from, LocalDate to, LocalDate dueOn) {
	}

	private static final BusinessCalendar CALENDAR = BusinessCalendar.englandAndWales();

	private ScheduleRules() {
	}

	/** The latest period of the kind whose report is due on or before the day. */
	public static Due latestDue(ReportKind kind, LocalDate today) {
		Due due = containing(kind, today);
		while (due.dueOn().isAfter(today) || !due.to().isBefore(today)) {
			due = before(due);
		}
		return due;
	}

	/** The period of the kind that holds the day (its report is due after it ends). */
	public static Due containing(ReportKind kind, LocalDate day) {
		return switch (kind) {
			case WEEKLY_OPERATIONS -> week(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
			case MONTHLY_UNIT, SUBCONTRACTOR, MONTHLY_PACK -> month(kind, YearMonth.from(day));
			case QUARTERLY_EXECUTIVE -> quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
			case COMMITTEE -> tertial(day.getYear(), (day.getMonthValue() - 1) / 4 + 1);
		};
	}

	/** The period before this one, of the same kind. */
	public static Due before(Due due) {
		return containing(due.kind(), due.from().minusDays(1));
	}

	/**
	 * Reads a period code of the kind ({@code 2026-W48}, {@code 2026-11},
	 * {@code 2026-Q3}, {@code 2026-T2}).
	 * @throws IllegalArgumentException with a message fit to show a user
	 */
	public static Due parse(ReportKind kind, String code) {
		String value = (code == null) ? "" : code.strip();
		switch (kind) {
			case WEEKLY_OPERATIONS -> {
				if (value.matches("[1-9]\\d{3}-W\\d{2}")) {
					int year = Integer.parseInt(value.substring(0, 4));
					int week = Integer.parseInt(value.substring(6));
					try {
						LocalDate monday = LocalDate.of(year, 1, 4)
							.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
							.with(DayOfWeek.MONDAY);
						if (monday.get(IsoFields.WEEK_BASED_YEAR) == year) {
							return week(monday);
						}
					}
					catch (java.time.DateTimeException ex) {
						// a week 53 in a year of 52: refused below
					}
				}
				throw new IllegalArgumentException("The week must look like 2026-W48");
			}
			case COMMITTEE -> {
				if (value.matches("[1-9]\\d{3}-T[1-3]")) {
					return tertial(Integer.parseInt(value.substring(0, 4)), value.charAt(6) - '0');
				}
				throw new IllegalArgumentException("The four-month period must look like 2026-T2");
			}
			case QUARTERLY_EXECUTIVE -> {
				Period p = Period.parse(value);
				if (p.kind() != Period.Kind.QUARTER) {
					throw new IllegalArgumentException("The quarter must look like 2026-Q3");
				}
				return quarter(p.first().getYear(), (p.first().getMonthValue() - 1) / 3 + 1);
			}
			default -> {
				return month(kind, Period.parseMonth(value));
			}
		}
	}

	static Due week(LocalDate monday) {
		LocalDate sunday = monday.plusDays(6);
		String code = monday.get(IsoFields.WEEK_BASED_YEAR) + "-W"
				+ String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
		LocalDate due = sunday.plusDays(1);
		while (!CALENDAR.isBusinessDay(due)) {
			due = due.plusDays(1);
		}
		return new Due(ReportKind.WEEKLY_OPERATIONS, code,
				"week of " + Dates.format(monday) + " to " + Dates.format(sunday), monday, sunday, due);
	}

	static Due month(ReportKind kind, YearMonth month) {
		LocalDate end = month.atEndOfMonth();
		return new Due(kind, month.toString(), month.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK)),
				month.atDay(1), end, CALENDAR.businessDayAfter(end, 1));
	}

	static Due quarter(int year, int quarter) {
		Period p = Period.quarter(year, quarter);
		return new Due(ReportKind.QUARTERLY_EXECUTIVE, p.code(), p.label(), p.startDate(), p.endDate(),
				CALENDAR.businessDayAfter(p.endDate(), 5));
	}

	static Due tertial(int year, int tertial) {
		YearMonth first = YearMonth.of(year, (tertial - 1) * 4 + 1);
		YearMonth last = first.plusMonths(3);
		DateTimeFormatter month = DateTimeFormatter.ofPattern("MMMM", Locale.UK);
		return new Due(ReportKind.COMMITTEE, year + "-T" + tertial,
				first.format(month) + " to " + last.format(month) + " " + year, first.atDay(1), last.atEndOfMonth(),
				CALENDAR.businessDayAfter(last.atEndOfMonth(), 10));
	}

	/** The report's period as a reporting period of months (none for a week). */
	static Period period(Due due) {
		YearMonth first = YearMonth.from(due.from());
		YearMonth last = YearMonth.from(due.to());
		if (due.kind() == ReportKind.QUARTERLY_EXECUTIVE) {
			return Period.quarter(first.getYear(), (first.getMonthValue() - 1) / 3 + 1);
		}
		return new Period(Period.Kind.MONTH, first, last);
	}

}
