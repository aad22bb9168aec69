package org.probity.audits.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.probity.audits.Answer;
import org.probity.audits.PopulationFilter;
import org.probity.audits.ProgrammeKind;
import org.probity.audits.Rating;
import org.probity.audits.Recurrence;
import org.probity.shared.Clocks;
import org.probity.shared.Dates;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Formatting for the audit pages, as {@code fmt} in templates. */
@ControllerAdvice(assignableTypes = { AuditPages.class, AuditFormPages.class, AlertPages.class, RatingPages.class })
public class PageFormat {

	@ModelAttribute("fmt")
	PageFormat fmt() {
		return this;
	}

	public String date(LocalDate date) {
		return Dates.format(date);
	}

	public String dateTime(Instant instant) {
		return (instant != null) ? Dates.format(LocalDateTime.ofInstant(instant, Clocks.LONDON)) : "";
	}

	public String month(YearMonth month) {
		return (month != null) ? month.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK)) : "";
	}

	public String percent(BigDecimal percent) {
		return (percent != null) ? percent.toPlainString() + "%" : "No rating";
	}

	public String status(String status) {
		return switch (status) {
			case "PLANNED" -> "Planned";
			case "IN_PROGRESS" -> "In progress";
			case "COMPLETED" -> "Completed";
			case "MISSED" -> "Missed";
			default -> status;
		};
	}

	public String statusTag(String status) {
		return switch (status) {
			case "PLANNED" -> "govuk-tag--grey";
			case "IN_PROGRESS" -> "govuk-tag--light-blue";
			case "COMPLETED" -> "govuk-tag--green";
			default -> "govuk-tag--red";
		};
	}

	public Answer[] answers() {
		return Answer.values();
	}

	public ProgrammeKind[] kinds() {
		return ProgrammeKind.values();
	}

	public Recurrence[] recurrences() {
		return Recurrence.values();
	}

	public Rating[] ratings() {
		return Rating.values();
	}

	public java.util.List<String> eventTypes() {
		return PopulationFilter.EVENT_TYPES;
	}

	public String eventType(String type) {
		return PopulationFilter.eventTypeName(type);
	}

}
