package org.probity.feedback;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.probity.shared.UnitCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Due dates in business days (BD(d, n) of measures.md) across Easter, Christmas, the
 * coronation bank holiday and weekends, and each status on both sides of its due date.
 */
class ComplaintTimescalesTests {

	private final ComplaintTimescales timescales = ComplaintTimescales.DEFAULTS;

	private static Complaint received(LocalDate received) {
		return new Complaint(1, 0, received, "EMAIL", "PUBLIC", new UnitCode("U1"), "Unit", null, null, null, "s",
				List.of(), null, null, null, null, null, null, null, null, null);
	}

	private static Complaint with(LocalDate received, LocalDate ack, LocalDate responded, LocalDate appealed,
			LocalDate appealResponded) {
		return new Complaint(1, 0, received, "EMAIL", "PUBLIC", new UnitCode("U1"), "Unit", null, null, null, "s",
				List.of(), ack, responded, null, appealed, appealResponded, null, null, null, null);
	}

	@Test
	void acknowledgementDueFiveBusinessDaysAfterReceiptSkippingEaster() {
		// Thursday 28 March 2024: Good Friday and Easter Monday are skipped.
		assertThat(this.timescales.acknowledgeBy(received(LocalDate.of(2024, 3, 28)))).isEqualTo("2024-04-08");
	}

	@Test
	void acknowledgementDueSkippingChristmasAndBoxingDay() {
		assertThat(this.timescales.acknowledgeBy(received(LocalDate.of(2024, 12, 20)))).isEqualTo("2024-12-31");
	}

	@Test
	void acknowledgementDueSkippingTheCoronationBankHoliday() {
		// Monday 8 May 2023 was an extra bank holiday for the coronation.
		assertThat(this.timescales.acknowledgeBy(received(LocalDate.of(2023, 5, 4)))).isEqualTo("2023-05-12");
		assertThat(this.timescales.acknowledgeBy(received(LocalDate.of(2023, 4, 28)))).isEqualTo("2023-05-09");
	}

	@Test
	void aComplaintReceivedAtTheWeekendCountsFromTheMonday() {
		assertThat(this.timescales.acknowledgeBy(received(LocalDate.of(2024, 6, 8)))).isEqualTo("2024-06-14");
		assertThat(this.timescales.acknowledgeBy(received(LocalDate.of(2024, 6, 9)))).isEqualTo("2024-06-14");
		// received on a Friday: the weekend does not count
		assertThat(this.timescales.acknowledgeBy(received(LocalDate.of(2024, 6, 7)))).isEqualTo("2024-06-14");
	}

	@Test
	void responseDueTwentyFiveBusinessDaysAfterTheAcknowledgement() {
		Complaint c = with(LocalDate.of(2024, 4, 2), LocalDate.of(2024, 4, 5), null, null, null);
		// the early May bank holiday (6 May 2024) is skipped
		assertThat(this.timescales.respondBy(c)).isEqualTo("2024-05-13");
		Complaint christmas = with(LocalDate.of(2023, 12, 18), LocalDate.of(2023, 12, 20), null, null, null);
		assertThat(this.timescales.respondBy(christmas)).isEqualTo("2024-01-29");
	}

	@Test
	void appealAndItsResponseDueTwentyBusinessDaysAfter() {
		Complaint c = with(LocalDate.of(2024, 4, 2), LocalDate.of(2024, 4, 5), LocalDate.of(2024, 5, 10),
				LocalDate.of(2024, 6, 3), null);
		// the spring bank holiday (27 May 2024) is skipped
		assertThat(this.timescales.appealBy(c)).isEqualTo("2024-06-10");
		assertThat(this.timescales.appealRespondBy(c)).isEqualTo("2024-07-01");
	}

	@Test
	void dueDatesOfLaterStagesAreUnknownUntilTheStageBeforeIsDone() {
		Complaint c = received(LocalDate.of(2024, 3, 28));
		assertThat(this.timescales.respondBy(c)).isNull();
		assertThat(this.timescales.appealBy(c)).isNull();
		assertThat(this.timescales.appealRespondBy(c)).isNull();
		ComplaintTimescales.Timeliness t = this.timescales.on(c, LocalDate.of(2024, 4, 1));
		assertThat(t.response()).isNull();
		assertThat(t.stage1()).isEqualTo(ComplaintStatus.OPEN);
	}

	@Test
	void openOnTheDueDateAndOverdueTheDayAfter() {
		Complaint c = received(LocalDate.of(2024, 3, 28));
		assertThat(this.timescales.on(c, LocalDate.of(2024, 4, 8)).acknowledgement()).isEqualTo(ComplaintStatus.OPEN);
		assertThat(this.timescales.on(c, LocalDate.of(2024, 4, 9)).acknowledgement())
			.isEqualTo(ComplaintStatus.OVERDUE);
	}

