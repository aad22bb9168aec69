package org.probity.measures;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.probity.measures.results.Assessment;
import org.probity.measures.results.MeasureResults;
import org.probity.IntegrationTest;
import org.probity.testing.CaseData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.probity.measures.MeasureTestSupport.metBySubject;

/**
 * Every measure of measures.md with hand-built cases on both sides of each boundary its
 * definition names.
 */
@IntegrationTest
class MeasureBoundaryTests {

	@Autowired
	MeasureResults results;

	static CaseData.Estate data;

	static LocalDate d(int y, int m, int day) {
		return LocalDate.of(y, m, day);
	}

	// SL003R / SL004R
	static CaseData.Event planOnDue, planDayLate, planDraft, planNoFirstContact, licencePlanOnDue, licencePlanLate;

	// SL006R
	static String upwOnDeadline, upwLate, upwOtherType;

	// SL008 / AM_J
	static CaseData.Event coCompleted, coRevoked, coTransferred, ssoDeceased, licenceCompleted, pssRecalled,
			licenceNeutral;

	// SL010 / SL011R
	static String upwWithinYear, upwAfterYear, upwRevoked, upwNeutral, programmeCompleted, programmeRevoked,
			programmeNeutral;

	// SL013
	static CaseData.Event resettlementOnDue, resettlementLate, resettlementNone;

	// SL016 / SL018 / AM_E
	static String breachUsable, breachUnusable, recallNextDay, recallLate, breachOnEighth, breachNinth;

	// AM_C
	static CaseData.Event housedSettled, housedTemporary, noFixedAbode, unknown;

	// AM_K
	static CaseData.Event activeFromFirst, startedSecond, terminatedLastDay, terminatedNextMonth, noContact, phoneOnly;

	// ATTENDANCE
	static CaseData.Event attendance;

	@BeforeAll
	static void load(@Autowired JdbcClient jdbc, @Autowired MeasureRecomputation recomputation) {
		data = new CaseData(jdbc).anEstate("MBT", 'B');
		sentencePlans();
		unpaidWork();
		completions();
		resettlement();
		referrals();
		accommodation();
		monthlyContact();
		attendance();
		recomputation.recomputeAll();
	}

	static void sentencePlans() {
		// F = Friday 20 December 2024; BD(F, 15) = Wednesday 15 January 2025
		LocalDate first = d(2024, 12, 20);
		planOnDue = data.aCommunityOrder().sentencedOn(d(2024, 12, 1)).allocatedOn(d(2024, 12, 2)).insert();
		data.aContact(planOnDue).on(d(2024, 12, 10)).withOutcome("UNACCEPTABLE_ABSENCE").insert();
		data.aContact(planOnDue).on(first).withOutcome("ATTENDED_FAILED_TO_COMPLY").insert();
		data.aPlan(planOnDue).completedOn(d(2025, 1, 15)).insert();
		planDayLate = data.aSuspendedSentenceOrder().sentencedOn(d(2024, 12, 1)).allocatedOn(d(2024, 12, 2)).insert();
		data.aContact(planDayLate).on(first).insert();
		data.aPlan(planDayLate).completedOn(d(2025, 1, 16)).insert();
		data.aPlan(planDayLate).ofType("RESETTLEMENT_PLAN").completedOn(d(2025, 1, 2)).insert();
		planDraft = data.aCommunityOrder().sentencedOn(d(2024, 12, 1)).allocatedOn(d(2024, 12, 2)).insert();
		data.aContact(planDraft).on(first).insert();
		data.aPlan(planDraft).draft().insert();
		planNoFirstContact = data.aCommunityOrder().sentencedOn(d(2024, 12, 1)).allocatedOn(d(2024, 12, 2)).insert();
		data.aContact(planNoFirstContact).on(first).faceToFace(false).insert();
		licencePlanOnDue = data.aLicence()
			.sentencedOn(d(2024, 1, 1))
			.allocatedOn(d(2024, 12, 19))
			.releasedOn(d(2024, 12, 19))
			.insert();
		data.aContact(licencePlanOnDue).on(first).insert();
		data.aPlan(licencePlanOnDue).completedOn(d(2025, 1, 14)).insert();
		licencePlanLate = data.aLicence()
			.sentencedOn(d(2024, 1, 1))
			.allocatedOn(d(2024, 12, 19))
			.releasedOn(d(2024, 12, 19))
			.insert();
		data.aContact(licencePlanLate).on(first).insert();
		data.aPlan(licencePlanLate).completedOn(d(2025, 1, 20)).insert();
	}

