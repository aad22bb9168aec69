package org.probity.improvement.spc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An XmR (individuals and moving range) statistical process control chart of a measure's
 * monthly performance before and after a change, NHS England "Making Data Count" style
 * (improvement.md, "Improvement projects"). Higher is better for every measure of version
 * 1, so a month above the mean, a rise, or beyond an upper line is an improvement.
 * <p>
 * Every comparison is made in decimal arithmetic on the values as written (a value of
 * 90.1 is 90.1, not the nearest binary fraction), so that a month exactly on the mean or
 * exactly on a limit is treated as on it, as a reader working by hand would.
 */
public final class XmrChart {

	/** Moving-range constant of the process limits: 3 / d2, d2 = 1.128 for n = 2. */
	static final BigDecimal LIMIT_FACTOR = new BigDecimal("2.66");

	/** A run or trend signals from this many months. */
	static final int RUN = 7;

	private static final MathContext PRECISION = MathContext.DECIMAL128;

	private static final DateTimeFormatter MONTH_WORDS = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

	private final YearMonth changeMonth;

	private final Baseline baseline;

	private final List<ChartMonth> months;

	private final Verdict verdict;

	private XmrChart(YearMonth changeMonth, Baseline baseline, List<ChartMonth> months, Verdict verdict) {
		this.changeMonth = changeMonth;
		this.baseline = baseline;
		this.months = List.copyOf(months);
		this.verdict = verdict;
	}

	/**
	 * The chart of a series: the months from {@code baselineFrom} before
	 * {@code changeMonth} are the baseline, the months from {@code changeMonth} on are
	 * judged against it. Months of the series before {@code baselineFrom} are left out.
	 * @param series each month once, in any order
	 */
	public static XmrChart of(YearMonth baselineFrom, YearMonth changeMonth, List<MonthValue> series) {
		if (baselineFrom == null || changeMonth == null) {
			throw new IllegalArgumentException("A baseline start and a change month are needed");
		}
		if (!baselineFrom.isBefore(changeMonth)) {
			throw new IllegalArgumentException("The baseline must start before the change month");
		}
		List<MonthValue> sorted = series.stream()
			.filter((m) -> !m.month().isBefore(baselineFrom))
			.sorted(Comparator.comparing(MonthValue::month))
			.toList();
		for (int i = 1; i < sorted.size(); i++) {
			if (sorted.get(i).month().equals(sorted.get(i - 1).month())) {
				throw new IllegalArgumentException("Month " + sorted.get(i).month() + " is given twice");
			}
		}
		List<BigDecimal> baselineValues = new ArrayList<>();
		List<Point> after = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			MonthValue m = sorted.get(i);
			if (m.value() == null) {
				continue;
			}
			if (m.month().isBefore(changeMonth)) {
				baselineValues.add(BigDecimal.valueOf(m.value()));
			}
			else {
				after.add(new Point(i, BigDecimal.valueOf(m.value())));
			}
		}
		Limits limits = Limits.of(baselineValues);
		Baseline baseline = limits.baseline(baselineFrom, changeMonth.minusMonths(1), baselineValues.size());

