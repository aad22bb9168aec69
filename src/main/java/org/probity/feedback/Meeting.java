package org.probity.feedback;

import java.time.LocalDate;
import java.util.List;

import org.probity.shared.UnitCode;

/** A meeting as recorded, with its themes. */
public record Meeting(long id, LocalDate heldOn, UnitCode unitCode, String unitName, String kind, String title,
		int attendance, List<String> themes, String notes) {
}