	static void unpaidWork() {
		// allocation Monday 6 May 2024 (bank holiday); BD(6 May, 7) = Wednesday 15 May
		CaseData.Event e = data.aCommunityOrder().sentencedOn(d(2024, 5, 1)).allocatedOn(d(2024, 5, 6)).insert();
		upwOnDeadline = data.aRequirement(e).ofType("UNPAID_WORK").startingOn(d(2024, 5, 6)).insert();
		data.aContact(e)
			.on(d(2024, 5, 15))
			.nationalStandard(false)
			.withOutcome("ACCEPTABLE_ABSENCE")
			.ofType("UNPAID_WORK_SESSION")
			.forRequirement(upwOnDeadline)
			.insert();
		upwLate = data.aRequirement(e).ofType("UNPAID_WORK").startingOn(d(2024, 5, 6)).insert();
		data.aContact(e)
			.on(d(2024, 5, 10))
			.nationalStandard(false)
			.withOutcome("RESCHEDULED")
			.ofType("UNPAID_WORK_SESSION")
			.forRequirement(upwLate)
			.insert();
		data.aContact(e)
			.on(d(2024, 5, 16))
			.nationalStandard(false)
			.ofType("UNPAID_WORK_SESSION")
			.forRequirement(upwLate)
			.insert();
		upwOtherType = data.aRequirement(e).ofType("UNPAID_WORK").startingOn(d(2024, 5, 6)).insert();
		data.aContact(e).on(d(2024, 5, 8)).nationalStandard(false).forRequirement(upwOtherType).insert();
		data.aRequirement(e).ofType("REHABILITATION_ACTIVITY").startingOn(d(2024, 5, 6)).insert();
	}

	static void completions() {
		LocalDate june = d(2024, 6, 30);
		coCompleted = data.aCommunityOrder().sentencedOn(d(2023, 1, 1)).allocatedOn(d(2023, 1, 2)).insert();
		data.terminate(coCompleted, june, "COMPLETED");
		coRevoked = data.aCommunityOrder().sentencedOn(d(2023, 1, 1)).allocatedOn(d(2023, 1, 2)).insert();
		data.terminate(coRevoked, d(2024, 6, 1), "REVOKED_BREACH");
		coTransferred = data.aCommunityOrder().sentencedOn(d(2023, 1, 1)).allocatedOn(d(2023, 1, 2)).insert();
		data.terminate(coTransferred, june, "TRANSFERRED_OUT");
		ssoDeceased = data.aSuspendedSentenceOrder().sentencedOn(d(2023, 1, 1)).allocatedOn(d(2023, 1, 2)).insert();
		data.terminate(ssoDeceased, june, "DECEASED");
		licenceCompleted = data.aLicence()
			.sentencedOn(d(2023, 1, 1))
			.allocatedOn(d(2023, 6, 2))
			.releasedOn(d(2023, 6, 2))
			.insert();
		data.terminate(licenceCompleted, june, "COMPLETED");
		pssRecalled = data.aPostSentenceSupervision()
			.sentencedOn(d(2023, 1, 1))
			.allocatedOn(d(2023, 6, 2))
			.releasedOn(d(2023, 6, 2))
			.insert();
		data.terminate(pssRecalled, june, "RECALLED");
		licenceNeutral = data.aLicence()
			.sentencedOn(d(2023, 1, 1))
			.allocatedOn(d(2023, 6, 2))
			.releasedOn(d(2023, 6, 2))
			.insert();
		data.terminate(licenceNeutral, june, "OTHER_NEUTRAL");

		// SL010: sentence 29 February 2024; 28 February 2025 is within 12 months, 1 March
		// not
		CaseData.Event leap = data.aCommunityOrder().sentencedOn(d(2024, 2, 29)).allocatedOn(d(2024, 3, 1)).insert();
		upwWithinYear = data.aRequirement(leap).ofType("UNPAID_WORK").startingOn(d(2024, 3, 1)).insert();
		data.terminateRequirement(upwWithinYear, d(2025, 2, 28), "COMPLETED");
		upwAfterYear = data.aRequirement(leap).ofType("UNPAID_WORK").startingOn(d(2024, 3, 1)).insert();
		data.terminateRequirement(upwAfterYear, d(2025, 3, 1), "COMPLETED");
		upwRevoked = data.aRequirement(leap).ofType("UNPAID_WORK").startingOn(d(2024, 3, 1)).insert();
		data.terminateRequirement(upwRevoked, d(2025, 2, 10), "REVOKED_FURTHER_OFFENCE");
		upwNeutral = data.aRequirement(leap).ofType("UNPAID_WORK").startingOn(d(2024, 3, 1)).insert();
		data.terminateRequirement(upwNeutral, d(2025, 2, 10), "TRANSFERRED_OUT");
		programmeCompleted = data.aRequirement(leap).ofType("ACCREDITED_PROGRAMME").startingOn(d(2024, 3, 1)).insert();
		data.terminateRequirement(programmeCompleted, d(2025, 2, 1), "COMPLETED");
		programmeRevoked = data.aRequirement(leap).ofType("ACCREDITED_PROGRAMME").startingOn(d(2024, 3, 1)).insert();
		data.terminateRequirement(programmeRevoked, d(2025, 2, 28), "REVOKED_BREACH");
		programmeNeutral = data.aRequirement(leap).ofType("ACCREDITED_PROGRAMME").startingOn(d(2024, 3, 1)).insert();
		data.terminateRequirement(programmeNeutral, d(2025, 2, 28), "DECEASED");
	}

