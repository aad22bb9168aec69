package org.probity.audits.sampling;

import java.math.BigDecimal;

/** Confidence levels offered by the sample size helper, with their two-sided z values. */
public enum ConfidenceLevel {

	PERCENT_80(80, "1.2816"), PERCENT_90(90, "1.6449"), PERCENT_95(95, "1.96"), PERCENT_99(99, "2.5758");

	private final int percent;

	private final BigDecimal z;

	ConfidenceLevel(int percent, String z) {
		this.percent = percent;
		this.z = new BigDecimal(z);
	}

	public int percent() {
		return this.percent;
	}

	public BigDecimal z() {
		return this.z;
	}

	/** 80, 90, 95 or 99. */
	public static ConfidenceLevel ofPercent(int percent) {
		for (ConfidenceLevel level : values()) {
			if (level.percent == percent) {
				return level;
			}
		}
		throw new IllegalArgumentException("Confidence level must be 80, 90, 95 or 99 per cent, not " + percent);
	}

}
