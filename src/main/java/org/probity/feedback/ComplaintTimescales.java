package org.probity.feedback;

import java.time.LocalDate;

import org.probity.shared.BusinessCalendar;

/**
 * The four complaint periods in business days (feedback.md; configuration with these
 * defaults): acknowledge within 5 of receipt, respond within 25 of the acknowledgement,
 * an appeal within 20 of the response, the appeal's response within 20 of the appeal.
 */
record ComplaintTimescales(int acknowledge, int respond, int appeal, int appealResponse, BusinessCalendar calendar) {

	static final ComplaintTimescales DEFAULTS = new ComplaintTimescales(5, 25, 20, 20,
			BusinessCalendar.englandAndWales());

	ComplaintTimescales {
		if (acknowledge < 1 || respond < 1 || appeal < 1 || appealResponse < 1) {
			throw new IllegalArgumentException("Complaint timescales are at least one business day");
		}
	}

	LocalDate acknowledgeBy(Complaint c) {
		return this.calendar.businessDayAfter(c.receivedOn(), this.acknowledge);
	}

	LocalDate respondBy(Complaint c) {
		return after(c.acknowledgedOn(), this.respond);
	}

	LocalDate appealBy(Complaint c) {
		return after(c.respondedOn(), this.appeal);
	}

	LocalDate appealRespondBy(Complaint c) {
		return after(c.appealedOn(), this.appealResponse);
	}

	private LocalDate after(LocalDate day, int days) {
		return (day != null) ? this.calendar.businessDayAfter(day, days) : null;
	}

	/** The stages of a complaint as they stood on a day. */
	Timeliness on(Complaint c, LocalDate asOf) {
		LocalDate ackBy = acknowledgeBy(c);
		LocalDate respondBy = respondBy(c);
		LocalDate appealBy = appealBy(c);
		LocalDate appealRespondBy = appealRespondBy(c);
		return new Timeliness(ackBy, ComplaintStatus.of(ackBy, c.acknowledgedOn(), asOf), respondBy,
				ComplaintStatus.of(respondBy, c.respondedOn(), asOf), appealBy, appealRespondBy,
				ComplaintStatus.of(appealRespondBy, c.appealRespondedOn(), asOf));
	}

	public record Timeliness(LocalDate acknowledgeBy, ComplaintStatus acknowledgement, LocalDate respondBy,
			ComplaintStatus response, LocalDate appealBy, LocalDate appealRespondBy, ComplaintStatus appealResponse) {

		/**
		 * Stage 1 as one status: the response's once the due date for it is known, the
		 * acknowledgement's before.
		 */
		public ComplaintStatus stage1() {
			return (this.response != null) ? this.response : this.acknowledgement;
		}

	}

}
