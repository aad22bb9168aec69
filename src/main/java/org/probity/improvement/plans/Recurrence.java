package org.probity.improvement.plans;

import java.time.LocalDate;

/**
 * How often a recurring action is reviewed after it is first delivered. Review date n is
 * T plus n periods, computed from T each time: the same day of the month, or the month's
 * last day when the month is shorter (31 January, 29 February 2024, 31 March).
 */
public enum Recurrence {

	MONTHLY(1), QUARTERLY(3);

	private final int months;

	Recurrence(int months) {
		this.months = months;
	}

	public LocalDate reviewDate(LocalDate target, int n) {
		return target.plusMonths((long) n * this.months);
	}

	/** The largest n with review date n on or before the date (which is not before T). */
	int periodsOnOrBefore(LocalDate target, LocalDate date) {
		long months = java.time.temporal.ChronoUnit.MONTHS.between(target.withDayOfMonth(1), date.withDayOfMonth(1));
		int n = (int) (months / this.months);
		while (n > 0 && reviewDate(target, n).isAfter(date)) {
			n--;
		}
		while (!reviewDate(target, n + 1).isAfter(date)) {
			n++;
		}
		return n;
	}

}
