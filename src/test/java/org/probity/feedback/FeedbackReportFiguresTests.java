package org.probity.feedback;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.shared.Period;
import org.probity.shared.UnitCode;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the monthly and quarterly reports read from feedback: complaint timeliness for a
 * unit and period as of a day, and survey headlines with suppression.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackReportFiguresTests {

	static final Period Q2 = Period.parse("2024-Q2");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Complaints complaints;

	@Autowired
	Surveys surveys;

	@Autowired
	SurveyResults results;

	@BeforeAll
	void complaintsAndResponses() {
		CaseData caseData = new CaseData(this.jdbc);
		caseData.aProvider("FRP").named("FR provider").insert();
		caseData.aTeam("FRT").named("FR team").under("FRP").insert();
		caseData.aProvider("FRO").named("FR other").insert();
		// received Monday 3 June 2024: acknowledge by Monday 10 June
		Complaint onTime = log("FRT", LocalDate.of(2024, 6, 3));
		step(onTime, ComplaintStep.Kind.ACKNOWLEDGED, LocalDate.of(2024, 6, 5), null, 0);
		step(onTime, ComplaintStep.Kind.RESPONDED, LocalDate.of(2024, 6, 5), "NOT_UPHELD", 1);
		Complaint lateAck = log("FRT", LocalDate.of(2024, 6, 3));
		step(lateAck, ComplaintStep.Kind.ACKNOWLEDGED, LocalDate.of(2024, 6, 12), null, 0);
		log("FRT", LocalDate.of(2024, 6, 3));
		// outside the quarter, and outside the unit
		log("FRT", LocalDate.of(2024, 7, 1));
		log("FRO", LocalDate.of(2024, 6, 3));

		List<SurveyAnswers> pop = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			pop.add(new SurveyAnswers("POP_SURVEY", 1, "FRT", LocalDate.of(2024, 5, 2), "PAPER",
					Map.of("FAIR", (i < 7) ? "AGREE" : "DISAGREE", "COMPLAIN", (i < 5) ? "YES" : "NO")));
		}
		this.surveys.recordAll(pop, null);
		List<SurveyAnswers> staff = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			staff.add(new SurveyAnswers("STAFF_ENGAGEMENT", 1, "FRT", LocalDate.of(2024, 5, 2), "ONLINE",
					Map.of("E1", "AGREE")));
		}
		this.surveys.recordAll(staff, null);
	}

	private Complaint log(String unit, LocalDate received) {
		return this.complaints.log(new NewComplaint(received, "EMAIL", "PERSON_ON_PROBATION", unit, null, null,
				"A complaint", List.of("DELAY")), "test");
	}

	private void step(Complaint c, ComplaintStep.Kind kind, LocalDate on, String outcome, int version) {
		this.complaints.record(c.id(), new ComplaintStep(kind, on, outcome, version), "test");
	}

	@Test
	void complaintTimelinessCountsEachStageAsItStoodOnTheDay() {
		ComplaintTimeliness t = this.complaints.timeliness(new UnitCode("FRP"), Q2, LocalDate.of(2024, 6, 20));
		assertThat(t.received()).isEqualTo(3);
		assertThat(t.acknowledgedOnTime()).isEqualTo(1);
		assertThat(t.acknowledgedLate()).isEqualTo(1);
		assertThat(t.acknowledgementOpen()).isZero();
		assertThat(t.acknowledgementOverdue()).isEqualTo(1);
		assertThat(t.respondedOnTime()).isEqualTo(1);
		assertThat(t.respondedLate()).isZero();
		// the late acknowledgement's response is due 25 business days after 12 June
		assertThat(t.responseOpen()).isEqualTo(1);
		assertThat(t.open()).isEqualTo(2);
		assertThat(t.overdue()).isEqualTo(1);
		assertThat(t.acknowledgedOnTimeShare()).isEqualTo(50.0);
		assertThat(t.respondedOnTimeShare()).isEqualTo(100.0);

		// on 6 June the late acknowledgement was not yet made, nor yet due
		ComplaintTimeliness early = this.complaints.timeliness(new UnitCode("FRT"), Q2, LocalDate.of(2024, 6, 6));
		assertThat(early.received()).isEqualTo(3);
		assertThat(early.acknowledgedOnTime()).isEqualTo(1);
		assertThat(early.acknowledgedLate()).isZero();
		assertThat(early.acknowledgementOpen()).isEqualTo(2);
		assertThat(early.acknowledgementOverdue()).isZero();
		assertThat(early.overdue()).isZero();

		// a complaint received after the day asked is not counted
		assertThat(this.complaints.timeliness(new UnitCode("FRT"), Q2, LocalDate.of(2024, 6, 2)).received()).isZero();
		assertThat(this.complaints.timeliness(new UnitCode("FRT"), Period.parse("2024-07"), LocalDate.of(2024, 8, 1))
			.acknowledgementOverdue()).isEqualTo(1);
	}

	@Test
	void surveyHeadlinesGivePositiveSharesAndHideUnderTenRespondents() {
		SurveyHeadlines pop = this.results.headlines("POP_SURVEY", Q2, new UnitCode("FRP"));
		assertThat(pop.respondents()).isEqualTo(10);
		assertThat(pop.suppressed()).isFalse();
		assertThat(pop.headlines()).extracting(SurveyHeadlines.Headline::questionCode)
			.containsExactly("FAIR", "CLEAR", "HELP", "COMPLAIN");
		assertThat(pop.headlines().get(0).positive()).isEqualByComparingTo("70.0");
		assertThat(pop.headlines().get(0).responses()).isEqualTo(10);
		assertThat(pop.headlines().get(1).positive()).isNull();
		assertThat(pop.headlines().get(3).positive()).isEqualByComparingTo("50.0");
		SurveyHeadlines staff = this.results.headlines(Q2, new UnitCode("FRT"))
			.stream()
			.filter((h) -> h.questionnaireCode().equals("STAFF_ENGAGEMENT"))
			.findFirst()
			.orElseThrow();
		assertThat(staff.respondents()).isEqualTo(9);
		assertThat(staff.suppressed()).isTrue();
		assertThat(staff.headlines()).isEmpty();
		assertThat(staff.engagementIndex()).isNull();
	}

}
