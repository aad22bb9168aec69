package org.probity.shared;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PeriodParsingTests {

	@Test
	void monthIsOneCalendarMonth() {
		Period march = Period.parse("2024-03");

		assertThat(march.kind()).isEqualTo(Period.Kind.MONTH);
		assertThat(march.months()).containsExactly(YearMonth.of(2024, 3));
		assertThat(march.startDate()).isEqualTo(LocalDate.of(2024, 3, 1));
		assertThat(march.endDate()).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThat(march.label()).isEqualTo("March 2024");
		assertThat(march.code()).isEqualTo("2024-03");
	}

	@Test
	void quarterOneIsJanuaryToMarch() {
		Period q1 = Period.parse("2024-Q1");

		assertThat(q1.months()).containsExactly(YearMonth.of(2024, 1), YearMonth.of(2024, 2), YearMonth.of(2024, 3));
		assertThat(q1.label()).isEqualTo("January to March 2024");
		assertThat(Period.parse("2024-Q4").endDate()).isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(q1.code()).isEqualTo("2024-Q1");
	}

	@Test
	void yearPoolsTwelveMonths() {
		Period year = Period.parse(" 2024 ");

		assertThat(year.months()).hasSize(12);
		assertThat(year.label()).isEqualTo("2024");
		assertThat(year.startDate()).isEqualTo(LocalDate.of(2024, 1, 1));
	}

	@Test
	void previousIsTheSameKindJustBefore() {
		assertThat(Period.parse("2024-01").previous()).isEqualTo(Period.parse("2023-12"));
		assertThat(Period.parse("2024-Q1").previous()).isEqualTo(Period.parse("2023-Q4"));
		assertThat(Period.parse("2024").previous()).isEqualTo(Period.parse("2023"));
	}

	@Test
	void anythingElseIsRefusedWithAMessageForTheUser() {
		for (String bad : new String[] { "2024-13", "2024-00", "2024-Q5", "2024-Q0", "24-03", "2024/03", "March 2024",
				"", "2024-3" }) {
			assertThatIllegalArgumentException().as(bad)
				.isThrownBy(() -> Period.parse(bad))
				.withMessageContaining("2024-Q1");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> Period.parse(null));
	}

	@Test
	void farYearsAreNoPeriods() {
		for (String bad : new String[] { "+999999999-12", "0000-01", "0000", "0999-Q1", "10000-01", "0000-00" }) {
			assertThatIllegalArgumentException().as(bad).isThrownBy(() -> Period.parse(bad));
			assertThatIllegalArgumentException().as(bad)
				.isThrownBy(() -> Period.parseMonth(bad))
				.withMessageContaining("2024-03");
		}
		assertThat(Period.parseMonth(" 2024-03 ")).isEqualTo(YearMonth.of(2024, 3));
		assertThat(Period.parse("1000-01").first()).isEqualTo(YearMonth.of(1000, 1));
	}

	@Test
	void aPeriodCannotEndBeforeItStarts() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Period(Period.Kind.MONTH, YearMonth.of(2024, 3), YearMonth.of(2024, 2)));
	}

}
