package org.probity.audits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The answers to one key question over the audited cases. Performance is YES / (YES +
 * NO); NOT_APPLICABLE answers are left out, and a question with neither YES nor NO has no
 * performance at all (case-audit.md, "Ratings", rule 1).
 */
public record KeyQuestionPerformance(String code, String text, long yes, long no, long notApplicable) {

	public KeyQuestionPerformance {
		if (yes < 0 || no < 0 || notApplicable < 0) {
			throw new IllegalArgumentException("Answer counts cannot be negative");
		}
	}

	public boolean rated() {
		return this.yes + this.no > 0;
	}

	/** The exact share of YES among YES and NO, or empty when the question is unrated. */
	public Optional<BigDecimal> performance() {
		if (!rated()) {
			return Optional.empty();
		}
		return Optional.of(BigDecimal.valueOf(this.yes)
			.divide(BigDecimal.valueOf(this.yes + this.no), 10, RoundingMode.HALF_EVEN));
	}

	/** For display only: the performance as a percentage with one decimal place. */
	public Optional<BigDecimal> percent() {
		if (!rated()) {
			return Optional.empty();
		}
		return Optional.of(BigDecimal.valueOf(this.yes * 100)
			.divide(BigDecimal.valueOf(this.yes + this.no), 1, RoundingMode.HALF_UP));
	}

}
