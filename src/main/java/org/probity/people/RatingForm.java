package org.probity.people;

import java.util.LinkedHashMap;
import java.util.Map;

/** The rating form's fields as posted; the capability start is a GOV.UK date input. */
record RatingForm(String quarter, String rag, String note, Long corrects, String correctionReason, String objectives,
		String support, String capabilityStage, String capabilityDay, String capabilityMonth, String capabilityYear) {

	Ratings.RatingInput input() {
		return new Ratings.RatingInput(this.quarter, this.rag, this.note, this.corrects, this.correctionReason,
				this.objectives, this.support, this.capabilityStage,
				PeoplePages.date(nz(this.capabilityDay), nz(this.capabilityMonth), nz(this.capabilityYear)));
	}

	/** A capability start that was entered but is not a real date. */
	Map<String, String> dateErrors() {
		Map<String, String> errors = new LinkedHashMap<>();
		String entered = nz(this.capabilityDay) + nz(this.capabilityMonth) + nz(this.capabilityYear);
		if (!entered.isBlank() && input().capabilityStart() == null) {
			errors.put("capabilityStart", "The start of the capability procedure must be a real date, like 2 4 2024");
		}
		return errors;
	}

	private static String nz(String s) {
		return (s != null) ? s : "";
	}

}
