package org.probity.audits.sampling;

import java.util.Set;

import org.probity.shared.Period;

/**
 * The cases that failed a service-level measure in a period, for samples such as "cases
 * that failed SL003R last quarter". The measures module decides;
 * {@link MeasureCaseFailures} asks it.
 */
interface MeasureFailures {

	/** Event ids counted in the measure's denominator but not its numerator. */
	Set<String> failingEventIds(String measureCode, Period period);

}