		List<Set<Rule>> improvement = new ArrayList<>();
		List<Set<Rule>> concern = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			improvement.add(EnumSet.noneOf(Rule.class));
			concern.add(EnumSet.noneOf(Rule.class));
		}
		if (limits.mean() != null) {
			beyondLimits(after, limits, improvement, concern);
			shifts(after, limits.mean(), improvement, concern);
			trends(after, improvement, concern);
			twoOfThree(after, limits, improvement, concern);
		}

		List<ChartMonth> months = new ArrayList<>();
		boolean anyImprovement = false;
		boolean anyConcern = false;
		for (int i = 0; i < sorted.size(); i++) {
			MonthValue m = sorted.get(i);
			boolean before = m.month().isBefore(changeMonth);
			Signal signal = null;
			List<Rule> rules = List.of();
			if (!improvement.get(i).isEmpty()) {
				signal = Signal.IMPROVEMENT;
				rules = List.copyOf(improvement.get(i));
				anyImprovement = true;
			}
			else if (!concern.get(i).isEmpty()) {
				signal = Signal.CONCERN;
				rules = List.copyOf(concern.get(i));
				anyConcern = true;
			}
			months.add(new ChartMonth(m.month(), m.value(), before ? Phase.BASELINE : Phase.AFTER, signal, rules));
		}
		return new XmrChart(changeMonth, baseline, months, Verdict.of(anyImprovement, anyConcern));
	}

	public YearMonth changeMonth() {
		return this.changeMonth;
	}

	public Baseline baseline() {
		return this.baseline;
	}

	/** Every month from the baseline start, with or without a value, in order. */
	public List<ChartMonth> months() {
		return this.months;
	}

	public Verdict verdict() {
		return this.verdict;
	}

	/**
	 * The verdict in words, e.g. "improved: 7 months above the baseline mean since April
	 * 2026".
	 */
	public String verdictInWords() {
		String since = this.changeMonth.format(MONTH_WORDS);
		if (!this.baseline.hasLimits()) {
			return "no change can be judged: the baseline has fewer than 2 months with a value";
		}
		long afterWithValue = this.months.stream().filter((m) -> m.phase() == Phase.AFTER && m.value() != null).count();
		if (afterWithValue == 0) {
			return "no change yet: no month with a value since " + since;
		}
		return switch (this.verdict) {
			case NO_CHANGE -> "no change: no month since " + since + " signals a special cause";
			case IMPROVED -> "improved: " + describe(Signal.IMPROVEMENT) + " since " + since;
			case WORSE -> "worse: " + describe(Signal.CONCERN) + " since " + since;
			case MIXED -> "mixed: " + months(count(Signal.IMPROVEMENT, null)) + " of improvement and "
					+ months(count(Signal.CONCERN, null)) + " of concern since " + since;
		};
	}

	private String describe(Signal signal) {
		boolean up = signal == Signal.IMPROVEMENT;
		if (count(signal, Rule.SHIFT) > 0) {
			return months(count(signal, Rule.SHIFT)) + (up ? " above" : " below") + " the baseline mean";
		}
		if (count(signal, Rule.BEYOND_LIMIT) > 0) {
			return months(count(signal, Rule.BEYOND_LIMIT)) + (up ? " above the upper" : " below the lower")
					+ " process limit";
		}
		if (count(signal, Rule.TREND) > 0) {
			return months(count(signal, Rule.TREND)) + (up ? " rising" : " falling") + " in a row";
		}
		return months(count(signal, Rule.TWO_OF_THREE)) + (up ? " beyond the upper" : " beyond the lower")
				+ " two-sigma line";
	}

	private long count(Signal signal, Rule rule) {
		return this.months.stream()
			.filter((m) -> m.signal() == signal && (rule == null || m.rules().contains(rule)))
			.count();
	}

	private static String months(long n) {
		return n + ((n == 1) ? " month" : " months");
	}

	private static void beyondLimits(List<Point> after, Limits limits, List<Set<Rule>> improvement,
			List<Set<Rule>> concern) {
		for (Point p : after) {
			if (p.value().compareTo(limits.upper()) > 0) {
				improvement.get(p.index()).add(Rule.BEYOND_LIMIT);
			}
			if (p.value().compareTo(limits.lower()) < 0) {
				concern.get(p.index()).add(Rule.BEYOND_LIMIT);
			}
		}
	}

	/**
	 * Runs of 7 or more months strictly on one side of the mean; a month on it breaks.
	 */
	private static void shifts(List<Point> after, BigDecimal mean, List<Set<Rule>> improvement,
			List<Set<Rule>> concern) {
		int start = 0;
		while (start < after.size()) {
			int side = after.get(start).value().compareTo(mean);
			int end = start + 1;
			while (end < after.size() && after.get(end).value().compareTo(mean) == side) {
				end++;
			}
			if (side != 0 && end - start >= RUN) {
				for (int i = start; i < end; i++) {
					((side > 0) ? improvement : concern).get(after.get(i).index()).add(Rule.SHIFT);
				}
			}
			start = end;
		}
	}

	/**
	 * Runs of 7 or more months each strictly above (or below) the month before: 6 rises
	 * or 6 falls in a row. Equal neighbours break a run; a peak can end a rise and start
	 * a fall.
	 */
	private static void trends(List<Point> after, List<Set<Rule>> improvement, List<Set<Rule>> concern) {
		int start = 0;
		while (start < after.size() - 1) {
			int direction = after.get(start + 1).value().compareTo(after.get(start).value());
			int end = start + 1;
			while (end + 1 < after.size()
					&& after.get(end + 1).value().compareTo(after.get(end).value()) == direction) {
				end++;
			}
			// months start..end (inclusive) rise or fall in turn
			if (direction != 0 && end - start + 1 >= RUN) {
				for (int i = start; i <= end; i++) {
					((direction > 0) ? improvement : concern).get(after.get(i).index()).add(Rule.TREND);
				}
			}
			start = end;
		}
	}

	/**
	 * Windows of 3 consecutive months with at least 2 beyond the same two-sigma line:
	 * each month of the window beyond that line signals.
	 */
	private static void twoOfThree(List<Point> after, Limits limits, List<Set<Rule>> improvement,
			List<Set<Rule>> concern) {
		for (int w = 0; w + 3 <= after.size(); w++) {
			List<Point> window = after.subList(w, w + 3);
			List<Point> above = window.stream().filter((p) -> p.value().compareTo(limits.upper2s()) > 0).toList();
			List<Point> below = window.stream().filter((p) -> p.value().compareTo(limits.lower2s()) < 0).toList();
			if (above.size() >= 2) {
				above.forEach((p) -> improvement.get(p.index()).add(Rule.TWO_OF_THREE));
			}
			if (below.size() >= 2) {
				below.forEach((p) -> concern.get(p.index()).add(Rule.TWO_OF_THREE));
			}
		}
	}

	/** A month after the change with a value, by its place in the chart's months. */
	private record Point(int index, BigDecimal value) {
	}

	/** Mean, moving range and lines of the baseline values, exact to 34 digits. */
	private record Limits(BigDecimal mean, BigDecimal mrBar, BigDecimal upper, BigDecimal lower, BigDecimal upper2s,
			BigDecimal lower2s) {

		static Limits of(List<BigDecimal> values) {
			if (values.size() < 2) {
				return new Limits(null, null, null, null, null, null);
			}
			BigDecimal sum = BigDecimal.ZERO;
			for (BigDecimal v : values) {
				sum = sum.add(v);
			}
			BigDecimal mean = sum.divide(BigDecimal.valueOf(values.size()), PRECISION);
			BigDecimal ranges = BigDecimal.ZERO;
			for (int i = 1; i < values.size(); i++) {
				ranges = ranges.add(values.get(i).subtract(values.get(i - 1)).abs());
			}
			// Divisions last, so that limits of a hand-worked series come out exact.
			BigDecimal count = BigDecimal.valueOf(values.size() - 1);
			BigDecimal mrBar = ranges.divide(count, PRECISION);
			BigDecimal limit = LIMIT_FACTOR.multiply(ranges).divide(count, PRECISION);
			BigDecimal twoSigma = LIMIT_FACTOR.multiply(ranges)
				.multiply(BigDecimal.TWO)
				.divide(count.multiply(BigDecimal.valueOf(3)), PRECISION);
			return new Limits(mean, mrBar, mean.add(limit, PRECISION), mean.subtract(limit, PRECISION),
					mean.add(twoSigma, PRECISION), mean.subtract(twoSigma, PRECISION));
		}

		Baseline baseline(YearMonth from, YearMonth to, int points) {
			return new Baseline(from, to, points, d(this.mean), d(this.mrBar), d(this.upper), d(this.lower),
					d(this.upper2s), d(this.lower2s), points < Baseline.FIXED_LIMITS_POINTS);
		}

		private static Double d(BigDecimal value) {
			return (value != null) ? value.doubleValue() : null;
		}

	}

}