	static void resettlement() {
		// sentence Friday 13 September 2024: BD(13 September, 10) = Friday 27 September
		LocalDate sentence = d(2024, 9, 13);
		resettlementOnDue = data.aCustodialSentence().sentencedOn(sentence).insert();
		data.aPlan(resettlementOnDue).ofType("RESETTLEMENT_PLAN").completedOn(d(2024, 9, 27)).insert();
		resettlementLate = data.aCustodialSentence().sentencedOn(sentence).insert();
		data.aPlan(resettlementLate).ofType("RESETTLEMENT_PLAN").completedOn(d(2024, 9, 30)).insert();
		resettlementNone = data.aCustodialSentence().sentencedOn(sentence).insert();
		data.aPlan(resettlementNone).completedOn(d(2024, 9, 20)).insert();
	}

	static void referrals() {
		CaseData.Event co = data.aCommunityOrder().sentencedOn(d(2023, 1, 1)).allocatedOn(d(2023, 1, 2)).insert();
		CaseData.Event licence = data.aLicence()
			.sentencedOn(d(2022, 1, 1))
			.allocatedOn(d(2023, 1, 2))
			.releasedOn(d(2023, 1, 2))
			.insert();
		// AM_E: aware Friday 22 December 2023, BD(22 December, 8) = Monday 8 January 2024
		breachOnEighth = data.aReferral(co).awareOn(d(2023, 12, 22)).referredOn(d(2024, 1, 8)).insert();
		breachNinth = data.aReferral(co)
			.awareOn(d(2023, 12, 22))
			.referredOn(d(2024, 1, 9))
			.usableWithoutMoreInformation(false)
			.insert();
		breachUsable = data.aReferral(co).awareOn(d(2024, 1, 2)).referredOn(d(2024, 1, 3)).insert();
		breachUnusable = data.aReferral(co)
			.awareOn(d(2024, 1, 2))
			.referredOn(d(2024, 1, 3))
			.usableWithoutMoreInformation(false)
			.insert();
		// SL018: aware Friday 5 May 2023, BD(5 May, 1) = Tuesday 9 May 2023
		recallNextDay = data.aReferral(licence)
			.ofType("RECALL")
			.awareOn(d(2023, 5, 5))
			.referredOn(d(2023, 5, 9))
			.insert();
		recallLate = data.aReferral(licence)
			.ofType("RECALL")
			.awareOn(d(2023, 5, 5))
			.referredOn(d(2023, 5, 10))
			.insert();
	}

