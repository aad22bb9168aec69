package org.probity.equality;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BenjaminiHochbergTests {

	@Test
	void adjustsAHandWorkedList() {
		// sorted: 0.005, 0.01, 0.03, 0.04; m p / rank: 0.02, 0.02, 0.04, 0.04; the
		// minimum
		// from each rank upwards gives the same, returned in the order given
		double[] q = BenjaminiHochberg.adjust(new double[] { 0.01, 0.04, 0.03, 0.005 });
		assertThat(q).containsExactly(new double[] { 0.02, 0.04, 0.04, 0.02 }, within(1e-15));
	}

	@Test
	void takesTheSmallestAdjustedValueOfTheRanksAbove() {
		// sorted 0.02, 0.03, 0.035; 3 p / rank: 0.06, 0.045, 0.035: q = 0.035 for all
		double[] q = BenjaminiHochberg.adjust(new double[] { 0.035, 0.02, 0.03 });
		assertThat(q).containsExactly(new double[] { 0.035, 0.035, 0.035 }, within(1e-15));
		// 0.5 and 0.9: 2 x 0.5 / 1 = 1.0 is above 0.9, the next rank's
		assertThat(BenjaminiHochberg.adjust(new double[] { 0.9, 0.5 })).containsExactly(new double[] { 0.9, 0.9 },
				within(1e-15));
	}

	@Test
	void leavesNothingToAdjustAlone() {
		assertThat(BenjaminiHochberg.adjust(new double[0])).isEmpty();
		assertThat(BenjaminiHochberg.adjust(new double[] { 0.2 })).containsExactly(0.2);
	}

}
