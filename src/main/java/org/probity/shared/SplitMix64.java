package org.probity.shared;

/**
 * SplitMix64 (Steele, Lea and Flood, 2014; the generator behind
 * java.util.SplittableRandom), written out here so that a stored seed reproduces the same
 * sample on any JDK, and so that an inspector can re-run a draw with the published
 * algorithm. The audits' samples and the demo's generated answers draw from it.
 */
public final class SplitMix64 {

	private long state;

	public SplitMix64(long seed) {
		this.state = seed;
	}

	public long nextLong() {
		long z = (this.state += 0x9E3779B97F4A7C15L);
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/** A uniform integer in [0, bound), by rejection so that no value is favoured. */
	public int nextInt(int bound) {
		if (bound <= 0) {
			throw new IllegalArgumentException("bound must be positive");
		}
		long bits;
		long value;
		do {
			bits = nextLong() >>> 1;
			value = bits % bound;
		}
		while (bits - value + (bound - 1) < 0);
		return (int) value;
	}

}
