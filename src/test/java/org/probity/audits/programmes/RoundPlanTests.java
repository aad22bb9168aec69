package org.probity.audits.programmes;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.probity.audits.Recurrence;

import static org.assertj.core.api.Assertions.assertThat;

class RoundPlanTests {

	@Test
	void monthlyRoundsFallDueOnTheFirstOfEachMonthAcrossTheYearEnd() {
		assertThat(RoundPlan.due(Recurrence.MONTHLY, YearMonth.of(2024, 11), null, LocalDate.of(2024, 11, 30)))
			.extracting(RoundPlan.RoundPeriod::code)
			.containsExactly("2024-11");
		assertThat(RoundPlan.due(Recurrence.MONTHLY, YearMonth.of(2024, 11), null, LocalDate.of(2025, 2, 1)))
			.extracting(RoundPlan.RoundPeriod::code)
			.containsExactly("2024-11", "2024-12", "2025-01", "2025-02");
		RoundPlan.RoundPeriod january = RoundPlan
			.due(Recurrence.MONTHLY, YearMonth.of(2024, 11), null, LocalDate.of(2025, 1, 1))
			.get(2);
		assertThat(january.start()).isEqualTo(LocalDate.of(2025, 1, 1));
		assertThat(january.due()).isEqualTo(LocalDate.of(2025, 1, 31));
	}

	@Test
	void roundsStopAtTheEndMonthAndDoNotStartBeforeTheStartMonth() {
		assertThat(RoundPlan.due(Recurrence.MONTHLY, YearMonth.of(2024, 11), YearMonth.of(2024, 12),
				LocalDate.of(2025, 6, 1)))
			.hasSize(2);
		assertThat(RoundPlan.due(Recurrence.MONTHLY, YearMonth.of(2024, 11), null, LocalDate.of(2024, 10, 31)))
			.isEmpty();
	}

	@Test
	void quarterlyAndAnnualRoundsFollowCalendarQuartersAndYears() {
		assertThat(RoundPlan.due(Recurrence.QUARTERLY, YearMonth.of(2024, 11), null, LocalDate.of(2025, 4, 1)))
			.extracting(RoundPlan.RoundPeriod::code)
			.containsExactly("2024-Q4", "2025-Q1", "2025-Q2");
		assertThat(RoundPlan.due(Recurrence.ANNUAL, YearMonth.of(2024, 4), null, LocalDate.of(2025, 1, 1)))
			.extracting(RoundPlan.RoundPeriod::code)
			.containsExactly("2024", "2025");
	}

	@Test
	void aOneOffProgrammeHasOneRoundOverItsWindow() {
		assertThat(
				RoundPlan.due(Recurrence.NONE, YearMonth.of(2024, 3), YearMonth.of(2024, 5), LocalDate.of(2024, 3, 2)))
			.singleElement()
			.satisfies((r) -> {
				assertThat(r.code()).isEqualTo(RoundPlan.ONCE);
				assertThat(r.due()).isEqualTo(LocalDate.of(2024, 5, 31));
			});
	}

	@Test
	void anAuditIsMissedOnceTheMonthAfterItsDueDateHasEnded() {
		assertThat(RoundPlan.missed(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 31))).isFalse();
		assertThat(RoundPlan.missed(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 2, 1))).isTrue();
	}

	@Test
	void roundSeedsAreDerivedReproducibly() {
		assertThat(RoundPlan.roundSeed(99L, "2025-01")).isEqualTo(RoundPlan.roundSeed(99L, "2025-01"))
			.isNotEqualTo(RoundPlan.roundSeed(99L, "2025-02"));
	}

}
