package org.probity.cases;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.probity.shared.Crn;
import org.probity.shared.Dates;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

/**
 * Everything Probity holds about one person on probation, as last imported: a read model,
 * never the rows themselves. Codes are the exchange format's (data-exchange.md); each
 * record also gives the words a page shows for them.
 */
public record CaseFile(Person person, List<Event> events, List<Contact> contacts) {

	public record Person(Crn crn, String forename, String surname, LocalDate dateOfBirth, String sex,
			Boolean genderIdentitySameAsBirth, String ethnicity, String religion, String sexualOrientation,
			Boolean disability, String maritalStatus, boolean restricted) {

		public String name() {
			return this.forename + " " + this.surname;
		}

	}

	/** An order or licence, with what hangs off it. */
	public record Event(String eventId, String eventType, LocalDate sentenceDate, LocalDate allocationDate,
			LocalDate releaseDate, LocalDate expectedEndDate, LocalDate terminationDate, String terminationReason,
			StaffCode staffCode, String staffName, UnitCode teamCode, String teamName, List<Requirement> requirements,
			List<Plan> plans, List<Referral> referrals, String accommodation) {

		public boolean active() {
			return this.terminationDate == null;
		}

		public String typeLabel() {
			return Labels.of(this.eventType);
		}

	}

	public record Requirement(String requirementId, String requirementType, int length, LocalDate startDate,
			LocalDate terminationDate, String terminationReason) {

		public String typeLabel() {
			return Labels.of(this.requirementType);
		}

		/**
		 * Hours of unpaid work, days of a rehabilitation activity, or programme sessions.
		 */
		public String lengthLabel() {
			return switch (this.requirementType) {
				case "UNPAID_WORK" -> this.length + " hours";
				case "REHABILITATION_ACTIVITY" -> this.length + " days";
				case "ACCREDITED_PROGRAMME" -> this.length + " sessions";
				default -> Integer.toString(this.length);
			};
		}

	}

	public record Plan(String planId, String planType, LocalDate completedDate, boolean agreedWithPerson) {

		public String typeLabel() {
			return Labels.of(this.planType);
		}

	}

	/** A breach or recall referral. */
	public record Referral(String referralId, String referralType, LocalDate awareDate, LocalDate referredDate,
			boolean usableWithoutMoreInformation, String outcome) {

		public String typeLabel() {
			return Labels.of(this.referralType);
		}

	}

	public record Contact(String contactId, String eventId, String requirementId, StaffCode staffCode, String staffName,
			String contactType, boolean faceToFace, boolean nationalStandard, LocalDate arrangedOn,
			LocalDateTime contactAt, String outcome) {

		public String typeLabel() {
			return Labels.of(this.contactType);
		}

		/** "2 April 2024 at 2:30pm". */
		public String when() {
			return Dates.format(this.contactAt);
		}

		public String outcomeLabel() {
			return switch (this.outcome) {
				case "ATTENDED_COMPLIED" -> "Attended and complied";
				case "ATTENDED_FAILED_TO_COMPLY" -> "Attended, failed to comply";
				default -> Labels.of(this.outcome);
			};
		}

		/** GOV.UK tag colour for the outcome; the tag always carries its words too. */
		public String outcomeTag() {
			return switch (this.outcome) {
				case "ATTENDED_COMPLIED" -> "govuk-tag--green";
				case "ATTENDED_FAILED_TO_COMPLY" -> "govuk-tag--orange";
				case "ACCEPTABLE_ABSENCE" -> "govuk-tag--blue";
				case "UNACCEPTABLE_ABSENCE" -> "govuk-tag--red";
				default -> "govuk-tag--grey";
			};
		}

	}

}
