package org.probity.feedback;

import java.time.LocalDate;

import org.probity.shared.UnitCode;

/**
 * A round of a survey for a unit: the dates it is open, and the public link token that
 * opens its anonymous form.
 */
public record SurveyRound(long id, String questionnaireCode, UnitCode unitCode, String unitName, String title,
		LocalDate opensOn, LocalDate closesOn, String publicToken, boolean usesInvitations) {

	public boolean openOn(LocalDate day) {
		return !day.isBefore(this.opensOn) && !day.isAfter(this.closesOn);
	}

	/** The path of the public form. */
	public String publicPath() {
		return "/survey/" + this.publicToken;
	}

}
