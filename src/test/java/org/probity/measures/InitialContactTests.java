package org.probity.measures;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.probity.measures.results.Assessment;
import org.probity.measures.results.MeasureResults;
import org.probity.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.probity.measures.CaseDataFactory.CO;
import static org.probity.measures.CaseDataFactory.LICENCE;
import static org.probity.measures.CaseDataFactory.SSO;
import static org.probity.measures.MeasureTestSupport.cases;
import static org.probity.measures.MeasureTestSupport.metBySubject;

/**
 * SL001R and SL002R: initial face-to-face contact within BD(allocation, 5) / BD(release,
 * 1).
 */
@IntegrationTest
class InitialContactTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeasureRecomputation recomputation;

	@Autowired
	MeasureResults results;

	static CaseDataFactory data;

	static CaseDataFactory.Event onDeadline;

	static CaseDataFactory.Event dayAfterDeadline;

	static CaseDataFactory.Event notFaceToFace;

	static CaseDataFactory.Event rescheduledOnly;

	static CaseDataFactory.Event saturdayAllocation;

	static CaseDataFactory.Event noContact;

	static CaseDataFactory.Event beforeAllocation;

	static CaseDataFactory.Event licenceNextBusinessDay;

	static CaseDataFactory.Event licenceLate;

	static CaseDataFactory.Event licenceSameDay;

	@BeforeAll
	static void load(@Autowired JdbcClient jdbc, @Autowired MeasureRecomputation recomputation) {
		data = new CaseDataFactory(jdbc, "ICT", 'I').estate();
		LocalDate thursday = LocalDate.of(2024, 3, 28);
		// BD(Thursday 28 March 2024, 5) = Monday 8 April (Good Friday, Easter Monday
		// skipped)
		onDeadline = data.event(CO, thursday, thursday, null);
		data.contact(onDeadline, LocalDate.of(2024, 4, 8), "ATTENDED_COMPLIED");
		dayAfterDeadline = data.event(SSO, thursday, thursday, null);
		data.contact(dayAfterDeadline, LocalDate.of(2024, 4, 9), "ATTENDED_COMPLIED");
		notFaceToFace = data.event(CO, thursday, thursday, null);
		data.contact(notFaceToFace, LocalDate.of(2024, 4, 2), false, true, "ATTENDED_COMPLIED", "SUPERVISION", null);
		rescheduledOnly = data.event(CO, thursday, thursday, null);
		data.contact(rescheduledOnly, LocalDate.of(2024, 4, 3), "RESCHEDULED");
		// Saturday allocation: the window includes the allocation date itself
		LocalDate saturday = LocalDate.of(2024, 3, 30);
		saturdayAllocation = data.event(CO, saturday, saturday, null);
		data.contact(saturdayAllocation, saturday, "UNACCEPTABLE_ABSENCE");
		noContact = data.event(CO, thursday, thursday, null);
		beforeAllocation = data.event(CO, thursday, thursday, null);
		data.contact(beforeAllocation, LocalDate.of(2024, 3, 27), "ATTENDED_COMPLIED");
		// SL002R: release Friday 5 May 2023, BD(5 May, 1) = Tuesday 9 May (coronation
		// holiday)
		LocalDate release = LocalDate.of(2023, 5, 5);
		licenceNextBusinessDay = data.event(LICENCE, release.minusYears(1), release, release);
		data.contact(licenceNextBusinessDay, LocalDate.of(2023, 5, 9), "ATTENDED_COMPLIED");
		licenceLate = data.event(LICENCE, release.minusYears(1), release, release);
		data.contact(licenceLate, LocalDate.of(2023, 5, 10), "ATTENDED_COMPLIED");
		licenceSameDay = data.event(LICENCE, release.minusYears(1), release, release);
		data.contact(licenceSameDay, release, false, true, "ATTENDED_COMPLIED", "SUPERVISION", null);
		data.contact(licenceSameDay, release, true, false, "ACCEPTABLE_ABSENCE", "OTHER", null);
		recomputation.recomputeAll();
	}

	@Test
	void countsAFaceToFaceContactOnTheFifthBusinessDayAfterAllocation() {
		assertThat(metBySubject(this.results, "SL001R", "2024-03", data.team(1))).containsEntry(onDeadline.id(), true)
			.containsEntry(dayAfterDeadline.id(), false)
			.containsEntry(notFaceToFace.id(), false)
			.containsEntry(rescheduledOnly.id(), false)
			.containsEntry(noContact.id(), false)
			.containsEntry(beforeAllocation.id(), false)
			.containsEntry(saturdayAllocation.id(), true)
			.hasSize(7);
	}

	@Test
	void explainsWhyACaseDidNotMeetInitialContact() {
		var reasons = cases(this.results, "SL001R", "2024-03", data.team(1)).stream()
			.collect(java.util.stream.Collectors.toMap(MeasureResults.CaseRow::subjectId,
					MeasureResults.CaseRow::reason));
		assertThat(reasons.get(dayAfterDeadline.id()))
			.isEqualTo("first face-to-face contact 6 business days after allocation (due by 8 April 2024)");
		assertThat(reasons.get(onDeadline.id()))
			.isEqualTo("first face-to-face contact 5 business days after allocation");
		assertThat(reasons.get(noContact.id()))
			.isEqualTo("no face-to-face contact within 5 business days of allocation");
		assertThat(reasons.get(saturdayAllocation.id()))
			.isEqualTo("first face-to-face contact on the day of allocation");
	}

	@Test
	void poolsTheInitialContactOfAUnitAndItsParents() {
		var team = this.results.unitResult("SL001R", org.probity.shared.Period.parse("2024-03"), data.team(1));
		var provider = this.results.unitResult("SL001R", org.probity.shared.Period.parse("2024-Q1"), data.provider());
		assertThat(team.numerator()).isEqualTo(2);
		assertThat(team.denominator()).isEqualTo(7);
		assertThat(provider.numerator()).isEqualTo(2);
		assertThat(provider.denominator()).isEqualTo(7);
		assertThat(provider.assessment().rag()).isEqualTo(Assessment.Rag.RED);
	}

	@Test
	void countsALicenceSeenOnTheFirstBusinessDayAfterRelease() {
		assertThat(metBySubject(this.results, "SL002R", "2023-05", data.team(1)))
			.containsEntry(licenceNextBusinessDay.id(), true)
			.containsEntry(licenceLate.id(), false)
			.containsEntry(licenceSameDay.id(), true)
			.hasSize(3);
	}

}
