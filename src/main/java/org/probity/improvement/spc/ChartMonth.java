package org.probity.improvement.spc;

import java.time.YearMonth;
import java.util.List;

/**
 * A month of an XmR chart: its value (null with no cases), whether it is in the baseline
 * or after the change, and, after the change, its signal with the rules that gave it.
 */
public record ChartMonth(YearMonth month, Double value, Phase phase, Signal signal, List<Rule> rules) {

	public ChartMonth {
		rules = List.copyOf(rules);
	}

}
