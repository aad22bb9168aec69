package org.probity.measures;

import java.time.LocalDate;

/** A target and trigger in force from a date; both null for a measure with no target. */
record Target(LocalDate effectiveFrom, Double target, Double trigger) {

	static final Target NONE = new Target(null, null, null);

}
