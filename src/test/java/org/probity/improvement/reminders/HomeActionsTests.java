package org.probity.improvement.reminders;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.improvement.ActionSource;
import org.probity.improvement.Improvement;
import org.probity.improvement.PlanKind;
import org.probity.improvement.PlanTestData;
import org.probity.improvement.RaiseAction;
import org.probity.improvement.SourceKind;
import org.probity.improvement.plans.ActionView;
import org.probity.improvement.plans.Actions;
import org.probity.improvement.plans.Rag;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page's panel of actions due counts red and amber in the database and reads
 * only the actions it lists; this holds it equal to the rule applied in Java to every
 * action the user may see ({@link Rag}, improvement.md "Actions"), on random one-off and
 * recurring actions of every status, with and without updates, on many days; and that
 * what a node keeps of it gives way to a change written on any node.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomeActionsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Improvement improvement;

	@Autowired
	Actions actions;

	@Autowired
	UserDetailsService users;

	PlanTestData data;

	LocalDate today = LocalDate.of(2026, 6, 15);

	@BeforeAll
	void actionsOfEveryKind() {
		this.data = new PlanTestData(this.jdbc, "HAT").estate();
		this.accounts.createOrReset("hat-spo", "HAT SPO", Role.LINE_MANAGER, new StaffCode(this.data.staff(2)),
				new UnitCode(this.data.team(1)), "hat-spo@probation.example.gov.uk", PlanTestData.PASSWORD);
		Random random = new Random(20261201);
		String[] statuses = { "NOT_STARTED", "IN_PROGRESS", "COMPLETE", "CANCELLED" };
		for (int i = 0; i < 160; i++) {
			int team = (i % 5 == 4) ? 2 : 1;
			LocalDate target = this.today.plusDays(random.nextInt(-200, 60));
			long id = this.improvement
				.raiseAction(new RaiseAction(PlanKind.SITE_DEVELOPMENT, new UnitCode(this.data.team(team)),
						new ActionSource(SourceKind.MANUAL, "HAT-" + i), "Action " + i, "Line manager", null, target));
			String status = statuses[random.nextInt(statuses.length)];
			this.jdbc.sql("""
					update improvement_action set recurrence = :recurrence, status = :status,
					       cancel_reason = case when :status = 'CANCELLED' then 'No longer needed' end,
					       created_on = :created
					where action_id = :id
					""").param("recurrence", switch (random.nextInt(3)) {
				case 0 -> "MONTHLY";
				case 1 -> "QUARTERLY";
				default -> null;
			}, java.sql.Types.VARCHAR)
				.param("status", status)
				.param("created", target.minusDays(random.nextInt(0, 90)))
				.param("id", id)
				.update();
			for (int u = random.nextInt(0, 4); u > 0; u--) {
				this.jdbc.sql("""
						insert into improvement_action_update (action_id, written_at, written_on, author, note,
						    status_from, status_to)
						values (:id, now(), :on, 'hat-spo', 'Progress', 'IN_PROGRESS', 'IN_PROGRESS')
						""").param("id", id).param("on", target.plusDays(random.nextInt(-60, 200))).update();
			}
		}
	}

	@Test
	void thePanelCountsAndListsAsTheRuleSaysOnEveryDay() {
		CurrentUser spo = (CurrentUser) this.users.loadUserByUsername("hat-spo");
		int checkedRed = 0;
		int checkedAmber = 0;
		for (LocalDate day = this.today.minusDays(120); day.isBefore(this.today.plusDays(90)); day = day.plusDays(3)) {
			LocalDate asOf = day;
			List<ActionView> due = this.actions.visibleTo(spo, null, asOf)
				.stream()
				.filter((a) -> a.open() && a.rag() != Rag.GREEN)
				.sorted(Comparator.comparing((ActionView a) -> a.rag() != Rag.RED).thenComparing(ActionView::ragDate))
				.toList();
			long red = due.stream().filter((a) -> a.rag() == Rag.RED).count();

			Actions.Due panel = this.actions.due(spo, asOf, HomeActions.LISTED);

			assertThat(panel.red()).as("red on %s", asOf).isEqualTo(red);
			assertThat(panel.amber()).as("amber on %s", asOf).isEqualTo(due.size() - red);
			assertThat(panel.first()).as("listed on %s", asOf)
				.extracting(ActionView::actionId)
				.containsExactlyElementsOf(due.stream().limit(HomeActions.LISTED).map(ActionView::actionId).toList());
			checkedRed += (int) red;
			checkedAmber += (int) (due.size() - red);
		}
		assertThat(checkedRed).as("red actions met across the days").isGreaterThan(100);
		assertThat(checkedAmber).as("amber actions met across the days").isGreaterThan(100);
	}

	@Test
	void aChangeWrittenOnAnyNodeIsCountedOnTheNextPage() {
		CurrentUser spo = (CurrentUser) this.users.loadUserByUsername("hat-spo");
		Actions.Due before = this.actions.due(spo, this.today, HomeActions.LISTED);
		assertThat(this.actions.due(spo, this.today, HomeActions.LISTED).red()).isEqualTo(before.red());
		long green = this.improvement.raiseAction(new RaiseAction(PlanKind.SITE_DEVELOPMENT,
				new UnitCode(this.data.team(1)), new ActionSource(SourceKind.MANUAL, "HAT-later"), "Action later",
				"Line manager", null, this.today.plusDays(40)));
		LocalDate target = this.today.plusDays(40);
		assertThat(this.actions.due(spo, this.today, HomeActions.LISTED).red()).isEqualTo(before.red());
		// another node's write: straight into the table, past this node's services
		try {
			this.jdbc.sql("update improvement_action set target_date = :overdue where action_id = :id")
				.param("overdue", this.today.minusDays(1))
				.param("id", green)
				.update();
			Actions.Due after = this.actions.due(spo, this.today, HomeActions.LISTED);
			assertThat(after.red()).isEqualTo(before.red() + 1);
			assertThat(after.amber()).isEqualTo(before.amber());
		}
		finally {
			this.jdbc.sql("update improvement_action set target_date = :target where action_id = :id")
				.param("target", target)
				.param("id", green)
				.update();
		}
		assertThat(this.actions.due(spo, this.today, HomeActions.LISTED).red()).isEqualTo(before.red());
	}

	@Test
	void theCommitteesRedActionsAreEveryOpenActionTheRuleCallsRedOnEveryDay() {
		int red = 0;
		for (LocalDate day = this.today.minusDays(120); day.isBefore(this.today.plusDays(90)); day = day.plusDays(7)) {
			LocalDate asOf = day;
			List<Long> expected = this.actions.open(asOf)
				.stream()
				.filter((a) -> a.rag() == Rag.RED)
				.map(ActionView::actionId)
				.toList();
			assertThat(this.actions.openRed(asOf)).as("on %s", asOf)
				.extracting(ActionView::actionId)
				.containsExactlyElementsOf(expected);
			red += expected.size();
		}
		assertThat(red).as("red actions met across the days").isGreaterThan(100);
	}

	@Test
	void theLatestUpdatesOfManyActionsAreEachTheLastOfTheirHistoryOnTheDay() {
		List<Long> ids = this.jdbc.sql("select action_id from improvement_action where source_ref like 'HAT-%'")
			.query(Long.class)
			.list();
		java.util.Map<Long, List<Actions.Update>> histories = new java.util.HashMap<>();
		ids.forEach((id) -> histories.put(id, this.actions.history(id)));
		int met = 0;
		for (LocalDate day = this.today.minusDays(60); day.isBefore(this.today.plusDays(200)); day = day.plusDays(13)) {
			LocalDate asOf = day;
			java.util.Map<Long, Actions.Update> latest = this.actions.latestUpdates(ids, asOf);
			for (long id : ids) {
				Actions.Update expected = histories.get(id)
					.stream()
					.filter((u) -> !u.writtenOn().isAfter(asOf))
					.reduce((first, second) -> second)
					.orElse(null);
				assertThat(latest.get(id)).as("action %d on %s", id, asOf).isEqualTo(expected);
				met += (expected != null) ? 1 : 0;
			}
		}
		assertThat(met).as("updates met across the days").isGreaterThan(100);
	}

	@Test
	void anotherTeamsActionsAreNeitherCountedNorListed() {
		CurrentUser spo = (CurrentUser) this.users.loadUserByUsername("hat-spo");
		Actions.Due panel = this.actions.due(spo, this.today, 1000);
		assertThat(panel.first()).isNotEmpty().allSatisfy((a) -> assertThat(a.unitCode()).isEqualTo(this.data.team(1)));
		assertThat(panel.red() + panel.amber()).isEqualTo(panel.first().size());
	}

}
