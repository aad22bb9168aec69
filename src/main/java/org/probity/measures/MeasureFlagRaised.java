package org.probity.measures;

import java.time.YearMonth;

import org.probity.shared.MeasureCode;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

/**
 * A unit or practitioner was flagged from its monthly results (measures.md, "Flags"):
 * {@code DEEPER_AUDIT} (more than 5 points below target with at least 10 cases) or
 * {@code SUSTAINED_SHORTFALL} (below target three months running). Published once per
 * flag; audits and improvement plans act on it. The event publication registry stores it
 * as JSON, the codes as plain strings.
 *
 * @param kind {@code DEEPER_AUDIT} or {@code SUSTAINED_SHORTFALL}
 * @param measureCode the measure, e.g. {@code SL001R}
 * @param month the month of the result that raised it
 * @param unitCode the unit flagged, or null for a practitioner
 * @param staffCode the practitioner flagged, or null for a unit
 * @param performance the month's performance, unrounded
 */
public record MeasureFlagRaised(String kind, MeasureCode measureCode, YearMonth month, UnitCode unitCode,
		StaffCode staffCode, double performance) {

	public static final String DEEPER_AUDIT = "DEEPER_AUDIT";

	public static final String SUSTAINED_SHORTFALL = "SUSTAINED_SHORTFALL";

}
