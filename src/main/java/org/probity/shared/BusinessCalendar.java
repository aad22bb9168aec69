package org.probity.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * Business days of England and Wales: Monday to Friday except bank holidays (measures.md,
 * "Business day"). The same holidays are loaded into the database
 * ({@code business_calendar}) so that SQL and Java agree.
 */
public final class BusinessCalendar {

	private static final BusinessCalendar ENGLAND_AND_WALES = load("/db/bank-holidays-england-and-wales.csv");

	private final Set<LocalDate> holidays;

	public BusinessCalendar(Set<LocalDate> holidays) {
		this.holidays = Set.copyOf(holidays);
	}

	public static BusinessCalendar englandAndWales() {
		return ENGLAND_AND_WALES;
	}

	public boolean isBusinessDay(LocalDate day) {
		DayOfWeek dow = day.getDayOfWeek();
		return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !this.holidays.contains(day);
	}

	/** BD(d, n): the n-th business day after d, counting only days after d. */
	public LocalDate businessDayAfter(LocalDate day, int n) {
		if (n < 0) {
			throw new IllegalArgumentException("n must not be negative: " + n);
		}
		LocalDate current = day;
		int counted = 0;
		while (counted < n) {
			current = current.plusDays(1);
			if (isBusinessDay(current)) {
				counted++;
			}
		}
		return current;
	}

	/**
	 * The number of business days after {@code from} up to and including {@code to}: the
	 * n for which {@code to} falls on or before BD(from, n). Zero when {@code to} is not
	 * after {@code from}.
	 */
	public int businessDaysBetween(LocalDate from, LocalDate to) {
		int count = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			if (isBusinessDay(d)) {
				count++;
			}
		}
		return count;
	}

	private static BusinessCalendar load(String resource) {
		try (InputStream in = BusinessCalendar.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing bank holidays: " + resource);
			}
			Set<LocalDate> days = new TreeSet<>();
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					days.add(LocalDate.parse(line.substring(0, line.indexOf(','))));
				}
			}
			return new BusinessCalendar(days);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
