package org.probity.audits.sampling;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The sample size helper of case-audit.md, "Sampling": n0 = z^2 p(1-p) / e^2 with p =
 * 0.5, then the finite population correction n = ceil(n0 / (1 + (n0 - 1) / N)). Computed
 * in decimal arithmetic so that the ceiling is never pushed up by binary rounding.
 */
public final class SampleSize {

	/** HMIP-style default margin of error: 5 per cent. */
	public static final BigDecimal DEFAULT_MARGIN = new BigDecimal("0.05");

	private static final MathContext PRECISION = MathContext.DECIMAL128;

	private static final BigDecimal P_TIMES_Q = new BigDecimal("0.25");

	private SampleSize() {
	}

	/** n0: the size for an unbounded population. */
	public static BigDecimal unbounded(BigDecimal z, BigDecimal margin) {
		check(z, margin);
		try {
			return z.multiply(z).multiply(P_TIMES_Q).divide(margin.multiply(margin), PRECISION);
		}
		catch (ArithmeticException ex) {
			throw tooSmall();
		}
	}

	/**
	 * The recommended sample size.
	 * @param populationSize N, or null for an unbounded population
	 */
	public static int recommended(BigDecimal z, BigDecimal margin, Long populationSize) {
		BigDecimal n0 = unbounded(z, margin);
		// a margin so small that the unbounded size passes any count of cases is refused
		// before the finite population correction, whose arithmetic on it would overflow
		if (n0.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
			throw tooSmall();
		}
		if (populationSize == null) {
			return n0.setScale(0, RoundingMode.CEILING).intValueExact();
		}
		if (populationSize < 0) {
			throw new IllegalArgumentException("The population size cannot be negative");
		}
		if (populationSize == 0) {
			return 0;
		}
		BigDecimal correction = BigDecimal.ONE
			.add(n0.subtract(BigDecimal.ONE).divide(BigDecimal.valueOf(populationSize), PRECISION));
		return n0.divide(correction, PRECISION).setScale(0, RoundingMode.CEILING).intValueExact();
	}

	public static int recommended(ConfidenceLevel level, BigDecimal margin, Long populationSize) {
		return recommended(level.z(), margin, populationSize);
	}

	private static IllegalArgumentException tooSmall() {
		return new IllegalArgumentException(
				"The margin of error is too small: no sample could be that large. Enter one like 0.05");
	}

	private static void check(BigDecimal z, BigDecimal margin) {
		if (z == null || z.signum() <= 0) {
			throw new IllegalArgumentException("z must be positive");
		}
		if (margin == null || margin.signum() <= 0 || margin.compareTo(BigDecimal.ONE) >= 0) {
			throw new IllegalArgumentException("The margin of error must be between 0 and 1, like 0.05");
		}
	}

}
