package org.probity.equality;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Benjamini-Hochberg adjusted p-values (q-values), as equality.md defines them: with the
 * m p-values sorted ascending, q_(i) = min over j >= i of m * p_(j) / j, capped at 1.
 */
final class BenjaminiHochberg {

	private BenjaminiHochberg() {
	}

	/** The q-value of each p-value, in the order given. */
	static double[] adjust(double[] pValues) {
		int m = pValues.length;
		Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
		Arrays.sort(order, Comparator.comparingDouble((Integer i) -> pValues[i]));
		double[] q = new double[m];
		double running = 1.0;
		for (int rank = m; rank >= 1; rank--) {
			int i = order[rank - 1];
			running = Math.min(running, m * pValues[i] / rank);
			q[i] = running;
		}
		return q;
	}

}
