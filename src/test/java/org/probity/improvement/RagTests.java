package org.probity.improvement;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.probity.improvement.plans.ActionStatus;
import org.probity.improvement.plans.Rag;
import org.probity.improvement.plans.Recurrence;

import static org.assertj.core.api.Assertions.assertThat;

/** RAG of improvement.md ("Actions") on both sides of every boundary. */
class RagTests {

	static final LocalDate TARGET = LocalDate.of(2026, 6, 30);

	static final LocalDate CREATED = LocalDate.of(2026, 5, 1);

	private static Rag oneOff(ActionStatus status, LocalDate asOf) {
		return Rag.of(status, TARGET, null, CREATED, List.of(), asOf);
	}

	@Test
	void aOneOffActionIsGreenMoreThanFourteenDaysBeforeItsTarget() {
		assertThat(oneOff(ActionStatus.NOT_STARTED, TARGET.minusDays(15))).isEqualTo(Rag.GREEN);
		assertThat(oneOff(ActionStatus.IN_PROGRESS, TARGET.minusDays(100))).isEqualTo(Rag.GREEN);
	}

	@Test
	void aOneOffActionIsAmberFromFourteenDaysBeforeUpToTheTargetDateItself() {
		assertThat(oneOff(ActionStatus.NOT_STARTED, TARGET.minusDays(14))).isEqualTo(Rag.AMBER);
		assertThat(oneOff(ActionStatus.IN_PROGRESS, TARGET.minusDays(1))).isEqualTo(Rag.AMBER);
		assertThat(oneOff(ActionStatus.IN_PROGRESS, TARGET)).isEqualTo(Rag.AMBER);
	}

	@Test
	void aOneOffActionIsRedFromTheDayAfterItsTarget() {
		assertThat(oneOff(ActionStatus.NOT_STARTED, TARGET.plusDays(1))).isEqualTo(Rag.RED);
		assertThat(oneOff(ActionStatus.IN_PROGRESS, TARGET.plusDays(400))).isEqualTo(Rag.RED);
	}

	@Test
	void completeAndCancelledActionsAreGreenWhateverTheDate() {
		for (LocalDate d : List.of(TARGET.minusDays(15), TARGET.minusDays(14), TARGET, TARGET.plusDays(1))) {
			assertThat(oneOff(ActionStatus.COMPLETE, d)).isEqualTo(Rag.GREEN);
			assertThat(oneOff(ActionStatus.CANCELLED, d)).isEqualTo(Rag.GREEN);
			assertThat(Rag.of(ActionStatus.CANCELLED, TARGET, Recurrence.MONTHLY, CREATED, List.of(), d))
				.isEqualTo(Rag.GREEN);
		}
	}

	@Test
	void aRecurringActionBeforeItsFirstDateIsJudgedAsOneOff() {
		assertThat(monthly(TARGET.minusDays(15))).isEqualTo(Rag.GREEN);
		assertThat(monthly(TARGET.minusDays(14))).isEqualTo(Rag.AMBER);
		assertThat(monthly(TARGET.minusDays(1))).isEqualTo(Rag.AMBER);
	}

	@Test
	void aRecurringActionOnItsFirstDateIsRedWithoutAnUpdateSinceItWasCreated() {
		assertThat(monthly(TARGET)).isEqualTo(Rag.RED);
		// an update dated before the action was created does not count: (created - 1, T]
		assertThat(monthly(TARGET, CREATED.minusDays(1))).isEqualTo(Rag.RED);
	}

	@Test
	void aRecurringActionOnItsFirstDateWithAnUpdateIsAmberAsTheNextReviewIsWithinFourteenDays() {
		// next review 30 July is 30 days away: green
		assertThat(monthly(TARGET, CREATED)).isEqualTo(Rag.GREEN);
		assertThat(monthly(TARGET, TARGET)).isEqualTo(Rag.GREEN);
		// 16 July: next review within 14 days, no update since 30 June: amber
		assertThat(monthly(LocalDate.of(2026, 7, 16), TARGET)).isEqualTo(Rag.AMBER);
		// 15 July: 15 days before the next review: green
		assertThat(monthly(LocalDate.of(2026, 7, 15), TARGET)).isEqualTo(Rag.GREEN);
		// an update after R clears the amber
		assertThat(monthly(LocalDate.of(2026, 7, 20), TARGET, LocalDate.of(2026, 7, 17))).isEqualTo(Rag.GREEN);
	}

