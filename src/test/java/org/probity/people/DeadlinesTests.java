package org.probity.people;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.measures.MeasureRecomputation;
import org.probity.measures.MeasureShortfalls;
import org.probity.measures.ServiceDeadlines;
import org.probity.shared.BusinessCalendar;
import org.probity.shared.EventId;
import org.probity.shared.MeasureCode;
import org.probity.shared.Period;
import org.probity.shared.StaffCode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Deadlines before they are missed come from the measures' own rows: each kind on both
 * sides of its due date (due tomorrow listed, already met not listed, passed not listed),
 * and the measure counting the listed case as not met once its date has passed.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadlinesTests {

	static final BusinessCalendar CALENDAR = BusinessCalendar.englandAndWales();

	/** A Wednesday; tomorrow is Thursday 11 April 2024. */
	static final LocalDate TODAY = LocalDate.of(2024, 4, 10);

	static final LocalDate TOMORROW = TODAY.plusDays(1);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	ServiceDeadlines deadlines;

	@Autowired
	MeasureRecomputation recomputation;

	@Autowired
	MeasureShortfalls shortfalls;

	@Autowired
	TransactionTemplate transactions;

	PeopleTestData data;

	String staff;

	/** The latest day d before target with BD(d, n) = target. */
	static LocalDate before(LocalDate target, int n) {
		LocalDate d = target.minusDays(1);
		while (!CALENDAR.businessDayAfter(d, n).equals(target)) {
			d = d.minusDays(1);
		}
		return d;
	}

	String crn(int n) {
		return "W" + String.format("81%04d", n);
	}

	void event(int n, String type, LocalDate start) {
		this.data.cases.aPerson(crn(n)).named("Person", "Deadline" + n).bornOn(LocalDate.of(1990, 1, 1)).insert();
		this.data.cases.anEvent("PDL-E" + n, type)
			.forPerson(crn(n))
			.sentencedOn(start)
			.heldBy(this.staff)
			.inTeam(this.data.team(1))
			.insert();
	}

	void contact(int n, String id, String type, LocalDate day, String outcome) {
		this.data.cases.aContact(id)
			.of(crn(n), "PDL-E" + n)
			.by(this.staff)
			.ofType(type)
			.at(day.atTime(10, 0))
			.withOutcome(outcome)
			.insert();
	}

	@BeforeAll
	void cases() {
		this.data = new PeopleTestData(this.jdbc, this.accounts, "PDL").estate();
		this.staff = this.data.staff(1);
		// SL001R: due tomorrow with no contact; met by a contact; due yesterday
		event(1, "COMMUNITY_ORDER", before(TOMORROW, 5));
		event(2, "COMMUNITY_ORDER", before(TOMORROW, 5));
		contact(2, "PDL-C2", "SUPERVISION", before(TOMORROW, 5).plusDays(1), "ATTENDED_COMPLIED");
		event(3, "COMMUNITY_ORDER", before(TODAY.minusDays(1), 5));
		// SL002R: released today, due tomorrow
		event(4, "LICENCE", before(TOMORROW, 1));
		// SL003R: first attended contact 15 business days before tomorrow; one with its
		// plan
		event(5, "COMMUNITY_ORDER", LocalDate.of(2024, 2, 1));
		contact(5, "PDL-C5", "SUPERVISION", before(TOMORROW, 15), "ATTENDED_COMPLIED");
		event(6, "COMMUNITY_ORDER", LocalDate.of(2024, 2, 1));
		contact(6, "PDL-C6", "SUPERVISION", before(TOMORROW, 15), "ATTENDED_COMPLIED");
		this.data.cases.aPlan("PDL-P6").of("PDL-E6").completedOn(TODAY.minusDays(1)).insert();
		// SL013: sentenced 10 business days before tomorrow, no resettlement plan
		event(7, "CUSTODY", before(TOMORROW, 10));
		// SL006R: unpaid work not arranged, due tomorrow
		event(8, "COMMUNITY_ORDER", before(TOMORROW, 7));
		contact(8, "PDL-C8", "SUPERVISION", before(TOMORROW, 7), "ATTENDED_COMPLIED");
		this.data.cases.aRequirement("PDL-R8").of("PDL-E8").lasting(100).startingOn(before(TOMORROW, 7)).insert();
		// breach: an unacceptable absence three business days ago, none referred; one
		// referred
		event(9, "COMMUNITY_ORDER", LocalDate.of(2024, 1, 2));
		contact(9, "PDL-C9", "SUPERVISION", LocalDate.of(2024, 4, 5), "UNACCEPTABLE_ABSENCE");
		event(10, "COMMUNITY_ORDER", LocalDate.of(2024, 1, 2));
		contact(10, "PDL-C10", "SUPERVISION", LocalDate.of(2024, 4, 5), "UNACCEPTABLE_ABSENCE");
		this.data.cases.aReferral("PDL-F10")
			.of("PDL-E10")
			.awareOn(LocalDate.of(2024, 4, 5))
			.referredOn(LocalDate.of(2024, 4, 8))
			.insert();
		List<String> events = java.util.stream.IntStream.rangeClosed(1, 10).mapToObj((n) -> "PDL-E" + n).toList();
		this.transactions.executeWithoutResult((tx) -> this.recomputation.recomputeEvents(events));
	}

	@Test
	void casesDueSoonAndNotYetMetAreListedSoonestFirstWithWhatWouldMeetThem() {
		List<ServiceDeadlines.Deadline> listed = this.deadlines.upcoming(List.of(new StaffCode(this.staff)), TODAY, 5);
		assertThat(listed)
			.extracting(ServiceDeadlines.Deadline::measureCode, ServiceDeadlines.Deadline::eventId,
					ServiceDeadlines.Deadline::dueDate)
			.containsExactlyInAnyOrder(tuple("SL001R", "PDL-E1", TOMORROW), tuple("SL002R", "PDL-E4", TOMORROW),
					tuple("SL003R", "PDL-E5", TOMORROW), tuple("SL013", "PDL-E7", TOMORROW),
					tuple("SL006R", "PDL-E8", TOMORROW), tuple("AM_E", "PDL-E9", LocalDate.of(2024, 4, 17)));
		assertThat(listed.get(listed.size() - 1).measureCode()).isEqualTo("AM_E");
		assertThat(listed).filteredOn((d) -> d.measureCode().equals("SL001R"))
			.singleElement()
			.satisfies((d) -> assertThat(d.toMeet())
				.isEqualTo("a face-to-face appointment (in person or by video) on or before 11 April 2024"));
		assertThat(listed).filteredOn((d) -> d.measureCode().equals("SL006R"))
			.singleElement()
			.satisfies((d) -> assertThat(d.subjectId()).isEqualTo("PDL-R8"));
		assertThat(listed).extracting(ServiceDeadlines.Deadline::eventId)
			.doesNotContain("PDL-E2", "PDL-E3", "PDL-E6", "PDL-E10");
	}

	@Test
	void aDeadlineIsListedOnItsDueDateAndNotOnceItHasPassed() {
		assertThat(this.deadlines.upcoming(List.of(new StaffCode(this.staff)), TOMORROW, 5))
			.extracting(ServiceDeadlines.Deadline::eventId)
			.contains("PDL-E1", "PDL-E4", "PDL-E5", "PDL-E7", "PDL-E8");
		assertThat(this.deadlines.upcoming(List.of(new StaffCode(this.staff)), TOMORROW.plusDays(1), 5))
			.extracting(ServiceDeadlines.Deadline::eventId)
			.doesNotContain("PDL-E1", "PDL-E4", "PDL-E5", "PDL-E7", "PDL-E8");
		// nor before it comes within 5 business days
		assertThat(this.deadlines.upcoming(List.of(new StaffCode(this.staff)), TODAY.minusDays(8), 5))
			.extracting(ServiceDeadlines.Deadline::eventId)
			.doesNotContain("PDL-E1", "PDL-E5", "PDL-E7");
	}

	@Test
	void onceTheDateHasPassedTheMeasureCountsTheListedCasesNotMetAndTheMetOnesMet() {
		Period april = Period.month(YearMonth.of(2024, 4));
		assertThat(this.shortfalls.eventsNotMeeting(new MeasureCode("SL001R"), april)).contains(new EventId("PDL-E1"))
			.doesNotContain(new EventId("PDL-E2"));
		assertThat(this.shortfalls.eventsNotMeeting(new MeasureCode("SL002R"), april)).contains(new EventId("PDL-E4"));
		assertThat(this.shortfalls.eventsNotMeeting(new MeasureCode("SL003R"), april)).contains(new EventId("PDL-E5"))
			.doesNotContain(new EventId("PDL-E6"));
		assertThat(this.shortfalls.eventsNotMeeting(new MeasureCode("SL013"), april)).contains(new EventId("PDL-E7"));
		assertThat(this.shortfalls.eventsNotMeeting(new MeasureCode("SL006R"), april)).contains(new EventId("PDL-E8"));
	}

	@Test
	void unacceptableAbsencesWithNoBreachReferralSinceAreListed() {
		List<ServiceDeadlines.Absence> absences = this.deadlines
			.absencesWithoutBreach(List.of(new StaffCode(this.staff)), TODAY, 10);
		assertThat(absences).extracting(ServiceDeadlines.Absence::eventId).containsExactly("PDL-E9");
		assertThat(absences.get(0).dueDate()).isEqualTo(LocalDate.of(2024, 4, 17));
		// more than 10 business days later it is no longer in the list
		assertThat(
				this.deadlines.absencesWithoutBreach(List.of(new StaffCode(this.staff)), LocalDate.of(2024, 4, 22), 10))
			.isEmpty();
		assertThat(
				this.deadlines.absencesWithoutBreach(List.of(new StaffCode(this.staff)), LocalDate.of(2024, 4, 19), 10))
			.extracting(ServiceDeadlines.Absence::eventId)
			.containsExactly("PDL-E9");
	}

}
