package org.probity.equality;

import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.apache.commons.statistics.inference.ChiSquareTest;

/**
 * The two-sided p-value of equality.md for a group against the rest, from the 2x2 table
 * [[met in the group, unmet in the group], [met in the rest, unmet in the rest]]:
 * Pearson's chi-square test with one degree of freedom and no continuity correction when
 * every expected count is at least 5, otherwise Fisher's exact test.
 */
final class Significance {

	/**
	 * Tables whose probability is within this factor of the observed table's count as no
	 * more probable (equality.md; R's fisher.test uses the same tolerance), so that
	 * tables of equal probability are not split by rounding.
	 */
	static final double FISHER_TOLERANCE = 1 + 1e-7;

	private Significance() {
	}

	static boolean chiSquareApplies(long metGroup, long group, long metRest, long rest) {
		long total = group + rest;
		long met = metGroup + metRest;
		long unmet = total - met;
		// expected count = row total x column total / grand total, each at least 5
		return 5 * total <= Math.min(group, rest) * Math.min(met, unmet);
	}

	static double pValue(long metGroup, long group, long metRest, long rest) {
		if (chiSquareApplies(metGroup, group, metRest, rest)) {
			return chiSquare(metGroup, group, metRest, rest);
		}
		return fisher(Math.toIntExact(metGroup), Math.toIntExact(group), Math.toIntExact(metRest),
				Math.toIntExact(rest));
	}

	/**
	 * Pearson's chi-square without continuity correction (Commons Statistics applies
	 * none).
	 */
	static double chiSquare(long metGroup, long group, long metRest, long rest) {
		long[][] table = { { metGroup, group - metGroup }, { metRest, rest - metRest } };
		return ChiSquareTest.withDefaults().test(table).getPValue();
	}

	/**
	 * Fisher's exact test, two-sided as equality.md defines it: the sum of the
	 * probabilities of every table with the same margins whose probability is at most the
	 * observed table's times {@link #FISHER_TOLERANCE}. Commons Statistics' own two-sided
	 * test compares without that tolerance, so only its hypergeometric distribution is
	 * used.
	 */
	static double fisher(int metGroup, int group, int metRest, int rest) {
		int total = group + rest;
		int met = metGroup + metRest;
		// the number met in the group, given both margins
		HypergeometricDistribution distribution = HypergeometricDistribution.of(total, met, group);
		double observed = distribution.probability(metGroup) * FISHER_TOLERANCE;
		double p = 0;
		for (int k = distribution.getSupportLowerBound(); k <= distribution.getSupportUpperBound(); k++) {
			double probability = distribution.probability(k);
			if (probability <= observed) {
				p += probability;
			}
		}
		return Math.min(1.0, p);
	}

}
