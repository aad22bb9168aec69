package org.probity.audits;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How answers become ratings. The defaults are HMIP's 2018-2020 rules as widely reported
 * (case-audit.md, "Ratings"); they are configuration, and every result carries the
 * {@link #frameworkVersion()} it was rated under, since HMIP has revised its framework
 * since.
 * <p>
 * Bands compare exact integers: a performance of yes / (yes + no) is at least t per cent
 * exactly when yes * 100 >= t * (yes + no). Nothing is rounded before banding.
 *
 * @param frameworkVersion the name of the rule set, stored with every result
 * @param outstandingFrom lowest percentage rated OUTSTANDING (80)
 * @param goodFrom lowest percentage rated GOOD (65)
 * @param requiresImprovementFrom lowest percentage rated REQUIRES_IMPROVEMENT (50)
 * @param inadequateUpTo highest overall score rated INADEQUATE (5)
 * @param requiresImprovementUpTo highest overall score rated REQUIRES_IMPROVEMENT (15)
 * @param goodUpTo highest overall score rated GOOD (25); above it OUTSTANDING
 * @param standards the standards of the framework; only a complete set gets an overall
 * rating
 */
public record RatingRules(String frameworkVersion, BigDecimal outstandingFrom, BigDecimal goodFrom,
		BigDecimal requiresImprovementFrom, int inadequateUpTo, int requiresImprovementUpTo, int goodUpTo,
		List<String> standards) {

	/** The ten standards of HMIP's 2018 framework for probation services. */
	public static final List<String> HMIP_2018_STANDARDS = List.of("1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3",
			"2.4", "4.1", "4.2");

	/** Organisational standards: judged and entered by the lead inspector. */
	public static final List<String> ORGANISATIONAL_STANDARDS = List.of("1.1", "1.2", "1.3", "1.4");

	public RatingRules {
		Objects.requireNonNull(frameworkVersion, "frameworkVersion");
		if (outstandingFrom.compareTo(goodFrom) <= 0 || goodFrom.compareTo(requiresImprovementFrom) <= 0
				|| requiresImprovementFrom.signum() < 0 || outstandingFrom.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new IllegalArgumentException("Rating thresholds must rise from requires improvement to outstanding");
		}
		if (!(inadequateUpTo < requiresImprovementUpTo && requiresImprovementUpTo < goodUpTo)) {
			throw new IllegalArgumentException("Overall bands must rise");
		}
		standards = List.copyOf(standards);
	}

	public static RatingRules hmip2018() {
		return new RatingRules("HMIP-2018", BigDecimal.valueOf(80), BigDecimal.valueOf(65), BigDecimal.valueOf(50), 5,
				15, 25, HMIP_2018_STANDARDS);
	}

	/**
	 * The rating of a performance of yes / (yes + no); empty when there is no YES or NO.
	 */
	public Optional<Rating> rate(long yes, long no) {
		if (yes < 0 || no < 0) {
			throw new IllegalArgumentException("Answer counts cannot be negative");
		}
		long total = yes + no;
		if (total == 0) {
			return Optional.empty();
		}
		BigDecimal yesTimes100 = BigDecimal.valueOf(yes).multiply(BigDecimal.valueOf(100));
		BigDecimal all = BigDecimal.valueOf(total);
		if (yesTimes100.compareTo(this.outstandingFrom.multiply(all)) >= 0) {
			return Optional.of(Rating.OUTSTANDING);
		}
		if (yesTimes100.compareTo(this.goodFrom.multiply(all)) >= 0) {
			return Optional.of(Rating.GOOD);
		}
		if (yesTimes100.compareTo(this.requiresImprovementFrom.multiply(all)) >= 0) {
			return Optional.of(Rating.REQUIRES_IMPROVEMENT);
		}
		return Optional.of(Rating.INADEQUATE);
	}

	public Optional<Rating> rate(KeyQuestionPerformance question) {
		return rate(question.yes(), question.no());
	}

	/**
	 * A standard's rating comes from its lowest key-question performance; questions with
	 * no YES or NO are ignored, and a standard with no rated question has no rating.
	 */
	public Optional<Rating> rateStandard(Collection<KeyQuestionPerformance> questions) {
		return questions.stream()
			.map(this::rate)
			.flatMap(Optional::stream)
			.min(Comparator.comparingInt(Rating::points));
	}

	/**
	 * The points of a set of standard ratings, banded; needs every framework standard.
	 */
	public Optional<Rating> overall(Map<String, Rating> standardRatings) {
		return overallScore(standardRatings).map(this::band);
	}

	/** The sum of points over a complete set of standards; empty when any is missing. */
	public Optional<Integer> overallScore(Map<String, Rating> standardRatings) {
		for (String standard : this.standards) {
			if (standardRatings.get(standard) == null) {
				return Optional.empty();
			}
		}
		int score = 0;
		for (String standard : this.standards) {
			score += standardRatings.get(standard).points();
		}
		return Optional.of(score);
	}

	/** The overall band of a score: 0-5, 6-15, 16-25, 26-30 under HMIP-2018. */
	public Rating band(int score) {
		if (score < 0 || score > 3 * this.standards.size()) {
			throw new IllegalArgumentException("Score out of range: " + score);
		}
		if (score <= this.inadequateUpTo) {
			return Rating.INADEQUATE;
		}
		if (score <= this.requiresImprovementUpTo) {
			return Rating.REQUIRES_IMPROVEMENT;
		}
		if (score <= this.goodUpTo) {
			return Rating.GOOD;
		}
		return Rating.OUTSTANDING;
	}

}
