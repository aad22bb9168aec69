package org.probity.measures;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.probity.measures.results.Assessment;
import org.probity.measures.results.MeasureResults;
import org.probity.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.probity.measures.CaseDataFactory.CO;
import static org.probity.measures.CaseDataFactory.CUSTODY;
import static org.probity.measures.CaseDataFactory.LICENCE;
import static org.probity.measures.CaseDataFactory.PSS;
import static org.probity.measures.CaseDataFactory.SSO;
import static org.probity.measures.MeasureTestSupport.metBySubject;

/**
 * Every measure of measures.md with hand-built cases on both sides of each boundary its
 * definition names.
 */
@IntegrationTest
class MeasureBoundaryTests {

	@Autowired
	MeasureResults results;

	static CaseDataFactory data;

	static LocalDate d(int y, int m, int day) {
		return LocalDate.of(y, m, day);
	}

	// SL003R / SL004R
	static CaseDataFactory.Event planOnDue, planDayLate, planDraft, planNoFirstContact, licencePlanOnDue,
			licencePlanLate;

	// SL006R
	static String upwOnDeadline, upwLate, upwOtherType;

	// SL008 / AM_J
	static CaseDataFactory.Event coCompleted, coRevoked, coTransferred, ssoDeceased, licenceCompleted, pssRecalled,
			licenceNeutral;

	// SL010 / SL011R
	static String upwWithinYear, upwAfterYear, upwRevoked, upwNeutral, programmeCompleted, programmeRevoked,
			programmeNeutral;

	// SL013
	static CaseDataFactory.Event resettlementOnDue, resettlementLate, resettlementNone;

	// SL016 / SL018 / AM_E
	static String breachUsable, breachUnusable, recallNextDay, recallLate, breachOnEighth, breachNinth;

	// AM_C
	static CaseDataFactory.Event housedSettled, housedTemporary, noFixedAbode, unknown;

	// AM_K
	static CaseDataFactory.Event activeFromFirst, startedSecond, terminatedLastDay, terminatedNextMonth, noContact,
			phoneOnly;

	// ATTENDANCE
	static CaseDataFactory.Event attendance;

	@BeforeAll
	static void load(@Autowired JdbcClient jdbc, @Autowired MeasureRecomputation recomputation) {
		data = new CaseDataFactory(jdbc, "MBT", 'B').estate();
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
		planOnDue = data.event(CO, d(2024, 12, 1), d(2024, 12, 2), null);
		data.contact(planOnDue, d(2024, 12, 10), "UNACCEPTABLE_ABSENCE");
		data.contact(planOnDue, first, "ATTENDED_FAILED_TO_COMPLY");
		data.plan(planOnDue, "SENTENCE_PLAN", d(2025, 1, 15));
		planDayLate = data.event(SSO, d(2024, 12, 1), d(2024, 12, 2), null);
		data.contact(planDayLate, first, "ATTENDED_COMPLIED");
		data.plan(planDayLate, "SENTENCE_PLAN", d(2025, 1, 16));
		data.plan(planDayLate, "RESETTLEMENT_PLAN", d(2025, 1, 2));
		planDraft = data.event(CO, d(2024, 12, 1), d(2024, 12, 2), null);
		data.contact(planDraft, first, "ATTENDED_COMPLIED");
		data.plan(planDraft, "SENTENCE_PLAN", null);
		planNoFirstContact = data.event(CO, d(2024, 12, 1), d(2024, 12, 2), null);
		data.contact(planNoFirstContact, first, false, true, "ATTENDED_COMPLIED", "SUPERVISION", null);
		licencePlanOnDue = data.event(LICENCE, d(2024, 1, 1), d(2024, 12, 19), d(2024, 12, 19));
		data.contact(licencePlanOnDue, first, "ATTENDED_COMPLIED");
		data.plan(licencePlanOnDue, "SENTENCE_PLAN", d(2025, 1, 14));
		licencePlanLate = data.event(LICENCE, d(2024, 1, 1), d(2024, 12, 19), d(2024, 12, 19));
		data.contact(licencePlanLate, first, "ATTENDED_COMPLIED");
		data.plan(licencePlanLate, "SENTENCE_PLAN", d(2025, 1, 20));
	}

