package org.probity.improvement.spc;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class XmrChartTests {

	private static final YearMonth FROM = YearMonth.of(2025, 4);

	private static final YearMonth CHANGE = YearMonth.of(2026, 4);

	/**
	 * Twelve baseline months around 50: mean 50, every moving range 6, so MR-bar 6,
	 * process limits 50 +/- 2.66 x 6 = 65.96 and 34.04, two-sigma lines 50 +/- (2/3) x
	 * 15.96 = 60.64 and 39.36.
	 */
	private static final Double[] STEADY = { 47.0, 53.0, 47.0, 53.0, 47.0, 53.0, 47.0, 53.0, 47.0, 53.0, 47.0, 53.0 };

	@Test
	void limitsOfAHandWorkedSeries() {
		// 80 81 85 87 88 83 82 87 87 83 86 79: sum 1008, mean 1008 / 12 = 84.
		// Moving ranges 1 4 2 1 5 1 5 0 4 3 7: sum 33, MR-bar 33 / 11 = 3.
		// Limits 84 +/- 2.66 x 3 = 84 +/- 7.98: 91.98 and 76.02.
		// Two-sigma 84 +/- (2/3) x 7.98 = 84 +/- 5.32: 89.32 and 78.68.
		XmrChart chart = chart(baseline(80, 81, 85, 87, 88, 83, 82, 87, 87, 83, 86, 79), List.of());
		Baseline b = chart.baseline();
		assertThat(b.points()).isEqualTo(12);
		assertThat(b.mean()).isCloseTo(84.0, within(1e-9));
		assertThat(b.mrBar()).isCloseTo(3.0, within(1e-9));
		assertThat(b.upper()).isCloseTo(91.98, within(1e-9));
		assertThat(b.lower()).isCloseTo(76.02, within(1e-9));
		assertThat(b.upper2s()).isCloseTo(89.32, within(1e-9));
		assertThat(b.lower2s()).isCloseTo(78.68, within(1e-9));
		assertThat(b.trial()).isFalse();
		assertThat(b.from()).isEqualTo(FROM);
		assertThat(b.to()).isEqualTo(CHANGE.minusMonths(1));
	}

	@Test
	void limitsOfAnUnevenSeriesThatDoNotComeOutRound() {
		// 10 13 11 16: mean 50 / 4 = 12.5; ranges 3 2 5, MR-bar 10 / 3 = 3.333...;
		// limits 12.5 +/- 8.8666... = 21.3666... and 3.6333...
		Baseline b = chart(baseline(10, 13, 11, 16), List.of()).baseline();
		assertThat(b.mean()).isCloseTo(12.5, within(1e-9));
		assertThat(b.mrBar()).isCloseTo(10.0 / 3, within(1e-9));
		assertThat(b.upper()).isCloseTo(12.5 + 2.66 * 10 / 3, within(1e-9));
		assertThat(b.lower()).isCloseTo(12.5 - 2.66 * 10 / 3, within(1e-9));
		assertThat(b.upper2s()).isCloseTo(12.5 + 2.0 / 3 * 2.66 * 10 / 3, within(1e-9));
		assertThat(b.lower2s()).isCloseTo(12.5 - 2.0 / 3 * 2.66 * 10 / 3, within(1e-9));
		assertThat(b.trial()).isTrue();
	}

	@Test
	void aLowerLimitBelowZeroIsKeptAsItIs() {
		// 0 4 0 4: mean 2, MR-bar 4, limits 2 +/- 10.64.
		Baseline b = chart(baseline(0, 4, 0, 4), List.of()).baseline();
		assertThat(b.lower()).isCloseTo(-8.64, within(1e-9));
	}

	@Test
	void aBaselineMonthWithNoCasesIsLeftOutAndItsNeighboursAreConsecutive() {
		// 80, (none), 84, 82: mean 246 / 3 = 82; ranges |84 - 80| = 4 and |82 - 84| = 2,
		// MR-bar 3 (not 80 -> 0 -> 84).
		XmrChart chart = chart(gaps(80.0, null, 84.0, 82.0), List.of());
		Baseline b = chart.baseline();
		assertThat(b.points()).isEqualTo(3);
		assertThat(b.mean()).isCloseTo(82.0, within(1e-9));
		assertThat(b.mrBar()).isCloseTo(3.0, within(1e-9));
		assertThat(chart.months()).hasSize(4);
		assertThat(chart.months().get(1).value()).isNull();
		assertThat(chart.months().get(1).phase()).isEqualTo(Phase.BASELINE);
	}

	@Test
	void aMonthWithNoCasesAfterTheChangeNeitherSignalsNorBreaksARun() {
		// Seven months above the mean with an empty month among them: still seven in a
		// row.
		XmrChart chart = chart(STEADY, afterGaps(52.0, 53.0, 51.0, null, 52.0, 54.0, 51.0, 52.0));
		List<ChartMonth> after = afterMonths(chart);
		assertThat(after.get(3).value()).isNull();
		assertThat(after.get(3).signal()).isNull();
		assertThat(after.get(3).rules()).isEmpty();
		assertThat(after).filteredOn((m) -> m.value() != null)
			.allSatisfy((m) -> assertThat(m.rules()).containsExactly(Rule.SHIFT));
		assertThat(chart.verdict()).isEqualTo(Verdict.IMPROVED);
	}

	@Test
	void elevenBaselineValuesGiveTrialLimitsAndTwelveFixedOnes() {
		Double[] eleven = Arrays.copyOf(STEADY, 11);
		assertThat(chart(eleven, List.of()).baseline().trial()).isTrue();
		assertThat(chart(eleven, List.of()).baseline().points()).isEqualTo(11);
		assertThat(chart(STEADY, List.of()).baseline().trial()).isFalse();
		// A month with no cases does not count towards the twelve.
		Double[] twelveMonthsElevenValues = Arrays.copyOf(STEADY, 12);
		twelveMonthsElevenValues[5] = null;
		assertThat(chart(twelveMonthsElevenValues, List.of()).baseline().trial()).isTrue();
	}

	@Test
	void trialLimitsStillJudgeTheMonthsAfterTheChange() {
		XmrChart chart = chart(baseline(47, 53, 47, 53), after(70));
		assertThat(chart.baseline().trial()).isTrue();
		assertThat(afterMonths(chart).get(0).rules()).containsExactly(Rule.BEYOND_LIMIT);
	}

	@Test
	void fewerThanTwoBaselineValuesGiveNoMeanNoLimitsAndNoSignals() {
		XmrChart one = chart(gaps(50.0, null, null), after(90, 91, 92, 93, 94, 95, 96));
		Baseline b = one.baseline();
		assertThat(b.points()).isEqualTo(1);
		assertThat(b.mean()).isNull();
		assertThat(b.mrBar()).isNull();
		assertThat(b.upper()).isNull();
		assertThat(b.lower()).isNull();
		assertThat(b.upper2s()).isNull();
		assertThat(b.lower2s()).isNull();
		assertThat(b.trial()).isTrue();
		assertThat(one.months()).allSatisfy((m) -> assertThat(m.signal()).isNull());
		assertThat(one.verdict()).isEqualTo(Verdict.NO_CHANGE);

		XmrChart none = chart(new Double[0], after(90));
		assertThat(none.baseline().points()).isZero();
		assertThat(none.baseline().mean()).isNull();
		assertThat(none.verdict()).isEqualTo(Verdict.NO_CHANGE);

		XmrChart two = chart(baseline(50, 52), List.of());
		assertThat(two.baseline().mean()).isCloseTo(51.0, within(1e-9));
		assertThat(two.baseline().mrBar()).isCloseTo(2.0, within(1e-9));
	}

	@Test
	void aMonthStrictlyAboveTheUpperLimitIsAnImprovement() {
		// Three months apart, so that no two of them are within three months.
		List<ChartMonth> months = afterMonths(chart(STEADY, after(65.96, 50.5, 49.5, 65.97, 50.5)));
		assertThat(months.get(0).signal()).isNull();
		assertThat(months.get(3).signal()).isEqualTo(Signal.IMPROVEMENT);
		assertThat(months.get(3).rules()).containsExactly(Rule.BEYOND_LIMIT);
		assertThat(months.get(4).signal()).isNull();
	}

	@Test
	void aMonthStrictlyBelowTheLowerLimitIsAConcern() {
		XmrChart chart = chart(STEADY, after(34.04, 50.5, 49.5, 34.03, 49.5));
		List<ChartMonth> months = afterMonths(chart);
		assertThat(months.get(0).signal()).isNull();
		assertThat(months.get(3).signal()).isEqualTo(Signal.CONCERN);
		assertThat(months.get(3).rules()).containsExactly(Rule.BEYOND_LIMIT);
		assertThat(chart.verdict()).isEqualTo(Verdict.WORSE);
	}

	@Test
	void sixMonthsAboveTheMeanAreNoShift() {
		XmrChart chart = chart(STEADY, after(52, 51, 53, 52, 54, 51, 48));
		assertThat(afterMonths(chart)).allSatisfy((m) -> assertThat(m.signal()).isNull());
		assertThat(chart.verdict()).isEqualTo(Verdict.NO_CHANGE);
	}

	@Test
	void sevenMonthsAboveTheMeanAreAShiftFromTheFirstOfThem() {
		XmrChart chart = chart(STEADY, after(48, 52, 51, 53, 52, 54, 51, 52, 49));
		List<ChartMonth> months = afterMonths(chart);
		assertThat(months.get(0).signal()).isNull();
		for (int i = 1; i <= 7; i++) {
			assertThat(months.get(i).signal()).isEqualTo(Signal.IMPROVEMENT);
			assertThat(months.get(i).rules()).containsExactly(Rule.SHIFT);
		}
		assertThat(months.get(8).signal()).isNull();
		assertThat(chart.verdict()).isEqualTo(Verdict.IMPROVED);
	}

	@Test
	void sevenMonthsBelowTheMeanAreAConcern() {
		XmrChart chart = chart(STEADY, after(48, 49, 47, 48, 46, 49, 48));
		assertThat(afterMonths(chart)).allSatisfy((m) -> {
			assertThat(m.signal()).isEqualTo(Signal.CONCERN);
			assertThat(m.rules()).containsExactly(Rule.SHIFT);
		});
		assertThat(chart.verdict()).isEqualTo(Verdict.WORSE);
	}

	@Test
	void aMonthOnTheMeanBreaksARun() {
		XmrChart chart = chart(STEADY, after(52, 51, 53, 50, 52, 54, 51, 52));
		assertThat(afterMonths(chart)).allSatisfy((m) -> assertThat(m.signal()).isNull());
	}

	@Test
	void aRunIsCountedOverTheMonthsAfterTheChangeOnly() {
		// The baseline ends with four months above its mean of 50; six more after the
		// change make ten in a row, but only six of them after the change.
		Double[] base = { 44.0, 56.0, 44.0, 56.0, 44.0, 56.0, 44.0, 56.0, 51.0, 52.0, 51.0, 52.0 };
		XmrChart chart = chart(base, after(52, 51, 53, 52, 54, 51));
		assertThat(chart.baseline().mean()).isCloseTo(50.5, within(1e-9));
		assertThat(afterMonths(chart)).allSatisfy((m) -> assertThat(m.signal()).isNull());
	}

	@Test
	void sixRisingMonthsAreNoTrend() {
		// Five rises, crossing the mean so that no shift hides the rule.
		XmrChart chart = chart(STEADY, after(44, 46, 48, 51, 53, 55, 45));
		assertThat(afterMonths(chart)).allSatisfy((m) -> assertThat(m.signal()).isNull());
	}

	@Test
	void sevenRisingMonthsAreATrendFromTheFirstOfThem() {
		XmrChart chart = chart(STEADY, after(49, 44, 46, 48, 49, 51, 53, 55, 52));
		List<ChartMonth> months = afterMonths(chart);
		assertThat(months.get(0).signal()).isNull();
		for (int i = 1; i <= 7; i++) {
			assertThat(months.get(i).signal()).as("month %d", i).isEqualTo(Signal.IMPROVEMENT);
			assertThat(months.get(i).rules()).containsExactly(Rule.TREND);
		}
		assertThat(months.get(8).signal()).isNull();
	}

	@Test
	void everyMonthOfALongerTrendSignals() {
		XmrChart chart = chart(STEADY, after(43, 44, 46, 48, 49, 51, 53, 55, 56));
		assertThat(afterMonths(chart)).allSatisfy((m) -> assertThat(m.rules()).containsExactly(Rule.TREND));
	}

	@Test
	void sevenFallingMonthsAreAConcern() {
		XmrChart chart = chart(STEADY, after(55, 53, 51, 49, 48, 46, 44));
		assertThat(afterMonths(chart)).allSatisfy((m) -> {
			assertThat(m.signal()).isEqualTo(Signal.CONCERN);
			assertThat(m.rules()).containsExactly(Rule.TREND);
		});
		assertThat(chart.verdict()).isEqualTo(Verdict.WORSE);
	}

	@Test
	void equalNeighboursBreakATrend() {
		XmrChart chart = chart(STEADY, after(44, 46, 48, 48, 51, 53, 55, 56));
		assertThat(afterMonths(chart)).allSatisfy((m) -> assertThat(m.signal()).isNull());
	}

	@Test
	void aTrendIsCountedOverTheMonthsAfterTheChangeOnly() {
		// The baseline ends on 44; six rising months after it make seven rising months in
		// all, but only six of them after the change.
		Double[] base = Arrays.copyOf(STEADY, 12);
		base[11] = 44.0;
		XmrChart chart = chart(base, after(45, 46, 48, 51, 53, 55));
		assertThat(chart.baseline().mean()).isCloseTo(49.25, within(1e-9));
		assertThat(afterMonths(chart)).allSatisfy((m) -> assertThat(m.signal()).isNull());
	}

	@Test
	void aPeakEndsARiseAndStartsAFall() {
		// 7 rising to 56, then 7 falling from it: the peak is in both; a rise and a fall
		// around the mean, so no shift.
		XmrChart chart = chart(STEADY, after(43, 44, 46, 48, 51, 53, 56, 54, 52, 51, 49, 47, 45));
		List<ChartMonth> months = afterMonths(chart);
		for (int i = 0; i <= 6; i++) {
			assertThat(months.get(i).signal()).isEqualTo(Signal.IMPROVEMENT);
		}
		for (int i = 7; i <= 12; i++) {
			assertThat(months.get(i).signal()).isEqualTo(Signal.CONCERN);
			assertThat(months.get(i).rules()).containsExactly(Rule.TREND);
		}
		assertThat(chart.verdict()).isEqualTo(Verdict.MIXED);
	}

	@Test
	void oneOfThreeBeyondTheTwoSigmaLineIsNoSignal() {
		XmrChart chart = chart(STEADY, after(61, 52, 49, 51));
		assertThat(afterMonths(chart)).allSatisfy((m) -> assertThat(m.signal()).isNull());
	}

	@Test
	void twoOfThreeBeyondTheUpperTwoSigmaLineSignalBothOfThem() {
		XmrChart chart = chart(STEADY, after(49, 61, 52, 62, 49));
		List<ChartMonth> months = afterMonths(chart);
		assertThat(months.get(0).signal()).isNull();
		assertThat(months.get(1).signal()).isEqualTo(Signal.IMPROVEMENT);
		assertThat(months.get(1).rules()).containsExactly(Rule.TWO_OF_THREE);
		assertThat(months.get(2).signal()).isNull();
		assertThat(months.get(3).rules()).containsExactly(Rule.TWO_OF_THREE);
		assertThat(months.get(4).signal()).isNull();
	}

	@Test
	void twoInARowBeyondTheTwoSigmaLineSignal() {
		List<ChartMonth> months = afterMonths(chart(STEADY, after(61, 62, 50.5)));
		assertThat(months.subList(0, 2)).allSatisfy((m) -> assertThat(m.rules()).containsExactly(Rule.TWO_OF_THREE));
		assertThat(months.get(2).signal()).isNull();
	}

	@Test
	void twoMonthsFourApartAreNotTwoOfThree() {
		XmrChart chart = chart(STEADY, after(61, 52, 49, 62));
		assertThat(afterMonths(chart)).allSatisfy((m) -> assertThat(m.signal()).isNull());
	}

	@Test
	void twoBeyondTwoSigmaOnOppositeSidesAreNoSignal() {
		XmrChart chart = chart(STEADY, after(61, 52, 38));
		assertThat(afterMonths(chart)).allSatisfy((m) -> assertThat(m.signal()).isNull());
	}

	@Test
	void aMonthOnTheTwoSigmaLineIsNotBeyondIt() {
		XmrChart chart = chart(STEADY, after(60.64, 61, 49));
		assertThat(afterMonths(chart)).allSatisfy((m) -> assertThat(m.signal()).isNull());
	}

	@Test
	void twoOfThreeBelowTheLowerTwoSigmaLineAreAConcern() {
		XmrChart chart = chart(STEADY, after(38, 52, 37));
		List<ChartMonth> months = afterMonths(chart);
		assertThat(months.get(0).signal()).isEqualTo(Signal.CONCERN);
		assertThat(months.get(0).rules()).containsExactly(Rule.TWO_OF_THREE);
		assertThat(months.get(1).signal()).isNull();
		assertThat(months.get(2).rules()).containsExactly(Rule.TWO_OF_THREE);
		assertThat(chart.verdict()).isEqualTo(Verdict.WORSE);
	}

	@Test
	void aMonthBeyondTheLimitIsAlsoBeyondTheTwoSigmaLine() {
		List<ChartMonth> months = afterMonths(chart(STEADY, after(66, 61, 50.5)));
		assertThat(months.get(0).rules()).containsExactly(Rule.BEYOND_LIMIT, Rule.TWO_OF_THREE);
		assertThat(months.get(1).rules()).containsExactly(Rule.TWO_OF_THREE);
		assertThat(months.get(2).signal()).isNull();
	}

	@Test
	void twoOfThreeIsCountedOverTheMonthsAfterTheChangeOnly() {
		// The last baseline month is beyond its own two-sigma line (mean 613 / 12 =
		// 51.083, MR-bar 79 / 11 = 7.18, line 63.82); one month after the change beyond
		// it is still one of three.
		Double[] base = Arrays.copyOf(STEADY, 12);
		base[11] = 66.0;
		XmrChart chart = chart(base, after(64, 50.2, 49));
		assertThat(chart.baseline().mean()).isCloseTo(613.0 / 12, within(1e-9));
		assertThat(chart.baseline().upper2s()).isCloseTo(613.0 / 12 + 2.0 / 3 * 2.66 * 79 / 11, within(1e-9));
		assertThat(afterMonths(chart)).allSatisfy((m) -> assertThat(m.signal()).isNull());
	}

	@Test
	void anImprovementRuleWinsOverAConcernRuleForTheSameMonth() {
		// Seven months falling, all above the mean: a shift up and a trend down.
		XmrChart chart = chart(STEADY, after(60, 59, 58, 57, 56, 55, 54));
		assertThat(afterMonths(chart)).allSatisfy((m) -> {
			assertThat(m.signal()).isEqualTo(Signal.IMPROVEMENT);
			assertThat(m.rules()).containsExactly(Rule.SHIFT);
		});
		assertThat(chart.verdict()).isEqualTo(Verdict.IMPROVED);
	}

	@Test
	void verdicts() {
		assertThat(chart(STEADY, after(52, 48, 51, 49)).verdict()).isEqualTo(Verdict.NO_CHANGE);
		assertThat(chart(STEADY, after(70, 48)).verdict()).isEqualTo(Verdict.IMPROVED);
		assertThat(chart(STEADY, after(30, 52)).verdict()).isEqualTo(Verdict.WORSE);
		assertThat(chart(STEADY, after(70, 48, 30)).verdict()).isEqualTo(Verdict.MIXED);
		assertThat(chart(STEADY, List.of()).verdict()).isEqualTo(Verdict.NO_CHANGE);
	}

	@Test
	void baselineMonthsNeverSignal() {
		Double[] base = Arrays.copyOf(STEADY, 12);
		base[3] = 90.0;
		XmrChart chart = chart(base, after(50.5));
		assertThat(chart.months()).filteredOn((m) -> m.phase() == Phase.BASELINE)
			.hasSize(12)
			.allSatisfy((m) -> assertThat(m.signal()).isNull());
	}

	@Test
	void monthsBeforeTheBaselineStartAreLeftOut() {
		List<MonthValue> series = new ArrayList<>();
		series.add(new MonthValue(FROM.minusMonths(1), 1000.0));
		series.add(new MonthValue(FROM, 50.0));
		series.add(new MonthValue(FROM.plusMonths(1), 52.0));
		XmrChart chart = XmrChart.of(FROM, CHANGE, series);
		assertThat(chart.months()).hasSize(2);
		assertThat(chart.baseline().mean()).isCloseTo(51.0, within(1e-9));
	}

	@Test
	void theVerdictInWords() {
		assertThat(chart(STEADY, after(48, 52, 51, 53, 52, 54, 51, 52)).verdictInWords())
			.isEqualTo("improved: 7 months above the baseline mean since April 2026");
		assertThat(chart(STEADY, after(30, 50.5)).verdictInWords())
			.isEqualTo("worse: 1 month below the lower process limit since April 2026");
		assertThat(chart(STEADY, after(52, 48)).verdictInWords())
			.isEqualTo("no change: no month since April 2026 signals a special cause");
		assertThat(chart(STEADY, after(70, 48, 30)).verdictInWords())
			.isEqualTo("mixed: 1 month of improvement and 1 month of concern since April 2026");
	}

	@Test
	void refusesABaselineThatDoesNotStartBeforeTheChange() {
		assertThatIllegalArgumentException().isThrownBy(() -> XmrChart.of(CHANGE, CHANGE, List.of()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> XmrChart.of(FROM, CHANGE, List.of(new MonthValue(FROM, 1.0), new MonthValue(FROM, 2.0))));
	}

	private static List<ChartMonth> afterMonths(XmrChart chart) {
		return chart.months().stream().filter((m) -> m.phase() == Phase.AFTER).toList();
	}

	/**
	 * The baseline values from FROM, one a month; fewer than 12 start later, ending
	 * before CHANGE.
	 */
	private static XmrChart chart(Double[] baseline, List<Double> after) {
		List<MonthValue> series = new ArrayList<>();
		YearMonth first = CHANGE.minusMonths(baseline.length);
		for (int i = 0; i < baseline.length; i++) {
			series.add(new MonthValue(first.plusMonths(i), baseline[i]));
		}
		for (int i = 0; i < after.size(); i++) {
			series.add(new MonthValue(CHANGE.plusMonths(i), after.get(i)));
		}
		return XmrChart.of(first.isBefore(FROM) ? first : FROM, CHANGE, series);
	}

	private static Double[] baseline(double... values) {
		return Arrays.stream(values).boxed().toArray(Double[]::new);
	}

	private static Double[] gaps(Double... values) {
		return values;
	}

	private static List<Double> after(double... values) {
		return Arrays.stream(values).boxed().toList();
	}

	private static List<Double> afterGaps(Double... values) {
		return Arrays.asList(values);
	}

}