	static void accommodation() {
		LocalDate release = d(2024, 8, 30);
		housedSettled = data.aLicence().sentencedOn(d(2023, 1, 1)).allocatedOn(release).releasedOn(release).insert();
		data.accommodation(housedSettled, "SETTLED");
		housedTemporary = data.aPostSentenceSupervision()
			.sentencedOn(d(2023, 1, 1))
			.allocatedOn(release)
			.releasedOn(release)
			.insert();
		data.accommodation(housedTemporary, "TEMPORARY");
		noFixedAbode = data.aLicence().sentencedOn(d(2023, 1, 1)).allocatedOn(release).releasedOn(release).insert();
		data.accommodation(noFixedAbode, "NO_FIXED_ABODE");
		unknown = data.aLicence().sentencedOn(d(2023, 1, 1)).allocatedOn(release).releasedOn(release).insert();
		data.accommodation(unknown, "UNKNOWN");
		data.aLicence().sentencedOn(d(2023, 1, 1)).allocatedOn(release).releasedOn(release).insert();
	}

	static void monthlyContact() {
		// March 2024, team 2
		activeFromFirst = data.aCommunityOrder()
			.sentencedOn(d(2024, 3, 1))
			.inTeam(data.team(2))
			.heldBy(data.staff(2))
			.insert();
		data.aContact(activeFromFirst).on(d(2024, 3, 31)).withOutcome("ACCEPTABLE_ABSENCE").insert();
		startedSecond = data.aCommunityOrder()
			.sentencedOn(d(2024, 3, 2))
			.inTeam(data.team(2))
			.heldBy(data.staff(2))
			.insert();
		data.aContact(startedSecond).on(d(2024, 3, 15)).insert();
		terminatedLastDay = data.aSuspendedSentenceOrder()
			.sentencedOn(d(2024, 1, 1))
			.inTeam(data.team(2))
			.heldBy(data.staff(2))
			.insert();
		data.aContact(terminatedLastDay).on(d(2024, 3, 15)).insert();
		data.terminate(terminatedLastDay, d(2024, 3, 31), "COMPLETED");
		terminatedNextMonth = data.aLicence()
			.sentencedOn(d(2023, 1, 1))
			.allocatedOn(d(2024, 2, 20))
			.releasedOn(d(2024, 2, 20))
			.inTeam(data.team(2))
			.heldBy(data.staff(2))
			.insert();
		data.aContact(terminatedNextMonth).on(d(2024, 3, 1)).insert();
		data.terminate(terminatedNextMonth, d(2024, 4, 1), "COMPLETED");
		noContact = data.aPostSentenceSupervision()
			.sentencedOn(d(2023, 1, 1))
			.allocatedOn(d(2024, 2, 20))
			.releasedOn(d(2024, 2, 20))
			.inTeam(data.team(2))
			.heldBy(data.staff(2))
			.insert();
		data.aContact(noContact).on(d(2024, 3, 10)).withOutcome("RESCHEDULED").insert();
		phoneOnly = data.aCommunityOrder()
			.sentencedOn(d(2024, 1, 1))
			.inTeam(data.team(2))
			.heldBy(data.staff(2))
			.insert();
		data.aContact(phoneOnly).on(d(2024, 3, 10)).faceToFace(false).insert();
		data.aContact(phoneOnly).on(d(2024, 3, 11)).nationalStandard(false).ofType("OTHER").insert();
		data.terminate(phoneOnly, d(2024, 5, 1), "COMPLETED");
	}

	static void attendance() {
		attendance = data.aCommunityOrder()
			.sentencedOn(d(2024, 9, 1))
			.allocatedOn(d(2024, 9, 2))
			.inTeam(data.team(3))
			.heldBy(data.staff(3))
			.insert();
		data.aContact(attendance).on(d(2024, 10, 1)).insert();
		data.aContact(attendance).on(d(2024, 10, 2)).withOutcome("ATTENDED_FAILED_TO_COMPLY").insert();
		data.aContact(attendance).on(d(2024, 10, 3)).withOutcome("UNACCEPTABLE_ABSENCE").insert();
		data.aContact(attendance).on(d(2024, 10, 4)).withOutcome("ACCEPTABLE_ABSENCE").insert();
		data.aContact(attendance).on(d(2024, 10, 5)).withOutcome("RESCHEDULED").insert();
		data.aContact(attendance).on(d(2024, 10, 6)).withOutcome("NOT_RECORDED").insert();
		data.aContact(attendance).on(d(2024, 10, 7)).faceToFace(false).nationalStandard(false).ofType("OTHER").insert();
		data.aContact(attendance).on(d(2024, 10, 8)).faceToFace(false).ofType("OTHER").insert();
		data.aContact(attendance).on(d(2024, 11, 1)).withOutcome("UNACCEPTABLE_ABSENCE").insert();
	}

