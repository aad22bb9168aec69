package org.probity.demo;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's feedback on a small estate: every kind of record, some late, feeding plans.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoFeedbackTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoFeedback feedback;

	@BeforeAll
	void loaded() {
		CaseData estate = new CaseData(this.jdbc);
		estate.aProvider("FDP").named("FD provider").insert();
		estate.anLdu("FDL1").named("FD LDU one").under("FDP").insert();
		estate.anLdu("FDL2").named("FD LDU two").under("FDP").insert();
		for (int t = 1; t <= 4; t++) {
			estate.aTeam("FDT" + t).named("FD team " + t).under("FDL" + ((t + 1) / 2)).insert();
			estate.aStaffMember("FDA000" + t).named("Pat", "Officer" + t).inTeam("FDT" + t).insert();
			estate.aStaffMember("FDB000" + t).named("Lee", "Manager" + t).graded("SPO").inTeam("FDT" + t).insert();
		}
		this.feedback.load("FDP", LocalDate.of(2026, 10, 31), 7);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void aYearOfComplaintsWithSomeLateAndTheLatestStillOpen() {
		long complaints = count("select count(*) from complaint where unit_code like 'FDT%'");
		assertThat(complaints).isGreaterThan(20);
		assertThat(count("""
				select count(*) from complaint where unit_code like 'FDT%'
				and (received_on < date '2025-11-01' or received_on > date '2026-10-31')
				""")).isZero();
		assertThat(count("""
				select count(*) from complaint where unit_code like 'FDT%'
				and (acknowledged_on is null or responded_on is null)
				""")).isPositive();
		assertThat(count("""
				select count(*) from complaint where unit_code like 'FDT%' and action_id is not null
				""")).isPositive();
	}

	@Test
	void twoPersonOnProbationRoundsAStaffSurveyAndCouncils() {
		assertThat(count(
				"select count(*) from survey_round where unit_code = 'FDP' and questionnaire_code = 'POP_SURVEY'"))
			.isEqualTo(2);
		assertThat(count(
				"select count(*) from survey_round where unit_code = 'FDP' and questionnaire_code = 'STAFF_ENGAGEMENT'"))
			.isEqualTo(1);
		assertThat(count("select count(*) from survey_response where unit_code like 'FDT%'")).isGreaterThan(60);
		assertThat(count("select count(*) from feedback_meeting where unit_code like 'FDL%'")).isEqualTo(8);
		// the second round and the staff survey answer the version with "about you"
		// questions
		assertThat(count("""
				select count(distinct a.response_id) from survey_answer a join survey_response r using (response_id)
				where r.unit_code like 'FDT%' and a.question_code = 'ETHNICITY' and a.answer <> 'PREFER_NOT_TO_SAY'
				""")).isGreaterThan(20);
		assertThat(
				count("""
						select count(*) from feedback_action a join survey_round r on a.source_kind = 'ROUND' and r.round_id = a.source_id
						where r.unit_code = 'FDP' and a.action_id is not null
						"""))
			.isEqualTo(5);
	}

}
