package org.probity.estate;

import org.probity.shared.UnitCode;

/** A unit of the estate; {@code parentCode} is null only for the provider. */
public record Unit(UnitCode code, String name, UnitType type, UnitCode parentCode) {

	public boolean isTeam() {
		return this.type == UnitType.TEAM;
	}

}