	@Test
	void countsASentencePlanInTheMonthItFellDueAndMetOnlyOnOrBeforeThatDay() {
		Map<String, Boolean> cases = metBySubject(this.results, "SL003R", "2025-01", data.team(1));
		assertThat(cases).containsEntry(planOnDue.id(), true)
			.containsEntry(planDayLate.id(), false)
			.containsEntry(planDraft.id(), false)
			.doesNotContainKey(planNoFirstContact.id());
		assertThat(metBySubject(this.results, "SL003R", "2024-12", data.team(1))).doesNotContainKey(planOnDue.id());
		var reasons = MeasureTestSupport.cases(this.results, "SL003R", "2025-01", data.team(1));
		assertThat(reasons).anyMatch((c) -> c.subjectId().equals(planDayLate.id())
				&& c.reason().equals("plan completed 1 business day late"));
		assertThat(reasons).anyMatch((c) -> c.subjectId().equals(planDraft.id())
				&& c.reason().equals("no plan completed (due 15 January 2025)"));
	}

	@Test
	void countsLicencePlansTheSameWay() {
		assertThat(metBySubject(this.results, "SL004R", "2025-01", data.team(1)))
			.containsEntry(licencePlanOnDue.id(), true)
			.containsEntry(licencePlanLate.id(), false);
		assertThat(metBySubject(this.results, "SL003R", "2025-01", data.team(1)))
			.doesNotContainKey(licencePlanOnDue.id());
	}

	@Test
	void countsUnpaidWorkArrangedByTheSeventhBusinessDayPerRequirement() {
		assertThat(metBySubject(this.results, "SL006R", "2024-05", data.team(1))).containsEntry(upwOnDeadline, true)
			.containsEntry(upwLate, false)
			.containsEntry(upwOtherType, false)
			.hasSize(3);
	}

	@Test
	void leavesNeutralTerminationsOutOfOrderCompletion() {
		assertThat(metBySubject(this.results, "SL008", "2024-06", data.team(1))).containsEntry(coCompleted.id(), true)
			.containsEntry(coRevoked.id(), false)
			.doesNotContainKeys(coTransferred.id(), ssoDeceased.id(), licenceCompleted.id());
		assertThat(MeasureTestSupport.cases(this.results, "SL008", "2024-06", data.team(1)))
			.anyMatch((c) -> c.reason().equals("terminated: REVOKED_BREACH"));
	}

	@Test
	void countsLicenceAndPssCompletionWithoutNeutralTerminations() {
		assertThat(metBySubject(this.results, "AM_J", "2024-06", data.team(1)))
			.containsEntry(licenceCompleted.id(), true)
			.containsEntry(pssRecalled.id(), false)
			.doesNotContainKeys(licenceNeutral.id(), coCompleted.id());
	}

	@Test
	void countsUnpaidWorkCompletedWithinTwelveCalendarMonthsOfSentence() {
		Map<String, Boolean> february = metBySubject(this.results, "SL010", "2025-02", data.team(1));
		assertThat(february).containsEntry(upwWithinYear, true)
			.containsEntry(upwRevoked, false)
			.doesNotContainKey(upwNeutral);
		assertThat(metBySubject(this.results, "SL010", "2025-03", data.team(1))).containsEntry(upwAfterYear, false);
	}

	@Test
	void countsProgrammeCompletionsWithoutNeutralTerminations() {
		assertThat(metBySubject(this.results, "SL011R", "2025-02", data.team(1)))
			.containsEntry(programmeCompleted, true)
			.containsEntry(programmeRevoked, false)
			.doesNotContainKey(programmeNeutral)
			.hasSize(2);
	}

