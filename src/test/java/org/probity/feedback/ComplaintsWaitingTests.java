package org.probity.feedback;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.shared.UnitCode;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page reads only the complaints with a stage still waiting
 * ({@link Complaints#waitingUnder}); this holds them equal to every complaint received
 * whose stage the home page counts as open or overdue ({@link ComplaintTimescales}), on
 * random complaints at every step, on many days (steps dated after the day are not yet
 * taken).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintsWaitingTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Complaints complaints;

	final LocalDate start = LocalDate.of(2024, 1, 1);

	@BeforeAll
	void complaintsAtEveryStep() {
		CaseData caseData = new CaseData(this.jdbc);
		caseData.aProvider("CWP").named("CW provider").insert();
		caseData.aTeam("CWT").named("CW team").under("CWP").insert();
		caseData.aProvider("CWO").named("CW other").insert();
		Random random = new Random(20261201);
		ComplaintStep.Kind[] steps = { ComplaintStep.Kind.ACKNOWLEDGED, ComplaintStep.Kind.RESPONDED,
				ComplaintStep.Kind.APPEALED, ComplaintStep.Kind.APPEAL_RESPONDED };
		for (int i = 0; i < 80; i++) {
			LocalDate on = this.start.plusDays(random.nextInt(0, 200));
			Complaint c = this.complaints.log(new NewComplaint(on, "EMAIL", "PERSON_ON_PROBATION",
					(i % 7 == 6) ? "CWO" : "CWT", null, null, "A complaint " + i, List.of("DELAY")), "test");
			int taken = random.nextInt(0, steps.length + 1);
			for (int s = 0; s < taken; s++) {
				on = on.plusDays(random.nextInt(1, 40));
				String outcome = (steps[s] == ComplaintStep.Kind.RESPONDED
						|| steps[s] == ComplaintStep.Kind.APPEAL_RESPONDED) ? "NOT_UPHELD" : null;
				this.complaints.record(c.id(), new ComplaintStep(steps[s], on, outcome, s), "test");
			}
		}
	}

	@Test
	void theWaitingAreThoseWithAStageOpenOrOverdueOnEveryDay() {
		int waitingMet = 0;
		for (LocalDate day = this.start; day.isBefore(this.start.plusDays(400)); day = day.plusDays(5)) {
			LocalDate asOf = day;
			List<Long> expected = this.complaints.receivedUnder(new UnitCode("CWP"), LocalDate.of(1900, 1, 1), asOf)
				.stream()
				.filter((c) -> {
					ComplaintTimescales.Timeliness t = this.complaints.timeliness(c, asOf);
					ComplaintStatus stage = (t.appealResponse() != null) ? t.appealResponse() : t.stage1();
					return stage == ComplaintStatus.OPEN || stage == ComplaintStatus.OVERDUE;
				})
				.map(Complaint::id)
				.toList();
			List<Long> waiting = this.complaints.waitingUnder(new UnitCode("CWP"), asOf)
				.stream()
				.map(Complaint::id)
				.toList();
			assertThat(waiting).as("on %s", asOf).containsExactlyInAnyOrderElementsOf(expected);
			waitingMet += expected.size();
		}
		assertThat(waitingMet).as("waiting complaints met across the days").isGreaterThan(200);
		assertThat(this.complaints.waitingUnder(null, this.start.plusDays(400))).extracting(Complaint::unitCode)
			.contains(new UnitCode("CWO"));
	}

}
