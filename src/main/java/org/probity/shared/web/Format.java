package org.probity.shared.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

import org.probity.shared.Dates;

/**
 * The one formatter of what pages and exports write: numbers with thousands separators
 * ("20,000"), percentages to one decimal place ("93.2%"), dates as GOV.UK writes them ("2
 * April 2024", through {@link Dates}), months ("November 2026") and counted nouns ("1
 * audit alert", "2 audit alerts"). Templates call it as
 * {@code T(org.probity.shared.web.Format).number(...)}.
 */
public final class Format {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

	private Format() {
	}

	/** A whole number with thousands separators: "20,000". */
	public static String number(long value) {
		return NumberFormat.getIntegerInstance(Locale.UK).format(value);
	}

	/** A count and its noun, the noun made plural with "s" unless the count is 1. */
	public static String count(long value, String noun) {
		return count(value, noun, noun + "s");
	}

	/** A count and its noun, singular for 1: "1 person", "3 people". */
	public static String count(long value, String singular, String plural) {
		return number(value) + " " + ((value == 1) ? singular : plural);
	}

	/** A percentage to one decimal place ("93.2%"), or {@code none} when null. */
	public static String percent(Double value, String none) {
		return (value != null) ? String.format(Locale.UK, "%,.1f%%", value) : none;
	}

	/**
	 * A percentage rounded to one decimal place, as a number for exports (null when there
	 * is none): the same figure the page shows, without the "%".
	 */
	public static Double percentValue(Double value) {
		return (value != null) ? Math.round(value * 10) / 10.0 : null;
	}

	public static String date(LocalDate date) {
		return Dates.format(date);
	}

	public static String dateTime(LocalDateTime dateTime) {
		return Dates.format(dateTime);
	}

	public static String month(YearMonth month) {
		return (month != null) ? MONTH.format(month) : "";
	}

	/** A sentence's first letter in capitals: reasons read as sentences. */
	public static String sentence(String text) {
		if (text == null || text.isEmpty()) {
			return (text != null) ? text : "";
		}
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/**
	 * A unit's name with its kind ("Canterbury (LDU)"), or the name alone when it already
	 * says its kind ("Downs Region"), so that no name reads "Downs Region Region".
	 */
	public static String unitName(String name, String kind) {
		return namesItsKind(name, kind) ? name : name + " (" + kind + ")";
	}

	/**
	 * Whether a unit's name already ends with its kind's word: "Downs Region", "Kent
	 * Team".
	 */
	public static boolean namesItsKind(String name, String kind) {
		return name != null && kind != null
				&& name.toLowerCase(Locale.UK).matches("(.*\\W)?" + Pattern.quote(kind.toLowerCase(Locale.UK)));
	}

}
