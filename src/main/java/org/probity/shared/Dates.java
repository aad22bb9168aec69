package org.probity.shared;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as GOV.UK pages write them: "2 April 2024". Templates call it as
 * {@code T(org.probity.shared.Dates).format(...)}.
 */
public final class Dates {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK);

	private Dates() {
	}

	public static String format(LocalDate date) {
		return (date != null) ? DATE.format(date) : "";
	}

	public static String format(LocalDateTime dateTime) {
		return (dateTime != null) ? DATE_TIME.format(dateTime).replace("AM", "am").replace("PM", "pm") : "";
	}

}
