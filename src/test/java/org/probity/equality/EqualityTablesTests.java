package org.probity.equality;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.probity.equality.EqualityTables.Count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Suppression, the comparison with the rest and q-values (equality.md), by hand. */
class EqualityTablesTests {

	@Test
	void suppressesAGroupOfThreeAndTheNextSmallestToo() {
		// BLACK 3 is hidden; then MIXED 6 (the next smallest with cases), not WHITE 40
		var tables = EqualityTables.of(ethnicity(Map.of("ASIAN", c(8, 10), "BLACK", c(2, 3), "MIXED", c(5, 6), "WHITE",
				c(30, 40), "NOT_RECORDED", c(7, 9))));
		var groups = groups(tables, Characteristic.ETHNICITY);
		assertThat(groups.get("BLACK").suppressed()).isTrue();
		assertThat(groups.get("MIXED").suppressed()).isTrue();
		assertThat(groups.get("ASIAN").suppressed()).isFalse();
		assertThat(groups.get("NOT_RECORDED").suppressed()).isFalse();
		assertThat(groups.get("OTHER").suppressed()).isFalse();
		assertThat(groups.get("OTHER").denominator()).isZero();
		assertThat(groups.get("OTHER").performance()).isNull();
		GroupFigures black = groups.get("BLACK");
		assertThat(black.numerator()).isNull();
		assertThat(black.denominator()).isNull();
		assertThat(black.performance()).isNull();
		assertThat(black.restNumerator()).isNull();
		assertThat(black.difference()).isNull();
		assertThat(black.pValue()).isNull();
		assertThat(black.direction()).isEqualTo(GroupFigures.Direction.NONE);
	}

	@Test
	void breaksATieForTheSecondSuppressionByTheTablesOrder() {
		// MIXED 2 hidden; ASIAN, WHITE and NOT_RECORDED all have 7: ASIAN comes first
		var groups = groups(
				EqualityTables.of(ethnicity(
						Map.of("ASIAN", c(5, 7), "MIXED", c(1, 2), "WHITE", c(6, 7), "NOT_RECORDED", c(3, 7)))),
				Characteristic.ETHNICITY);
		assertThat(groups.get("ASIAN").suppressed()).isTrue();
		assertThat(groups.get("WHITE").suppressed()).isFalse();
		assertThat(groups.get("NOT_RECORDED").suppressed()).isFalse();
	}

	@Test
	void theNotRecordedRowCanBeTheSecondSuppressed() {
		var groups = groups(
				EqualityTables.of(ethnicity(
						Map.of("ASIAN", c(5, 50), "MIXED", c(1, 4), "WHITE", c(6, 70), "NOT_RECORDED", c(3, 6)))),
				Characteristic.ETHNICITY);
		assertThat(groups.get("MIXED").suppressed()).isTrue();
		assertThat(groups.get("NOT_RECORDED").suppressed()).isTrue();
		assertThat(groups.get("ASIAN").suppressed()).isFalse();
	}

	@Test
	void twoSmallGroupsNeedNoSecondSuppression() {
		var groups = groups(
				EqualityTables
					.of(ethnicity(Map.of("ASIAN", c(5, 50), "BLACK", c(1, 4), "MIXED", c(1, 1), "WHITE", c(6, 7)))),
				Characteristic.ETHNICITY);
		assertThat(groups.values().stream().filter(GroupFigures::suppressed).map(GroupFigures::group))
			.containsExactlyInAnyOrder("BLACK", "MIXED");
	}

	@Test
	void comparesARecordedGroupWithTheOtherRecordedGroups() {
		// MALE 41 of 52 against FEMALE 900 of 950; the 100 not recorded are in neither
		var groups = groups(
				EqualityTables.of(Map.of(Characteristic.SEX,
						Map.of("MALE", c(41, 52), "FEMALE", c(900, 950), "NOT_RECORDED", c(50, 100)))),
				Characteristic.SEX);
		GroupFigures male = groups.get("MALE");
		assertThat(male.performance()).isEqualTo(100.0 * 41 / 52);
		assertThat(male.restNumerator()).isEqualTo(900);
		assertThat(male.restDenominator()).isEqualTo(950);
		assertThat(male.difference()).isEqualTo(100.0 * 41 / 52 - 100.0 * 900 / 950);
		assertThat(male.rateRatio()).isCloseTo((41.0 / 52) / (900.0 / 950), within(1e-15));
		assertThat(male.pValue()).isEqualTo(Significance.pValue(41, 52, 900, 950));
		// the only two comparisons made: q = 2 p / rank over both
		GroupFigures female = groups.get("FEMALE");
		assertThat(male.qValue()).isEqualTo(female.qValue());
		assertThat(male.significant()).isTrue();
		assertThat(male.direction()).isEqualTo(GroupFigures.Direction.LOWER);
		assertThat(female.direction()).isEqualTo(GroupFigures.Direction.HIGHER);
		GroupFigures notRecorded = groups.get("NOT_RECORDED");
		assertThat(notRecorded.denominator()).isEqualTo(100);
		assertThat(notRecorded.performance()).isEqualTo(50.0);
		assertThat(notRecorded.restDenominator()).isNull();
		assertThat(notRecorded.pValue()).isNull();
		assertThat(notRecorded.direction()).isEqualTo(GroupFigures.Direction.NONE);
	}

