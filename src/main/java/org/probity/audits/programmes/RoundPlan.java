package org.probity.audits.programmes;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.probity.audits.Recurrence;
import org.probity.shared.Period;
import org.probity.shared.SplitMix64;

/**
 * Which rounds of a programme have fallen due by a day. A round falls due on the first
 * day of its period and its audits are due by the period's last day; rounds continue
 * across month and year ends until the programme's end month.
 */
public final class RoundPlan {

	/** A round's period: the code is unique per programme. */
	public record RoundPeriod(String code, LocalDate start, LocalDate end, LocalDate due) {
	}

	/** A one-off programme's single round has this period code. */
	public static final String ONCE = "ONCE";

	private RoundPlan() {
	}

	public static List<RoundPeriod> due(Recurrence recurrence, YearMonth start, YearMonth end, LocalDate today) {
		List<RoundPeriod> periods = new ArrayList<>();
		YearMonth now = YearMonth.from(today);
		if (now.isBefore(start)) {
			return periods;
		}
		if (recurrence == Recurrence.NONE) {
			YearMonth last = (end != null) ? end : start;
			periods.add(new RoundPeriod(ONCE, start.atDay(1), last.atEndOfMonth(), last.atEndOfMonth()));
			return periods;
		}
		Period period = first(recurrence, start);
		while (!period.first().isAfter(now) && (end == null || !period.first().isAfter(end))) {
			periods.add(new RoundPeriod(period.code(), period.startDate(), period.endDate(), period.endDate()));
			period = next(period);
		}
		return periods;
	}

	private static Period first(Recurrence recurrence, YearMonth start) {
		return switch (recurrence) {
			case MONTHLY -> Period.month(start);
			case QUARTERLY -> Period.quarter(start.getYear(), (start.getMonthValue() - 1) / 3 + 1);
			case ANNUAL -> Period.year(start.getYear());
			case NONE -> throw new IllegalArgumentException("A one-off programme has no periods");
		};
	}

	private static Period next(Period period) {
		int length = period.months().size();
		return new Period(period.kind(), period.first().plusMonths(length), period.last().plusMonths(length));
	}

	/**
	 * An audit not completed when the period after its due date has ended too is missed:
	 * the quality team has moved on to the next round.
	 */
	public static boolean missed(LocalDate due, LocalDate today) {
		return today.isAfter(YearMonth.from(due).plusMonths(1).atEndOfMonth());
	}

	/**
	 * Derives a round's seed from the programme's, so that each round is reproducible.
	 */
	public static long roundSeed(long programmeSeed, String periodCode) {
		return new SplitMix64(programmeSeed ^ (periodCode.hashCode() * 0x9E3779B97F4A7C15L)).nextLong();
	}

}
