package org.probity.measures;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.probity.shared.BusinessCalendar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BD(d, n), the n-th business day after d (measures.md), as the measures use it:
 * weekends, every kind of bank holiday, a start day that is itself a holiday, and year
 * ends.
 */
class BusinessDayTests {

	private final BusinessCalendar calendar = BusinessCalendar.englandAndWales();

	@ParameterizedTest(name = "BD({0}, {1}) = {2}")
	@CsvSource({
			// weekend: Friday + 1 is Monday
			"2024-03-08, 1, 2024-03-11",
			// Easter: Good Friday and Easter Monday skipped
			"2024-03-22, 5, 2024-04-02", "2024-03-28, 5, 2024-04-08", "2024-03-30, 5, 2024-04-08",
			// start on a holiday (Good Friday): it never counts
			"2024-03-29, 1, 2024-04-02",
			// start on a Saturday
			"2024-03-30, 1, 2024-04-02",
			// early May and the coronation holiday (one-off)
			"2023-05-05, 1, 2023-05-09", "2023-04-28, 1, 2023-05-02",
			// spring and summer bank holidays
			"2024-05-24, 1, 2024-05-28", "2024-08-23, 1, 2024-08-27",
			// Christmas, Boxing Day and New Year across the year end
			"2024-12-20, 15, 2025-01-15", "2023-12-22, 8, 2024-01-08", "2024-12-24, 1, 2024-12-27",
			"2024-12-31, 1, 2025-01-02",
			// substitute days: Christmas 2021 and 2022 fell at weekends
			"2021-12-24, 1, 2021-12-29", "2022-12-23, 1, 2022-12-28", "2022-12-30, 1, 2023-01-03",
			// the Platinum Jubilee and the state funeral
			"2022-06-01, 1, 2022-06-06", "2022-09-16, 1, 2022-09-20",
			// zero days is the day itself
			"2024-03-29, 0, 2024-03-29" })
	void countsOnlyBusinessDaysAfterTheDay(LocalDate day, int n, LocalDate expected) {
		assertThat(this.calendar.businessDayAfter(day, n)).isEqualTo(expected);
	}

	@Test
	void aHolidayIsNotABusinessDay() {
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2025, 12, 25))).isFalse();
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2025, 12, 27))).isFalse();
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2025, 12, 29))).isTrue();
	}

	@Test
	void countsBusinessDaysBetweenForReasons() {
		assertThat(this.calendar.businessDaysBetween(LocalDate.of(2024, 3, 28), LocalDate.of(2024, 4, 9))).isEqualTo(6);
		assertThat(this.calendar.businessDaysBetween(LocalDate.of(2024, 3, 30), LocalDate.of(2024, 3, 30))).isZero();
	}

}
