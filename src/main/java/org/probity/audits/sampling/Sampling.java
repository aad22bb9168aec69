package org.probity.audits.sampling;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.probity.shared.SplitMix64;

/**
 * Reproducible random samples (case-audit.md, "Sampling").
 * <p>
 * Simple random sample: the population is sorted by its stable key (the event id), then a
 * partial Fisher-Yates shuffle driven by SplitMix64 from the stored seed picks the first
 * n: for i = 0 .. n-1, j = i + nextInt(N - i), swap i and j. The same seed and population
 * always give the same sample, in the same order.
 * <p>
 * Stratified sample: sizes are allocated to strata in proportion to their size by largest
 * remainder (ties to the stratum whose key sorts first), then each stratum, taken in key
 * order, is sampled as above from one generator seeded with the stored seed.
 */
final class Sampling {

	private Sampling() {
	}

	public static <T> List<T> simple(List<T> population, Function<T, String> key, int size, long seed) {
		return draw(population, key, size, new SplitMix64(seed));
	}

	public static <T> List<T> stratified(List<T> population, Function<T, String> key, Function<T, String> stratum,
			int size, long seed) {
		Map<String, List<T>> strata = new TreeMap<>();
		for (T item : population) {
			strata.computeIfAbsent(stratum.apply(item), (k) -> new ArrayList<>()).add(item);
		}
		Map<String, Integer> sizes = new LinkedHashMap<>();
		strata.forEach((k, members) -> sizes.put(k, members.size()));
		Map<String, Integer> allocation = allocate(sizes, size);
		SplitMix64 random = new SplitMix64(seed);
		List<T> sample = new ArrayList<>();
		strata.forEach((k, members) -> sample.addAll(draw(members, key, allocation.get(k), random)));
		return sample;
	}

	/**
	 * Proportional allocation by largest remainder: each stratum gets floor(n * N_h / N),
	 * then the seats left over go one each to the largest remainders, ties to the stratum
	 * whose key sorts first. The allocations sum to n exactly.
	 */
	public static Map<String, Integer> allocate(Map<String, Integer> strataSizes, int size) {
		long total = strataSizes.values().stream().mapToLong(Integer::longValue).sum();
		checkSize(size, total);
		Map<String, Integer> allocation = new TreeMap<>();
		if (total == 0) {
			strataSizes.keySet().forEach((k) -> allocation.put(k, 0));
			return allocation;
		}
		record Share(String key, BigInteger remainder) {
		}
		List<Share> shares = new ArrayList<>();
		int allocated = 0;
		for (Map.Entry<String, Integer> stratum : new TreeMap<>(strataSizes).entrySet()) {
			BigInteger[] division = BigInteger.valueOf((long) size * stratum.getValue())
				.divideAndRemainder(BigInteger.valueOf(total));
			allocation.put(stratum.getKey(), division[0].intValueExact());
			allocated += division[0].intValueExact();
			shares.add(new Share(stratum.getKey(), division[1]));
		}
		shares.sort(Comparator.comparing(Share::remainder).reversed().thenComparing(Share::key));
		for (int i = 0; allocated < size; i++, allocated++) {
			allocation.merge(shares.get(i).key(), 1, Integer::sum);
		}
		return allocation;
	}

	private static <T> List<T> draw(List<T> population, Function<T, String> key, int size, SplitMix64 random) {
		checkSize(size, population.size());
		List<T> items = new ArrayList<>(population);
		items.sort(Comparator.comparing(key));
		for (int i = 0; i < size; i++) {
			int j = i + random.nextInt(items.size() - i);
			T swap = items.get(i);
			items.set(i, items.get(j));
			items.set(j, swap);
		}
		return List.copyOf(items.subList(0, size));
	}

	private static void checkSize(int size, long populationSize) {
		if (size < 0) {
			throw new IllegalArgumentException("The sample size cannot be negative");
		}
		if (size > populationSize) {
			throw new IllegalArgumentException(
					"The sample size (" + size + ") is larger than the population (" + populationSize + " cases)");
		}
	}

}