	static void unpaidWork() {
		// allocation Monday 6 May 2024 (bank holiday); BD(6 May, 7) = Wednesday 15 May
		CaseDataFactory.Event e = data.event(CO, d(2024, 5, 1), d(2024, 5, 6), null);
		upwOnDeadline = data.requirement(e, "UNPAID_WORK", d(2024, 5, 6));
		data.contact(e, d(2024, 5, 15), true, false, "ACCEPTABLE_ABSENCE", "UNPAID_WORK_SESSION", upwOnDeadline);
		upwLate = data.requirement(e, "UNPAID_WORK", d(2024, 5, 6));
		data.contact(e, d(2024, 5, 10), true, false, "RESCHEDULED", "UNPAID_WORK_SESSION", upwLate);
		data.contact(e, d(2024, 5, 16), true, false, "ATTENDED_COMPLIED", "UNPAID_WORK_SESSION", upwLate);
		upwOtherType = data.requirement(e, "UNPAID_WORK", d(2024, 5, 6));
		data.contact(e, d(2024, 5, 8), true, false, "ATTENDED_COMPLIED", "SUPERVISION", upwOtherType);
		data.requirement(e, "REHABILITATION_ACTIVITY", d(2024, 5, 6));
	}

	static void completions() {
		LocalDate june = d(2024, 6, 30);
		coCompleted = data.event(CO, d(2023, 1, 1), d(2023, 1, 2), null);
		data.terminate(coCompleted, june, "COMPLETED");
		coRevoked = data.event(CO, d(2023, 1, 1), d(2023, 1, 2), null);
		data.terminate(coRevoked, d(2024, 6, 1), "REVOKED_BREACH");
		coTransferred = data.event(CO, d(2023, 1, 1), d(2023, 1, 2), null);
		data.terminate(coTransferred, june, "TRANSFERRED_OUT");
		ssoDeceased = data.event(SSO, d(2023, 1, 1), d(2023, 1, 2), null);
		data.terminate(ssoDeceased, june, "DECEASED");
		licenceCompleted = data.event(LICENCE, d(2023, 1, 1), d(2023, 6, 2), d(2023, 6, 2));
		data.terminate(licenceCompleted, june, "COMPLETED");
		pssRecalled = data.event(PSS, d(2023, 1, 1), d(2023, 6, 2), d(2023, 6, 2));
		data.terminate(pssRecalled, june, "RECALLED");
		licenceNeutral = data.event(LICENCE, d(2023, 1, 1), d(2023, 6, 2), d(2023, 6, 2));
		data.terminate(licenceNeutral, june, "OTHER_NEUTRAL");

		// SL010: sentence 29 February 2024; 28 February 2025 is within 12 months, 1 March
		// not
		CaseDataFactory.Event leap = data.event(CO, d(2024, 2, 29), d(2024, 3, 1), null);
		upwWithinYear = data.requirement(leap, "UNPAID_WORK", d(2024, 3, 1));
		data.terminateRequirement(upwWithinYear, d(2025, 2, 28), "COMPLETED");
		upwAfterYear = data.requirement(leap, "UNPAID_WORK", d(2024, 3, 1));
		data.terminateRequirement(upwAfterYear, d(2025, 3, 1), "COMPLETED");
		upwRevoked = data.requirement(leap, "UNPAID_WORK", d(2024, 3, 1));
		data.terminateRequirement(upwRevoked, d(2025, 2, 10), "REVOKED_FURTHER_OFFENCE");
		upwNeutral = data.requirement(leap, "UNPAID_WORK", d(2024, 3, 1));
		data.terminateRequirement(upwNeutral, d(2025, 2, 10), "TRANSFERRED_OUT");
		programmeCompleted = data.requirement(leap, "ACCREDITED_PROGRAMME", d(2024, 3, 1));
		data.terminateRequirement(programmeCompleted, d(2025, 2, 1), "COMPLETED");
		programmeRevoked = data.requirement(leap, "ACCREDITED_PROGRAMME", d(2024, 3, 1));
		data.terminateRequirement(programmeRevoked, d(2025, 2, 28), "REVOKED_BREACH");
		programmeNeutral = data.requirement(leap, "ACCREDITED_PROGRAMME", d(2024, 3, 1));
		data.terminateRequirement(programmeNeutral, d(2025, 2, 28), "DECEASED");
	}

	static void resettlement() {
		// sentence Friday 13 September 2024: BD(13 September, 10) = Friday 27 September
		LocalDate sentence = d(2024, 9, 13);
		resettlementOnDue = data.event(CUSTODY, sentence, sentence, null);
		data.plan(resettlementOnDue, "RESETTLEMENT_PLAN", d(2024, 9, 27));
		resettlementLate = data.event(CUSTODY, sentence, sentence, null);
		data.plan(resettlementLate, "RESETTLEMENT_PLAN", d(2024, 9, 30));
		resettlementNone = data.event(CUSTODY, sentence, sentence, null);
		data.plan(resettlementNone, "SENTENCE_PLAN", d(2024, 9, 20));
	}