	@Test
	void makesNoComparisonWithoutARestOfFive() {
		// every recorded row is MALE: no rest; FEMALE 0 rows, shown as 0
		var groups = groups(EqualityTables.of(Map.of(Characteristic.SEX, Map.of("MALE", c(30, 60)))),
				Characteristic.SEX);
		GroupFigures male = groups.get("MALE");
		assertThat(male.restDenominator()).isZero();
		assertThat(male.difference()).isNull();
		assertThat(male.rateRatio()).isNull();
		assertThat(male.pValue()).isNull();
		assertThat(male.qValue()).isNull();
		assertThat(male.significant()).isFalse();
		GroupFigures female = groups.get("FEMALE");
		assertThat(female.suppressed()).isFalse();
		assertThat(female.denominator()).isZero();
		assertThat(female.performance()).isNull();
		assertThat(female.pValue()).isNull();
	}

	@Test
	void makesNoComparisonWhenEveryRowIsMetOrEveryRowUnmet() {
		var groups = groups(EqualityTables.of(Map.of(Characteristic.SEX, Map.of("MALE", c(20, 20), "FEMALE", c(9, 9)))),
				Characteristic.SEX);
		assertThat(groups.get("MALE").pValue()).isNull();
		assertThat(groups.get("MALE").difference()).isEqualTo(0.0);
		assertThat(groups.get("MALE").rateRatio()).isEqualTo(1.0);
	}

	@Test
	void rateRatioIsNullWhenTheRestMeetsNone() {
		var groups = groups(EqualityTables.of(Map.of(Characteristic.SEX, Map.of("MALE", c(5, 20), "FEMALE", c(0, 9)))),
				Characteristic.SEX);
		assertThat(groups.get("MALE").rateRatio()).isNull();
		assertThat(groups.get("MALE").pValue()).isNotNull();
		assertThat(groups.get("FEMALE").rateRatio()).isEqualTo(0.0);
	}

	@Test
	void adjustsOverEveryCharacteristicTogether() {
		Map<Characteristic, Map<String, Count>> counts = new EnumMap<>(Characteristic.class);
		counts.put(Characteristic.SEX, Map.of("MALE", c(20, 50), "FEMALE", c(30, 50)));
		counts.put(Characteristic.DISABILITY, Map.of("DISABLED", c(20, 50), "NOT_DISABLED", c(30, 50)));
		var tables = EqualityTables.of(counts);
		double p = Significance.chiSquare(20, 50, 30, 50);
		// four comparisons with the same p: q = 4 p / 4 = p
		assertThat(groups(tables, Characteristic.SEX).get("MALE").qValue()).isCloseTo(p, within(1e-15));
		assertThat(groups(tables, Characteristic.DISABILITY).get("NOT_DISABLED").qValue()).isCloseTo(p, within(1e-15));
		assertThat(groups(tables, Characteristic.SEX).get("MALE").significant()).isTrue();
		// every characteristic has a table, every group in order
		assertThat(tables).extracting(EqualityTables.Table::characteristic).containsExactly(Characteristic.values());
		assertThat(tables.get(0).groups()).extracting(GroupFigures::group)
			.containsExactly("18_24", "25_34", "35_44", "45_54", "55_64", "65_PLUS", "UNDER_18");
	}

	private static Count c(long numerator, long denominator) {
		return new Count(numerator, denominator);
	}

	private static Map<Characteristic, Map<String, Count>> ethnicity(Map<String, Count> groups) {
		return Map.of(Characteristic.ETHNICITY, groups);
	}

	private static Map<String, GroupFigures> groups(List<EqualityTables.Table> tables, Characteristic c) {
		Map<String, GroupFigures> byGroup = new HashMap<>();
		tables.stream()
			.filter((t) -> t.characteristic() == c)
			.findFirst()
			.orElseThrow()
			.groups()
			.forEach((g) -> byGroup.put(g.group(), g));
		return byGroup;
	}

}
