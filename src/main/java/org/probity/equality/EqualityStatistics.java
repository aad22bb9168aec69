package org.probity.equality;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics of equality.md for counts another module holds (feedback's positive
 * answers by self-declared characteristic): each shown, recorded group against the rest,
 * Pearson's chi-square or Fisher's exact test, Benjamini-Hochberg q-values over every
 * comparison of every characteristic together, and small-number suppression (primary and
 * secondary) at a threshold the caller may make stricter than equality's 5.
 */
public final class EqualityStatistics {

	/** equality.md's small-number rule: groups of 1 to 4 rows are suppressed. */
	public static final int SMALLEST_SHOWN = EqualityTables.SMALLEST_SHOWN;

	/** A group's rows: those that count as met (the numerator) and all of them. */
	public record Count(long numerator, long denominator) {

		public Count {
			if (numerator < 0 || denominator < numerator) {
				throw new IllegalArgumentException("A count needs 0 <= numerator <= denominator");
			}
		}

	}

	/**
	 * One characteristic's groups in equality.md's order, and the rows of all of them.
	 */
	public record Comparison(Characteristic characteristic, List<GroupFigures> groups, long total) {
	}

	private EqualityStatistics() {
	}

	/**
	 * Every characteristic's groups compared with their rest (a group or characteristic
	 * missing from the map has no rows), groups of 1 to {@code smallestShown - 1} rows
	 * suppressed, with the next smallest when only one is, and comparisons only with a
	 * rest of at least {@code smallestShown} rows.
	 * @param smallestShown at least {@link #SMALLEST_SHOWN}: a caller may be stricter,
	 * never laxer
	 */
	public static List<Comparison> compare(Map<Characteristic, Map<String, Count>> counts, int smallestShown) {
		if (smallestShown < SMALLEST_SHOWN) {
			throw new IllegalArgumentException("Groups of fewer than " + SMALLEST_SHOWN + " are always suppressed");
		}
		Map<Characteristic, Map<String, EqualityTables.Count>> rows = new EnumMap<>(Characteristic.class);
		counts.forEach((characteristic, groups) -> {
			Map<String, EqualityTables.Count> g = new HashMap<>();
			groups.forEach(
					(group, count) -> g.put(group, new EqualityTables.Count(count.numerator(), count.denominator())));
			rows.put(characteristic, g);
		});
		return EqualityTables.of(rows, smallestShown)
			.stream()
			.map((t) -> new Comparison(t.characteristic(), t.groups(), t.total()))
			.toList();
	}

}
