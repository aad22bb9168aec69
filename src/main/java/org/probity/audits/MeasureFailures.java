package org.probity.audits;

import java.util.Set;

import org.probity.shared.Period;

/**
 * The cases that failed a service-level measure in a period, for samples such as "cases
 * that failed SL003R last quarter". Owned by the measures module; until its public API is
 * wired in, {@link MeasureCaseFailures} reads its table when it exists.
 */
public interface MeasureFailures {

	/** Event ids counted in the measure's denominator but not its numerator. */
	Set<String> failingEventIds(String measureCode, Period period);

}
