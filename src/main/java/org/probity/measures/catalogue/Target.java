package org.probity.measures.catalogue;

import java.time.LocalDate;

/** A target and trigger in force from a date; both null for a measure with no target. */
public record Target(LocalDate effectiveFrom, Double target, Double trigger) {

	public static final Target NONE = new Target(null, null, null);

}