	@Test
	void aRecurringActionTheDayBeforeAndOnItsNextReviewDate() {
		LocalDate next = LocalDate.of(2026, 7, 30);
		// the day before: still judged on (created - 1, T]; amber since no update after T
		assertThat(monthly(next.minusDays(1), TARGET)).isEqualTo(Rag.AMBER);
		assertThat(monthly(next.minusDays(1), TARGET, LocalDate.of(2026, 7, 10))).isEqualTo(Rag.GREEN);
		// on it: needs an update in (30 June, 30 July]
		assertThat(monthly(next, TARGET)).isEqualTo(Rag.RED);
		assertThat(monthly(next, TARGET, next)).isEqualTo(Rag.GREEN);
		assertThat(monthly(next, TARGET, LocalDate.of(2026, 7, 1))).isEqualTo(Rag.GREEN);
	}

	@Test
	void monthlyReviewDatesFromTheThirtyFirstOfJanuaryClampToTheMonthsLastDay() {
		LocalDate t = LocalDate.of(2026, 1, 31);
		assertThat(Recurrence.MONTHLY.reviewDate(t, 1)).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(Recurrence.MONTHLY.reviewDate(t, 2)).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(Recurrence.MONTHLY.reviewDate(LocalDate.of(2024, 1, 31), 1)).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(Recurrence.QUARTERLY.reviewDate(LocalDate.of(2025, 11, 30), 1)).isEqualTo(LocalDate.of(2026, 2, 28));
		LocalDate created = LocalDate.of(2026, 1, 2);
		List<LocalDate> january = List.of(LocalDate.of(2026, 1, 20));
		// 27 February: R = 31 January (update 20 January), next 28 February within 14
		// days
		assertThat(Rag.of(ActionStatus.IN_PROGRESS, t, Recurrence.MONTHLY, created, january, LocalDate.of(2026, 2, 27)))
			.isEqualTo(Rag.AMBER);
		// 28 February is a review date: no update in (31 January, 28 February]
		assertThat(Rag.of(ActionStatus.IN_PROGRESS, t, Recurrence.MONTHLY, created, january, LocalDate.of(2026, 2, 28)))
			.isEqualTo(Rag.RED);
		// 30 March: R is still 28 February; an update on 28 February counts
		List<LocalDate> feb = List.of(LocalDate.of(2026, 1, 20), LocalDate.of(2026, 2, 28));
		assertThat(Rag.of(ActionStatus.IN_PROGRESS, t, Recurrence.MONTHLY, created, feb, LocalDate.of(2026, 3, 30)))
			.isEqualTo(Rag.AMBER);
		// 31 March (not 28 March): the third review date
		assertThat(Rag.of(ActionStatus.IN_PROGRESS, t, Recurrence.MONTHLY, created, feb, LocalDate.of(2026, 3, 28)))
			.isEqualTo(Rag.AMBER);
		assertThat(Rag.of(ActionStatus.IN_PROGRESS, t, Recurrence.MONTHLY, created, feb, LocalDate.of(2026, 3, 31)))
			.isEqualTo(Rag.RED);
	}

	@Test
	void aQuarterlyActionIsReviewedEveryThreeMonths() {
		LocalDate t = LocalDate.of(2026, 3, 31);
		List<LocalDate> updates = List.of(LocalDate.of(2026, 3, 15));
		assertThat(Rag.of(ActionStatus.IN_PROGRESS, t, Recurrence.QUARTERLY, CREATED.minusMonths(3), updates,
				LocalDate.of(2026, 5, 31)))
			.isEqualTo(Rag.GREEN);
		assertThat(Rag.of(ActionStatus.IN_PROGRESS, t, Recurrence.QUARTERLY, CREATED.minusMonths(3), updates,
				LocalDate.of(2026, 6, 16)))
			.isEqualTo(Rag.AMBER);
		assertThat(Rag.of(ActionStatus.IN_PROGRESS, t, Recurrence.QUARTERLY, CREATED.minusMonths(3), updates,
				LocalDate.of(2026, 6, 30)))
			.isEqualTo(Rag.RED);
	}

	private static Rag monthly(LocalDate asOf, LocalDate... updates) {
		return Rag.of(ActionStatus.IN_PROGRESS, TARGET, Recurrence.MONTHLY, CREATED, List.of(updates), asOf);
	}

}
