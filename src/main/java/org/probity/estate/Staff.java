package org.probity.estate;

import java.time.LocalDate;

import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

/** A member of staff in a team; {@code endDate} is null while they are in post. */
public record Staff(StaffCode code, String forename, String surname, Grade grade, UnitCode teamCode,
		LocalDate startDate, LocalDate endDate) {

	public String name() {
		return this.forename + " " + this.surname;
	}

	public boolean inPostOn(LocalDate day) {
		return !this.startDate.isAfter(day) && (this.endDate == null || this.endDate.isAfter(day));
	}

}
