package org.probity.improvement;

import java.time.LocalDate;
import java.util.Objects;

import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

/**
 * A command to raise an action on the unit's plan of a kind.
 *
 * @param ownerRole the owning role, in words ("Line manager", "Quality team")
 * @param ownerStaff the named owner, or null
 */
public record RaiseAction(PlanKind planKind, UnitCode unit, ActionSource source, String description, String ownerRole,
		StaffCode ownerStaff, LocalDate targetDate) {

	public RaiseAction {
		Objects.requireNonNull(planKind, "planKind");
		Objects.requireNonNull(unit, "unit");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(targetDate, "targetDate");
		if (description == null || description.isBlank()) {
			throw new IllegalArgumentException("An action needs a description");
		}
		if (ownerRole == null || ownerRole.isBlank()) {
			throw new IllegalArgumentException("An action needs an owner");
		}
	}

}
