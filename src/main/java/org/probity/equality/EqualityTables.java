package org.probity.equality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures of equality.md for one measure, period and unit or practitioner, from the
 * numerator and denominator of every group: suppression (primary and secondary), the
 * comparison of each shown, recorded group with the rest, and q-values over every
 * comparison of every characteristic together.
 */
final class EqualityTables {

	/** q-values below this are significant. */
	static final double SIGNIFICANCE = 0.05;

	/** Fewer rows than this (and at least one) are suppressed. */
	static final int SMALLEST_SHOWN = 5;

	/** A group's cases: what it adds to the numerator and denominator. */
	record Count(long numerator, long denominator) {

		static final Count NONE = new Count(0, 0);

		Count plus(Count other) {
			return new Count(this.numerator + other.numerator, this.denominator + other.denominator);
		}

	}

	/**
	 * One characteristic's table: every group in equality.md's order, and the cases of
	 * all of them (the measure's own denominator, which is shown anyway).
	 */
	record Table(Characteristic characteristic, List<GroupFigures> groups, long total) {
	}

	private EqualityTables() {
	}

	/**
	 * The tables of every characteristic, in order, from the counts of each group (a
	 * group missing from the map has no rows).
	 */
	static List<Table> of(Map<Characteristic, Map<String, Count>> counts) {
		return of(counts, SMALLEST_SHOWN);
	}

	/**
	 * As {@link #of(Map)} with groups of fewer than {@code smallest} rows (and at least
	 * one) suppressed, and a comparison made only with a rest of at least that many: a
	 * caller with a stricter small-number rule (feedback's 10 respondents) passes its
	 * own.
	 */
	static List<Table> of(Map<Characteristic, Map<String, Count>> counts, int smallest) {
		Map<Characteristic, List<GroupFigures>> tables = new LinkedHashMap<>();
		for (Characteristic c : Characteristic.values()) {
			tables.put(c, figures(c, counts.getOrDefault(c, Map.of()), smallest));
		}
		// q-values over every comparison made, every characteristic together
		List<double[]> made = new ArrayList<>();
		for (Characteristic c : Characteristic.values()) {
			List<GroupFigures> groups = tables.get(c);
			for (int i = 0; i < groups.size(); i++) {
				if (groups.get(i).pValue() != null) {
					made.add(new double[] { c.ordinal(), i, groups.get(i).pValue() });
				}
			}
		}
		double[] q = BenjaminiHochberg.adjust(made.stream().mapToDouble((x) -> x[2]).toArray());
		for (int k = 0; k < made.size(); k++) {
			List<GroupFigures> groups = tables.get(Characteristic.values()[(int) made.get(k)[0]]);
			int i = (int) made.get(k)[1];
			groups.set(i, groups.get(i).withQValue(q[k]));
		}
		return tables.entrySet().stream().map((e) -> {
			long total = counts.getOrDefault(e.getKey(), Map.of())
				.values()
				.stream()
				.mapToLong(Count::denominator)
				.sum();
			return new Table(e.getKey(), List.copyOf(e.getValue()), total);
		}).toList();
	}

	static Set<String> suppressed(Characteristic characteristic, Map<String, Count> counts) {
		return suppressed(characteristic, counts, SMALLEST_SHOWN);
	}

	static Set<String> suppressed(Characteristic characteristic, Map<String, Count> counts, int smallestShown) {
		Set<String> hidden = new HashSet<>();
		for (String g : characteristic.groups()) {
			long n = counts.getOrDefault(g, Count.NONE).denominator();
			if (n >= 1 && n < smallestShown) {
				hidden.add(g);
			}
		}
		if (hidden.size() == 1) {
			// the next smallest row with cases, the first in the table's order on a tie,
			// so that the hidden figure cannot be worked out from the measure's total
			String next = null;
			long smallest = Long.MAX_VALUE;
			for (String g : characteristic.groups()) {
				long n = counts.getOrDefault(g, Count.NONE).denominator();
				if (!hidden.contains(g) && n > 0 && n < smallest) {
					next = g;
					smallest = n;
				}
			}
			if (next != null) {
				hidden.add(next);
			}
		}
		return hidden;
	}

	private static List<GroupFigures> figures(Characteristic characteristic, Map<String, Count> counts, int smallest) {
		Set<String> hidden = suppressed(characteristic, counts, smallest);
		Count recorded = Count.NONE;
		for (String g : characteristic.groups()) {
			if (!Characteristic.NOT_RECORDED.equals(g)) {
				recorded = recorded.plus(counts.getOrDefault(g, Count.NONE));
			}
		}
		List<GroupFigures> figures = new ArrayList<>();
		for (String g : characteristic.groups()) {
			if (hidden.contains(g)) {
				figures.add(GroupFigures.suppressed(g));
				continue;
			}
			Count group = counts.getOrDefault(g, Count.NONE);
			long m = group.numerator();
			long n = group.denominator();
			Double performance = performance(m, n);
			if (Characteristic.NOT_RECORDED.equals(g)) {
				// not-recorded rows are in no comparison
				figures.add(new GroupFigures(g, false, m, n, performance, null, null, null, null, null, null, false,
						GroupFigures.Direction.NONE));
				continue;
			}
			long mr = recorded.numerator() - m;
			long nr = recorded.denominator() - n;
			Double restPerformance = performance(mr, nr);
			Double difference = (performance != null && restPerformance != null) ? performance - restPerformance : null;
			Double rateRatio = (n > 0 && nr > 0 && mr > 0) ? ((double) m / n) / ((double) mr / nr) : null;
			Double p = null;
			boolean bothOutcomes = (m + mr) >= 1 && ((n - m) + (nr - mr)) >= 1;
			if (n >= 1 && nr >= smallest && bothOutcomes) {
				p = Significance.pValue(m, n, mr, nr);
			}
			figures.add(new GroupFigures(g, false, m, n, performance, mr, nr, difference, rateRatio, p, null, false,
					GroupFigures.Direction.NONE));
		}
		return figures;
	}

	private static Double performance(long numerator, long denominator) {
		return (denominator == 0) ? null : 100.0 * numerator / denominator;
	}

}