	static void referrals() {
		CaseDataFactory.Event co = data.event(CO, d(2023, 1, 1), d(2023, 1, 2), null);
		CaseDataFactory.Event licence = data.event(LICENCE, d(2022, 1, 1), d(2023, 1, 2), d(2023, 1, 2));
		// AM_E: aware Friday 22 December 2023, BD(22 December, 8) = Monday 8 January 2024
		breachOnEighth = data.referral(co, "BREACH", d(2023, 12, 22), d(2024, 1, 8), true);
		breachNinth = data.referral(co, "BREACH", d(2023, 12, 22), d(2024, 1, 9), false);
		breachUsable = data.referral(co, "BREACH", d(2024, 1, 2), d(2024, 1, 3), true);
		breachUnusable = data.referral(co, "BREACH", d(2024, 1, 2), d(2024, 1, 3), false);
		// SL018: aware Friday 5 May 2023, BD(5 May, 1) = Tuesday 9 May 2023
		recallNextDay = data.referral(licence, "RECALL", d(2023, 5, 5), d(2023, 5, 9), true);
		recallLate = data.referral(licence, "RECALL", d(2023, 5, 5), d(2023, 5, 10), true);
	}

	static void accommodation() {
		LocalDate release = d(2024, 8, 30);
		housedSettled = data.event(LICENCE, d(2023, 1, 1), release, release);
		data.accommodation(housedSettled, "SETTLED");
		housedTemporary = data.event(PSS, d(2023, 1, 1), release, release);
		data.accommodation(housedTemporary, "TEMPORARY");
		noFixedAbode = data.event(LICENCE, d(2023, 1, 1), release, release);
		data.accommodation(noFixedAbode, "NO_FIXED_ABODE");
		unknown = data.event(LICENCE, d(2023, 1, 1), release, release);
		data.accommodation(unknown, "UNKNOWN");
		data.event(LICENCE, d(2023, 1, 1), release, release);
	}

	static void monthlyContact() {
		// March 2024, team 2
		activeFromFirst = data.event(CO, d(2024, 3, 1), d(2024, 3, 1), null, data.team(2), data.staff(2));
		data.contact(activeFromFirst, d(2024, 3, 31), "ACCEPTABLE_ABSENCE");
		startedSecond = data.event(CO, d(2024, 3, 2), d(2024, 3, 2), null, data.team(2), data.staff(2));
		data.contact(startedSecond, d(2024, 3, 15), "ATTENDED_COMPLIED");
		terminatedLastDay = data.event(SSO, d(2024, 1, 1), d(2024, 1, 1), null, data.team(2), data.staff(2));
		data.contact(terminatedLastDay, d(2024, 3, 15), "ATTENDED_COMPLIED");
		data.terminate(terminatedLastDay, d(2024, 3, 31), "COMPLETED");
		terminatedNextMonth = data.event(LICENCE, d(2023, 1, 1), d(2024, 2, 20), d(2024, 2, 20), data.team(2),
				data.staff(2));
		data.contact(terminatedNextMonth, d(2024, 3, 1), "ATTENDED_COMPLIED");
		data.terminate(terminatedNextMonth, d(2024, 4, 1), "COMPLETED");
		noContact = data.event(PSS, d(2023, 1, 1), d(2024, 2, 20), d(2024, 2, 20), data.team(2), data.staff(2));
		data.contact(noContact, d(2024, 3, 10), "RESCHEDULED");
		phoneOnly = data.event(CO, d(2024, 1, 1), d(2024, 1, 1), null, data.team(2), data.staff(2));
		data.contact(phoneOnly, d(2024, 3, 10), false, true, "ATTENDED_COMPLIED", "SUPERVISION", null);
		data.contact(phoneOnly, d(2024, 3, 11), true, false, "ATTENDED_COMPLIED", "OTHER", null);
		data.terminate(phoneOnly, d(2024, 5, 1), "COMPLETED");
	}

	static void attendance() {
		attendance = data.event(CO, d(2024, 9, 1), d(2024, 9, 2), null, data.team(3), data.staff(3));
		data.contact(attendance, d(2024, 10, 1), "ATTENDED_COMPLIED");
		data.contact(attendance, d(2024, 10, 2), "ATTENDED_FAILED_TO_COMPLY");
		data.contact(attendance, d(2024, 10, 3), "UNACCEPTABLE_ABSENCE");
		data.contact(attendance, d(2024, 10, 4), "ACCEPTABLE_ABSENCE");
		data.contact(attendance, d(2024, 10, 5), "RESCHEDULED");
		data.contact(attendance, d(2024, 10, 6), "NOT_RECORDED");
		data.contact(attendance, d(2024, 10, 7), false, false, "ATTENDED_COMPLIED", "OTHER", null);
		data.contact(attendance, d(2024, 10, 8), false, true, "ATTENDED_COMPLIED", "OTHER", null);
		data.contact(attendance, d(2024, 11, 1), "UNACCEPTABLE_ABSENCE");
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
