package org.probity.audits;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RatingRulesTests {

	private final RatingRules rules = RatingRules.hmip2018();

	@Test
	void exactlyEightyPercentIsOutstanding() {
		assertThat(this.rules.rate(4, 1)).contains(Rating.OUTSTANDING);
		assertThat(this.rules.rate(80, 20)).contains(Rating.OUTSTANDING);
	}

	@Test
	void justUnderEightyPercentIsGood() {
		assertThat(this.rules.rate(7999, 2001)).contains(Rating.GOOD);
		// 79.999...%: never rounded up to 80
		assertThat(this.rules.rate(399999, 100001)).contains(Rating.GOOD);
	}

	@Test
	void exactlySixtyFivePercentIsGood() {
		assertThat(this.rules.rate(13, 7)).contains(Rating.GOOD);
		assertThat(this.rules.rate(6499, 3501)).contains(Rating.REQUIRES_IMPROVEMENT);
	}

	@Test
	void exactlyFiftyPercentRequiresImprovement() {
		assertThat(this.rules.rate(1, 1)).contains(Rating.REQUIRES_IMPROVEMENT);
		assertThat(this.rules.rate(499, 501)).contains(Rating.INADEQUATE);
	}

	@Test
	void twoThirdsIsGoodAndOneThirdIsInadequate() {
		assertThat(this.rules.rate(2, 1)).contains(Rating.GOOD);
		assertThat(this.rules.rate(1, 2)).contains(Rating.INADEQUATE);
		assertThat(this.rules.rate(0, 3)).contains(Rating.INADEQUATE);
		assertThat(this.rules.rate(3, 0)).contains(Rating.OUTSTANDING);
	}

	@Test
	void aKeyQuestionWithOnlyNotApplicableAnswersHasNoRatingAndIsIgnored() {
		KeyQuestionPerformance onlyNotApplicable = new KeyQuestionPerformance("2.1.3", "", 0, 0, 7);
		assertThat(onlyNotApplicable.rated()).isFalse();
		assertThat(onlyNotApplicable.performance()).isEmpty();
		assertThat(this.rules.rate(onlyNotApplicable)).isEmpty();
		KeyQuestionPerformance good = new KeyQuestionPerformance("2.1.1", "", 13, 7, 2);
		assertThat(this.rules.rateStandard(List.of(onlyNotApplicable, good))).contains(Rating.GOOD);
		assertThat(this.rules.rateStandard(List.of(onlyNotApplicable))).isEmpty();
	}

	@Test
	void notApplicableAnswersAreLeftOutOfPerformance() {
		KeyQuestionPerformance question = new KeyQuestionPerformance("2.2.1", "", 4, 1, 95);
		assertThat(question.performance()).contains(new BigDecimal("0.8000000000"));
		assertThat(this.rules.rate(question)).contains(Rating.OUTSTANDING);
	}

	@Test
	void aStandardIsRatedFromItsLowestKeyQuestion() {
		List<KeyQuestionPerformance> questions = List.of(new KeyQuestionPerformance("2.1.1", "", 9, 1, 0),
				new KeyQuestionPerformance("2.1.2", "", 7, 3, 0), new KeyQuestionPerformance("2.1.3", "", 5, 5, 0));
		assertThat(this.rules.rateStandard(questions)).contains(Rating.REQUIRES_IMPROVEMENT);
	}

	@Test
	void overallBandsChangeAtFiveSixFifteenSixteenTwentyFiveTwentySix() {
		assertThat(this.rules.band(0)).isEqualTo(Rating.INADEQUATE);
		assertThat(this.rules.band(5)).isEqualTo(Rating.INADEQUATE);
		assertThat(this.rules.band(6)).isEqualTo(Rating.REQUIRES_IMPROVEMENT);
		assertThat(this.rules.band(15)).isEqualTo(Rating.REQUIRES_IMPROVEMENT);
		assertThat(this.rules.band(16)).isEqualTo(Rating.GOOD);
		assertThat(this.rules.band(25)).isEqualTo(Rating.GOOD);
		assertThat(this.rules.band(26)).isEqualTo(Rating.OUTSTANDING);
		assertThat(this.rules.band(30)).isEqualTo(Rating.OUTSTANDING);
	}

	@Test
	void overallRatingSumsThePointsOfTenStandards() {
		Map<String, Rating> ratings = allTen(Rating.GOOD);
		assertThat(this.rules.overallScore(ratings)).contains(20);
		assertThat(this.rules.overall(ratings)).contains(Rating.GOOD);
		// 5 x GOOD + 5 x REQUIRES_IMPROVEMENT = 15
		for (String s : List.of("1.1", "1.2", "1.3", "1.4", "2.1")) {
			ratings.put(s, Rating.REQUIRES_IMPROVEMENT);
		}
		assertThat(this.rules.overallScore(ratings)).contains(15);
		assertThat(this.rules.overall(ratings)).contains(Rating.REQUIRES_IMPROVEMENT);
		ratings.put("2.1", Rating.GOOD);
		assertThat(this.rules.overall(ratings)).contains(Rating.GOOD);
		Map<String, Rating> twentySix = allTen(Rating.OUTSTANDING);
		twentySix.put("1.1", Rating.GOOD);
		twentySix.put("1.2", Rating.GOOD);
		twentySix.put("1.3", Rating.GOOD);
		twentySix.put("1.4", Rating.GOOD);
		assertThat(this.rules.overallScore(twentySix)).contains(26);
		assertThat(this.rules.overall(twentySix)).contains(Rating.OUTSTANDING);
		twentySix.put("4.2", Rating.GOOD);
		assertThat(this.rules.overall(twentySix)).contains(Rating.GOOD);
	}

	@Test
	void fewerThanTenStandardsGiveNoOverallRating() {
		Map<String, Rating> nine = allTen(Rating.OUTSTANDING);
		nine.remove("4.2");
		assertThat(this.rules.overall(nine)).isEmpty();
		assertThat(this.rules.overallScore(nine)).isEmpty();
		Map<String, Rating> withOther = new HashMap<>(nine);
		withOther.put("9.9", Rating.OUTSTANDING);
		assertThat(this.rules.overall(withOther)).isEmpty();
	}

	@Test
	void thresholdsAreConfigurable() {
		RatingRules stricter = new RatingRules("TEST-1", BigDecimal.valueOf(90), BigDecimal.valueOf(75),
				BigDecimal.valueOf(60), 5, 15, 25, RatingRules.HMIP_2018_STANDARDS);
		assertThat(stricter.rate(8, 2)).contains(Rating.GOOD);
		assertThat(stricter.frameworkVersion()).isEqualTo("TEST-1");
		assertThatIllegalArgumentException().isThrownBy(() -> new RatingRules("X", BigDecimal.valueOf(50),
				BigDecimal.valueOf(65), BigDecimal.valueOf(80), 5, 15, 25, List.of()));
	}

	private static Map<String, Rating> allTen(Rating rating) {
		Map<String, Rating> ratings = new HashMap<>();
		RatingRules.HMIP_2018_STANDARDS.forEach((s) -> ratings.put(s, rating));
		return ratings;
	}

}
