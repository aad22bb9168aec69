package org.probity.improvement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.improvement.plans.InvalidPlan;
import org.probity.shared.Clocks;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The facade other modules call: raise an action once per source, on the unit's plan. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImprovementFacadeTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Improvement improvement;

	@Autowired
	Clock clock;

	PlanTestData data;

	@BeforeAll
	void estate() {
		this.data = new PlanTestData(this.jdbc, "IFA").estate();
	}

	@Test
	void planForCreatesTheUnitsPlanOnceAndNamesItAfterTheUnit() {
		long first = this.improvement.planFor(PlanKind.SITE_DEVELOPMENT, new UnitCode(this.data.team(1)));
		long again = this.improvement.planFor(PlanKind.SITE_DEVELOPMENT, new UnitCode(this.data.team(1)));
		long other = this.improvement.planFor(PlanKind.QUALITY_DEVELOPMENT, new UnitCode(this.data.team(1)));

		assertThat(again).isEqualTo(first);
		assertThat(other).isNotEqualTo(first);
		assertThat(this.jdbc.sql("select title from improvement_plan where plan_id = :id")
			.param("id", first)
			.query(String.class)
			.single()).isEqualTo("Site development plan: Team 1 IFA");
	}

	@Test
	void raisingTheSameSourceTwiceGivesOneAction() {
		RaiseAction command = new RaiseAction(PlanKind.SITE_DEVELOPMENT, new UnitCode(this.data.team(2)),
				new ActionSource(SourceKind.COMPLAINT, "IFA-C1"), "Answer the complaint", "Line manager",
				new StaffCode(this.data.staff(4)), LocalDate.of(2026, 12, 1));

		long first = this.improvement.raiseAction(command);
		long second = this.improvement.raiseAction(command);

		assertThat(second).isEqualTo(first);
		assertThat(count("IFA-C1")).isEqualTo(1);
		long plan = this.jdbc.sql("select plan_id from improvement_action where action_id = :id")
			.param("id", first)
			.query(Long.class)
			.single();
		assertThat(plan)
			.isEqualTo(this.improvement.planFor(PlanKind.SITE_DEVELOPMENT, new UnitCode(this.data.team(2))));
	}

	@Test
	void twoNodesRaisingTheSameSourceAtOnceGiveOneAction() throws Exception {
		RaiseAction command = new RaiseAction(PlanKind.QUALITY_DEVELOPMENT, new UnitCode(this.data.provider()),
				new ActionSource(SourceKind.SURVEY, "IFA-S1"), "Act on the survey", "Quality team", null,
				LocalDate.of(2026, 12, 1));
		ExecutorService nodes = Executors.newFixedThreadPool(4);
		try {
			List<Future<Long>> ids = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				Callable<Long> raise = () -> this.improvement.raiseAction(command);
				ids.add(nodes.submit(raise));
			}
			long first = ids.get(0).get();
			for (Future<Long> id : ids) {
				assertThat(id.get()).isEqualTo(first);
			}
		}
		finally {
			nodes.shutdown();
		}
		assertThat(count("IFA-S1")).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from improvement_plan where unit_code = :unit and standing")
			.param("unit", this.data.provider())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void progressCarriedOverIsDatedWhenItWasWrittenAndRefusedAfterNowOrBeforeTheLatestUpdate() {
		LocalDate today = LocalDate.now(this.clock);
		UnitCode team = new UnitCode(this.data.team(1));
		long id = this.improvement.raiseAction(
				new RaiseAction(PlanKind.SITE_DEVELOPMENT, team, new ActionSource(SourceKind.AUDIT_FINDING, "IFA-A1"),
						"Agree the improvement", "Line manager", null, today.minusDays(10)));
		Instant firstAt = today.minusDays(30).atTime(11, 15).atZone(Clocks.LONDON).toInstant();
		Instant doneAt = today.minusDays(12).atTime(14, 40).atZone(Clocks.LONDON).toInstant();
		assertThat(rag(team, id)).isEqualTo("Red");

		this.improvement.recordPastProgress(id, firstAt, "ifa-manager", "Discussed in supervision", false);
		assertThatThrownBy(() -> this.improvement.recordPastProgress(id, this.clock.instant().plusSeconds(60),
				"ifa-manager", "Tomorrow's news", true))
			.isInstanceOf(InvalidPlan.class)
			.hasMessageContaining("after now");
		assertThatThrownBy(() -> this.improvement.recordPastProgress(id, firstAt.minusSeconds(86_400 * 2),
				"ifa-manager", "Out of order", true))
			.isInstanceOf(InvalidPlan.class)
			.hasMessageContaining("before the action's latest update");
		assertThat(rag(team, id)).as("in progress past its target date").isEqualTo("Red");
		this.improvement.recordPastProgress(id, doneAt, "ifa-manager", "Agreed and recorded", true);

		assertThat(this.jdbc
			.sql("""
					select written_on || ' ' || author || ' ' || status_from || '>' || status_to from improvement_action_update
					where action_id = :id order by written_at
					""")
			.param("id", id)
			.query(String.class)
			.list()).containsExactly(today.minusDays(30) + " ifa-manager NOT_STARTED>IN_PROGRESS",
					today.minusDays(12) + " ifa-manager IN_PROGRESS>COMPLETE");
		assertThat(this.jdbc.sql("select written_at from improvement_action_update where action_id = :id order by 1")
			.param("id", id)
			.query(java.sql.Timestamp.class)
			.list()).extracting(java.sql.Timestamp::toInstant).containsExactly(firstAt, doneAt);
		assertThat(this.improvement.openActionsOn(PlanKind.SITE_DEVELOPMENT, Set.of(team), today))
			.extracting(OpenAction::actionId)
			.doesNotContain(id);
	}

	private String rag(UnitCode team, long id) {
		return this.improvement.openActionsOn(PlanKind.SITE_DEVELOPMENT, Set.of(team), LocalDate.now(this.clock))
			.stream()
			.filter((a) -> a.actionId() == id)
			.findFirst()
			.orElseThrow()
			.rag();
	}

	private long count(String ref) {
		return this.jdbc.sql("select count(*) from improvement_action where source_ref = :ref")
			.param("ref", ref)
			.query(Long.class)
			.single();
	}

}
