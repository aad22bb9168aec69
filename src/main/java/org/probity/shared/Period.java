package org.probity.shared;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: a calendar month ({@code 2024-03}), quarter ({@code 2024-Q1},
 * January to March) or year ({@code 2024}). Quarters and years pool their months.
 */
public record Period(Kind kind, YearMonth first, YearMonth last) {

	// Years of four digits from 1000: PostgreSQL has no year 0, and a year of more digits
	// is no reporting period.
	private static final Pattern MONTH = Pattern.compile("([1-9]\\d{3})-(0[1-9]|1[0-2])");

	private static final Pattern QUARTER = Pattern.compile("([1-9]\\d{3})-Q([1-4])");

	private static final Pattern YEAR = Pattern.compile("([1-9]\\d{3})");

	public enum Kind {

		MONTH, QUARTER, YEAR

	}

	public Period {
		if (kind == null || first == null || last == null || last.isBefore(first)) {
			throw new IllegalArgumentException("Not a period");
		}
	}

	public static Period month(YearMonth month) {
		return new Period(Kind.MONTH, month, month);
	}

	public static Period quarter(int year, int quarter) {
		YearMonth first = YearMonth.of(year, (quarter - 1) * 3 + 1);
		return new Period(Kind.QUARTER, first, first.plusMonths(2));
	}

	public static Period year(int year) {
		return new Period(Kind.YEAR, YearMonth.of(year, 1), YearMonth.of(year, 12));
	}

	/**
	 * Reads {@code YYYY-MM}, {@code YYYY-Qn} or {@code YYYY}.
	 * @throws IllegalArgumentException with a message fit to show a user
	 */
	public static Period parse(String text) {
		String value = (text == null) ? "" : text.trim();
		Matcher m = MONTH.matcher(value);
		if (m.matches()) {
			return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
		}
		m = QUARTER.matcher(value);
		if (m.matches()) {
			return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
		}
		m = YEAR.matcher(value);
		if (m.matches()) {
			return year(Integer.parseInt(m.group(1)));
		}
		throw new IllegalArgumentException(
				"Period must be a month (2024-03), a quarter (2024-Q1) or a year (2024), not '" + value + "'");
	}

	/**
	 * Reads a month {@code YYYY-MM} (a year from 1000 to 9999), as in a {@code month}
	 * parameter.
	 * @throws IllegalArgumentException with a message fit to show a user
	 */
	public static YearMonth parseMonth(String text) {
		String value = (text == null) ? "" : text.trim();
		Matcher m = MONTH.matcher(value);
		if (!m.matches()) {
			throw new IllegalArgumentException("The month must look like 2024-03");
		}
		return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
	}

	public LocalDate startDate() {
		return this.first.atDay(1);
	}

	public LocalDate endDate() {
		return this.last.atEndOfMonth();
	}

	public List<YearMonth> months() {
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth m = this.first; !m.isAfter(this.last); m = m.plusMonths(1)) {
			months.add(m);
		}
		return months;
	}

	/** The same kind of period just before this one. */
	public Period previous() {
		int length = months().size();
		return new Period(this.kind, this.first.minusMonths(length), this.last.minusMonths(length));
	}

	public String code() {
		return switch (this.kind) {
			case MONTH -> this.first.toString();
			case QUARTER -> this.first.getYear() + "-Q" + ((this.first.getMonthValue() - 1) / 3 + 1);
			case YEAR -> Integer.toString(this.first.getYear());
		};
	}

	/** How a person reads it: "March 2024", "January to March 2024", "2024". */
	public String label() {
		DateTimeFormatter month = DateTimeFormatter.ofPattern("MMMM", Locale.UK);
		return switch (this.kind) {
			case MONTH -> this.first.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK));
			case QUARTER -> this.first.format(month) + " to " + this.last.format(month) + " " + this.first.getYear();
			case YEAR -> Integer.toString(this.first.getYear());
		};
	}

	@Override
	public String toString() {
		return code();
	}

}
