package org.probity.improvement.spc;

import java.time.YearMonth;

/**
 * A measure's performance for a month, or null when the month had no cases (it is then
 * left out of every calculation).
 */
public record MonthValue(YearMonth month, Double value) {

	public MonthValue {
		if (month == null) {
			throw new IllegalArgumentException("A month is needed");
		}
		if (value != null && (value.isNaN() || value.isInfinite())) {
			throw new IllegalArgumentException("Not a value: " + value);
		}
	}

}
