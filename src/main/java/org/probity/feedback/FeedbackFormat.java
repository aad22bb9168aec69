package org.probity.feedback;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.probity.shared.Dates;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Formatting for the feedback pages, as {@code fmt} in templates: words, not codes. */
@ControllerAdvice(assignableTypes = { PublicSurveyPages.class, SurveyPages.class, ComplaintPages.class,
		MeetingPages.class, QuestionnairePages.class, InvitationPages.class })
class FeedbackFormat {

	@ModelAttribute("fmt")
	FeedbackFormat fmt() {
		return this;
	}

	public String date(LocalDate date) {
		return Dates.format(date);
	}

	/** An answer or code as words: DONT_KNOW is "Don't know". */
	public String label(String code) {
		if (code == null) {
			return "";
		}
		return switch (code) {
			case "DONT_KNOW" -> "Don't know";
			case "NEITHER" -> "Neither agree nor disagree";
			case "IN_PERSON" -> "In person";
			case "PERSON_ON_PROBATION" -> "Person on probation";
			// the groups of self-declared characteristics read as the equality pages name
			// them
			default -> org.probity.equality.Characteristic.groupLabel(code);
		};
	}

	public String percent(BigDecimal value) {
		return (value != null) ? value.toPlainString() + "%" : "";
	}

	/** A difference in percentage points: "+5.0 points". */
	public String points(BigDecimal value) {
		return (value == null) ? "" : ((value.signum() > 0) ? "+" : "") + value.toPlainString() + " points";
	}

	/** A p- or q-value to four places, "below 0.0001" when smaller. */
	public String probability(Double value) {
		if (value == null) {
			return "";
		}
		return (value < 0.0001) ? "below 0.0001" : String.format(java.util.Locale.UK, "%.4f", value);
	}

	public String status(ComplaintStatus status) {
		return (status == null) ? "Not yet due" : switch (status) {
			case OPEN -> "Open";
			case OVERDUE -> "Overdue";
			case ON_TIME -> "On time";
			case LATE -> "Late";
		};
	}

	/** RAG as a tag with its word: on time green, open grey, late or overdue red. */
	public String statusTag(ComplaintStatus status) {
		return (status == null) ? "govuk-tag--grey" : switch (status) {
			case OPEN -> "govuk-tag--blue";
			case ON_TIME -> "govuk-tag--green";
			case LATE, OVERDUE -> "govuk-tag--red";
		};
	}

}
