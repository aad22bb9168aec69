package org.probity.reports.packs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.probity.shared.Clocks;
import org.probity.shared.Dates;

/**
 * How the pack writes its figures, in the page, the PDF and the spreadsheets alike:
 * performance to one decimal place, changes in percentage points with their sign, dates
 * as "2 April 2024". Templates call it as {@code fmt}.
 */
public final class PackFormat {

	public static final PackFormat INSTANCE = new PackFormat();

	private PackFormat() {
	}

	public String percent(Double value) {
		return (value == null) ? "No cases" : String.format(Locale.UK, "%.1f%%", value);
	}

	public String number(Double value) {
		return (value == null) ? "None" : String.format(Locale.UK, "%.1f", value);
	}

	/** A change in percentage points: "+2.3 points", "-0.4 points", "No change". */
	public String change(Double points) {
		if (points == null) {
			return "Not available";
		}
		if (Math.abs(points) < 0.05) {
			return "No change";
		}
		return String.format(Locale.UK, "%+.1f points", points);
	}

	public String date(String isoDate) {
		if (isoDate == null || isoDate.isBlank()) {
			return "";
		}
		try {
			return Dates.format(LocalDate.parse(isoDate));
		}
		catch (DateTimeParseException ex) {
			return isoDate;
		}
	}

	public String date(LocalDate date) {
		return Dates.format(date);
	}

	public String dateTime(String isoDateTime) {
		if (isoDateTime == null || isoDateTime.isBlank()) {
			return "";
		}
		try {
			return Dates.format(OffsetDateTime.parse(isoDateTime).atZoneSameInstant(Clocks.LONDON).toLocalDateTime());
		}
		catch (DateTimeParseException ex) {
			try {
				return Dates
					.format(ZonedDateTime.parse(isoDateTime).withZoneSameInstant(Clocks.LONDON).toLocalDateTime());
			}
			catch (DateTimeParseException again) {
				return isoDateTime;
			}
		}
	}

	public String dateTime(Instant instant) {
		return (instant == null) ? "" : Dates.format(instant.atZone(Clocks.LONDON).toLocalDateTime());
	}

	/** The GOV.UK tag colour of a RAG word (the word is always written beside it). */
	public String tagClass(String ragWord) {
		return switch ((ragWord == null) ? "" : ragWord) {
			case "Green" -> "govuk-tag--green";
			case "Amber" -> "govuk-tag--yellow";
			case "Red" -> "govuk-tag--red";
			default -> "govuk-tag--grey";
		};
	}

}
