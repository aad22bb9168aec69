package org.probity.measures;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.probity.measures.results.Assessment;
import org.probity.measures.results.MeasureResults;
import org.probity.IntegrationTest;
import org.probity.testing.CaseData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
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

	static CaseData.Estate data;

	static CaseData.Event onDeadline;

	static CaseData.Event dayAfterDeadline;

	static CaseData.Event notFaceToFace;

	static CaseData.Event rescheduledOnly;

	static CaseData.Event saturdayAllocation;

	static CaseData.Event noContact;

	static CaseData.Event beforeAllocation;

	static CaseData.Event licenceNextBusinessDay;

	static CaseData.Event licenceLate;

	static CaseData.Event licenceSameDay;

	@BeforeAll
	static void load(@Autowired JdbcClient jdbc, @Autowired MeasureRecomputation recomputation) {
		data = new CaseData(jdbc).anEstate("ICT", 'I');
		LocalDate thursday = LocalDate.of(2024, 3, 28);
		// BD(Thursday 28 March 2024, 5) = Monday 8 April (Good Friday, Easter Monday
		// skipped)
		onDeadline = data.aCommunityOrder().sentencedOn(thursday).insert();
		data.aContact(onDeadline).on(LocalDate.of(2024, 4, 8)).insert();
		dayAfterDeadline = data.aSuspendedSentenceOrder().sentencedOn(thursday).insert();
		data.aContact(dayAfterDeadline).on(LocalDate.of(2024, 4, 9)).insert();
		notFaceToFace = data.aCommunityOrder().sentencedOn(thursday).insert();
		data.aContact(notFaceToFace).on(LocalDate.of(2024, 4, 2)).faceToFace(false).insert();
		rescheduledOnly = data.aCommunityOrder().sentencedOn(thursday).insert();
		data.aContact(rescheduledOnly).on(LocalDate.of(2024, 4, 3)).withOutcome("RESCHEDULED").insert();
		// Saturday allocation: the window includes the allocation date itself
		LocalDate saturday = LocalDate.of(2024, 3, 30);
		saturdayAllocation = data.aCommunityOrder().sentencedOn(saturday).insert();
		data.aContact(saturdayAllocation).on(saturday).withOutcome("UNACCEPTABLE_ABSENCE").insert();
		noContact = data.aCommunityOrder().sentencedOn(thursday).insert();
		beforeAllocation = data.aCommunityOrder().sentencedOn(thursday).insert();
		data.aContact(beforeAllocation).on(LocalDate.of(2024, 3, 27)).insert();
		// SL002R: release Friday 5 May 2023, BD(5 May, 1) = Tuesday 9 May (coronation
		// holiday)
		LocalDate release = LocalDate.of(2023, 5, 5);
		licenceNextBusinessDay = data.aLicence()
			.sentencedOn(release.minusYears(1))
			.allocatedOn(release)
			.releasedOn(release)
			.insert();
		data.aContact(licenceNextBusinessDay).on(LocalDate.of(2023, 5, 9)).insert();
		licenceLate = data.aLicence()
			.sentencedOn(release.minusYears(1))
			.allocatedOn(release)
			.releasedOn(release)
			.insert();
		data.aContact(licenceLate).on(LocalDate.of(2023, 5, 10)).insert();
		licenceSameDay = data.aLicence()
			.sentencedOn(release.minusYears(1))
			.allocatedOn(release)
			.releasedOn(release)
			.insert();
		data.aContact(licenceSameDay).on(release).faceToFace(false).insert();
		data.aContact(licenceSameDay)
			.on(release)
			.nationalStandard(false)
			.withOutcome("ACCEPTABLE_ABSENCE")
			.ofType("OTHER")
			.insert();
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
