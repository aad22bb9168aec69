package org.probity.equality;

import org.apache.commons.statistics.inference.FisherExactTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The p-values of equality.md against published worked values. */
class SignificanceTests {

	@Test
	void chiSquareHasNoContinuityCorrection() {
		// [[20, 30], [30, 20]]: chi-square = 100 (400 - 900)^2 / 50^4 = 4.0 exactly,
		// whose
		// upper tail with one degree of freedom is 0.0455003 (with Yates' correction it
		// would be 3.24, p = 0.0719)
		assertThat(Significance.chiSquare(20, 50, 30, 50)).isCloseTo(0.04550026389635842, within(1e-12));
		assertThat(Significance.pValue(20, 50, 30, 50)).isCloseTo(0.04550026389635842, within(1e-12));
	}

	@Test
	void fisherSumsTablesOfEqualProbabilityTheLadyTastingTea() {
		// Fisher (1935): [[3, 1], [1, 3]], two-sided p = 34/70 = 0.4857 (R fisher.test);
		// the table x = 1 is exactly as probable as the observed x = 3 and counts
		assertThat(Significance.fisher(3, 4, 1, 4)).isCloseTo(34.0 / 70, within(1e-12));
		assertThat(Significance.fisher(1, 4, 3, 4)).isCloseTo(34.0 / 70, within(1e-12));
	}

	@Test
	void fisherAgreesWithThePublishedDietingExample() {
		// Wikipedia "Fisher's exact test": men 1 dieting of 12, women 9 of 12, as group
		// [[1, 11]] against rest [[9, 3]]: two-sided p = 0.002759 (R fisher.test)
		assertThat(Significance.fisher(1, 12, 9, 12)).isCloseTo(0.002759, within(5e-7));
		// where no other table is equally probable, Commons Statistics' own test agrees
		assertThat(Significance.fisher(1, 12, 9, 12)).isCloseTo(
				FisherExactTest.withDefaults().test(new int[][] { { 1, 11 }, { 9, 3 } }).getPValue(), within(1e-12));
	}

	@Test
	void usesChiSquareWhenEveryExpectedCountIsAtLeastFive() {
		// 10 and 10 cases, 10 met in all: every expected count is exactly 5
		assertThat(Significance.chiSquareApplies(3, 10, 7, 10)).isTrue();
		assertThat(Significance.pValue(3, 10, 7, 10)).isEqualTo(Significance.chiSquare(3, 10, 7, 10));
		// chi-square = 20 (3 x 3 - 7 x 7)^2 / (10 x 10 x 10 x 10) = 3.2, p = 0.0736
		assertThat(Significance.pValue(3, 10, 7, 10)).isCloseTo(0.07363827012030266, within(1e-12));
	}

	@Test
	void usesFisherWhenAnExpectedCountIsBelowFive() {
		// 10 and 10 cases, 9 met in all: the smallest expected count is 10 x 9 / 20 = 4.5
		assertThat(Significance.chiSquareApplies(2, 10, 7, 10)).isFalse();
		assertThat(Significance.pValue(2, 10, 7, 10)).isEqualTo(Significance.fisher(2, 10, 7, 10));
		// hypergeometric: 20 cases, 9 met, 10 in the group; P(2) = P(7) = 0.0349, P(1) =
		// P(8) = 0.0027, P(0) = P(9) = 0.0001: two-sided 0.0698
		assertThat(Significance.pValue(2, 10, 7, 10)).isCloseTo(0.06977851869492735, within(1e-12));
		// 11 and 10 cases, 10 met: expected 10 x 10 / 21 = 4.76
		assertThat(Significance.chiSquareApplies(5, 11, 5, 10)).isFalse();
	}

}
