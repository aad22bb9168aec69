package org.probity.equality;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One group of a characteristic for a measure, period and unit or practitioner
 * (equality.md, "Figures per group"): null wherever equality.md gives no figure, and
 * every figure null when the group is suppressed.
 */
@JsonPropertyOrder({ "group", "suppressed", "numerator", "denominator", "performance", "rest_numerator",
		"rest_denominator", "difference", "rate_ratio", "p_value", "q_value", "significant", "direction" })
public record GroupFigures(@JsonProperty("group") String group, @JsonProperty("suppressed") boolean suppressed,
		@JsonProperty("numerator") Long numerator, @JsonProperty("denominator") Long denominator,
		@JsonProperty("performance") Double performance, @JsonProperty("rest_numerator") Long restNumerator,
		@JsonProperty("rest_denominator") Long restDenominator, @JsonProperty("difference") Double difference,
		@JsonProperty("rate_ratio") Double rateRatio, @JsonProperty("p_value") Double pValue,
		@JsonProperty("q_value") Double qValue, @JsonProperty("significant") boolean significant,
		@JsonProperty("direction") Direction direction) {

	public enum Direction {

		LOWER, HIGHER, NONE

	}

	static GroupFigures suppressed(String group) {
		return new GroupFigures(group, true, null, null, null, null, null, null, null, null, null, false,
				Direction.NONE);
	}

	GroupFigures withQValue(double q) {
		boolean significant = q < EqualityTables.SIGNIFICANCE;
		Direction direction = Direction.NONE;
		if (significant && this.difference != null && this.difference != 0) {
			direction = (this.difference < 0) ? Direction.LOWER : Direction.HIGHER;
		}
		return new GroupFigures(this.group, false, this.numerator, this.denominator, this.performance,
				this.restNumerator, this.restDenominator, this.difference, this.rateRatio, this.pValue, q, significant,
				direction);
	}

	public boolean lower() {
		return this.direction == Direction.LOWER;
	}

	public boolean notRecorded() {
		return Characteristic.NOT_RECORDED.equals(this.group);
	}

	public String label() {
		return Characteristic.groupLabel(this.group);
	}

}