	@Test
	void onTimeWhenDoneOnTheDueDateAndLateWhenDoneTheDayAfter() {
		LocalDate asOf = LocalDate.of(2024, 4, 20);
		Complaint onTime = with(LocalDate.of(2024, 3, 28), LocalDate.of(2024, 4, 8), null, null, null);
		Complaint late = with(LocalDate.of(2024, 3, 28), LocalDate.of(2024, 4, 9), null, null, null);
		assertThat(this.timescales.on(onTime, asOf).acknowledgement()).isEqualTo(ComplaintStatus.ON_TIME);
		assertThat(this.timescales.on(late, asOf).acknowledgement()).isEqualTo(ComplaintStatus.LATE);
	}

	@Test
	void responseAndAppealResponseStatusesOnBothSidesOfTheirDueDates() {
		// acknowledged 5 April 2024: response due 13 May; appealed 3 June: due 1 July
		Complaint open = with(LocalDate.of(2024, 4, 2), LocalDate.of(2024, 4, 5), null, null, null);
		assertThat(this.timescales.on(open, LocalDate.of(2024, 5, 13)).response()).isEqualTo(ComplaintStatus.OPEN);
		assertThat(this.timescales.on(open, LocalDate.of(2024, 5, 14)).response()).isEqualTo(ComplaintStatus.OVERDUE);
		Complaint onTime = with(LocalDate.of(2024, 4, 2), LocalDate.of(2024, 4, 5), LocalDate.of(2024, 5, 13), null,
				null);
		Complaint late = with(LocalDate.of(2024, 4, 2), LocalDate.of(2024, 4, 5), LocalDate.of(2024, 5, 14), null,
				null);
		assertThat(this.timescales.on(onTime, LocalDate.of(2024, 6, 1)).response()).isEqualTo(ComplaintStatus.ON_TIME);
		assertThat(this.timescales.on(late, LocalDate.of(2024, 6, 1)).response()).isEqualTo(ComplaintStatus.LATE);

		Complaint appealed = with(LocalDate.of(2024, 4, 2), LocalDate.of(2024, 4, 5), LocalDate.of(2024, 5, 10),
				LocalDate.of(2024, 6, 3), null);
		assertThat(this.timescales.on(appealed, LocalDate.of(2024, 7, 1)).appealResponse())
			.isEqualTo(ComplaintStatus.OPEN);
		assertThat(this.timescales.on(appealed, LocalDate.of(2024, 7, 2)).appealResponse())
			.isEqualTo(ComplaintStatus.OVERDUE);
		Complaint appealOnTime = with(LocalDate.of(2024, 4, 2), LocalDate.of(2024, 4, 5), LocalDate.of(2024, 5, 10),
				LocalDate.of(2024, 6, 3), LocalDate.of(2024, 7, 1));
		Complaint appealLate = with(LocalDate.of(2024, 4, 2), LocalDate.of(2024, 4, 5), LocalDate.of(2024, 5, 10),
				LocalDate.of(2024, 6, 3), LocalDate.of(2024, 7, 2));
		assertThat(this.timescales.on(appealOnTime, LocalDate.of(2024, 8, 1)).appealResponse())
			.isEqualTo(ComplaintStatus.ON_TIME);
		assertThat(this.timescales.on(appealLate, LocalDate.of(2024, 8, 1)).appealResponse())
			.isEqualTo(ComplaintStatus.LATE);
	}

	@Test
	void aStepDoneAfterTheAsOfDayWasNotYetDoneOnIt() {
		Complaint c = with(LocalDate.of(2024, 3, 28), LocalDate.of(2024, 4, 10), null, null, null);
		assertThat(this.timescales.on(c, LocalDate.of(2024, 4, 5)).acknowledgement()).isEqualTo(ComplaintStatus.OPEN);
		assertThat(this.timescales.on(c, LocalDate.of(2024, 4, 9)).acknowledgement())
			.isEqualTo(ComplaintStatus.OVERDUE);
		assertThat(this.timescales.on(c, LocalDate.of(2024, 4, 10)).acknowledgement()).isEqualTo(ComplaintStatus.LATE);
	}

	@Test
	void periodsAreConfigurable() {
		ComplaintTimescales shorter = new ComplaintTimescales(3, 10, 10, 10,
				org.probity.shared.BusinessCalendar.englandAndWales());
		assertThat(shorter.acknowledgeBy(received(LocalDate.of(2024, 3, 28)))).isEqualTo("2024-04-04");
	}

}