	@Test
	void countsResettlementPlansCompletedByTheTenthBusinessDayAfterSentence() {
		assertThat(metBySubject(this.results, "SL013", "2024-09", data.team(1)))
			.containsEntry(resettlementOnDue.id(), true)
			.containsEntry(resettlementLate.id(), false)
			.containsEntry(resettlementNone.id(), false);
	}

	@Test
	void judgesBreachAndRecallReferralsInTheMonthTheyWereMade() {
		assertThat(metBySubject(this.results, "AM_E", "2024-01", data.team(1))).containsEntry(breachOnEighth, true)
			.containsEntry(breachNinth, false)
			.containsEntry(breachUsable, true);
		assertThat(metBySubject(this.results, "SL016", "2024-01", data.team(1))).containsEntry(breachUsable, true)
			.containsEntry(breachUnusable, false)
			.containsEntry(breachOnEighth, true)
			.containsEntry(breachNinth, false);
		assertThat(metBySubject(this.results, "SL018", "2023-05", data.team(1))).containsEntry(recallNextDay, true)
			.containsEntry(recallLate, false);
		assertThat(MeasureTestSupport.cases(this.results, "AM_E", "2024-01", data.team(1)))
			.anyMatch((c) -> c.subjectId().equals(breachNinth)
					&& c.reason().equals("referred 9 business days after becoming aware"));
	}

	@Test
	void countsAccommodationOnReleaseOnlyWhereTheStatusIsKnown() {
		assertThat(metBySubject(this.results, "AM_C", "2024-08", data.team(1))).containsEntry(housedSettled.id(), true)
			.containsEntry(housedTemporary.id(), true)
			.containsEntry(noFixedAbode.id(), false)
			.doesNotContainKey(unknown.id())
			.hasSize(3);
	}

	@Test
	void countsMonthlyContactForEventsActiveForTheWholeMonth() {
		// an acceptable absence was still offered (only a rescheduled appointment is not)
		assertThat(metBySubject(this.results, "AM_K", "2024-03", data.team(2)))
			.containsEntry(activeFromFirst.id(), true)
			.containsEntry(terminatedNextMonth.id(), true)
			.containsEntry(noContact.id(), false)
			.containsEntry(phoneOnly.id(), false)
			.doesNotContainKeys(startedSecond.id(), terminatedLastDay.id())
			.hasSize(4);
		// a quarter pools the months: January and February count phoneOnly and
		// terminatedLastDay (both from 1 January), March the four above
		var quarter = this.results.unitResult("AM_K", org.probity.shared.Period.parse("2024-Q1"), data.team(2));
		assertThat(quarter.denominator()).isEqualTo(2 + 2 + 4);
		assertThat(metBySubject(this.results, "AM_K", "2024-04", data.team(2))).containsEntry(phoneOnly.id(), false)
			.doesNotContainKey(terminatedNextMonth.id());
		assertThat(metBySubject(this.results, "AM_K", "2024-05", data.team(2))).doesNotContainKey(phoneOnly.id());
	}

	@Test
	void countsAttendanceOfNationalStandardAppointmentsLeavingOutExcusedOnes() {
		var october = MeasureTestSupport.cases(this.results, "ATTENDANCE", "2024-10", data.team(3));
		assertThat(october).hasSize(1);
		assertThat(october.get(0).numerator()).isEqualTo(3);
		assertThat(october.get(0).denominator()).isEqualTo(4);
		assertThat(october.get(0).reason()).isEqualTo("attended 3 of 4 appointments");
		var result = this.results.unitResult("ATTENDANCE", org.probity.shared.Period.parse("2024-Q4"), data.ldu(2));
		assertThat(result.numerator()).isEqualTo(3);
		assertThat(result.denominator()).isEqualTo(5);
		assertThat(result.assessment().rag()).isEqualTo(Assessment.Rag.NONE);
		assertThat(result.assessment().rating()).isEqualTo(Assessment.Rating.NONE);
		var staff = this.results.staffResult("ATTENDANCE", org.probity.shared.Period.parse("2024-10"), data.staff(3),
				null);
		assertThat(staff.numerator()).isEqualTo(3);
	}

}
