package org.probity.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.probity.IntegrationTest;
import org.probity.improvement.ActionSource;
import org.probity.improvement.Improvement;
import org.probity.improvement.OpenAction;
import org.probity.improvement.PlanKind;
import org.probity.improvement.PlanTestData;
import org.probity.improvement.RaiseAction;
import org.probity.improvement.SourceKind;
import org.probity.shared.BusinessCalendar;
import org.probity.shared.UnitCode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's site development plans after their managers' progress: actions raised from
 * audits completed over the last seven months (as the demo's audits raise them, 20
 * business days to act) and from upheld complaints (three months to learn) end as a mix
 * of complete, Red, Amber and Green by the RAG rule, with every update dated between the
 * audit and yesterday. Actions of unanswered alerts and of other units' plans are left as
 * they were.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSiteProgressTests {

	static final int AUDITS = 240;

	static final int COMPLAINTS = 40;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Improvement improvement;

	@Autowired
	DemoSiteProgress demo;

	@Autowired
	Clock clock;

	PlanTestData data;

	Set<UnitCode> sites;

	LocalDate today;

	Instant now;

	long alert;

	long elsewhere;

	DemoSiteProgress.Progress progress;

	@BeforeAll
	void progressed() {
		this.data = new PlanTestData(this.jdbc, "DIM").estate();
		PlanTestData other = new PlanTestData(this.jdbc, "DIN").estate();
		this.today = LocalDate.now(this.clock);
		this.now = this.clock.instant();
		this.sites = Set.of(new UnitCode(this.data.team(1)), new UnitCode(this.data.team(2)),
				new UnitCode(this.data.ldu()));
		BusinessCalendar calendar = BusinessCalendar.englandAndWales();
		for (int i = 0; i < AUDITS; i++) {
			// an audit a day or so over the last seven months, the oldest first
			LocalDate completed = this.today.minusDays(210 - (210L * i) / AUDITS);
			raise("DIM-" + i, SourceKind.AUDIT_FINDING, this.data.team(1 + i % 2),
					calendar.businessDayAfter(completed, DemoSiteProgress.DAYS_TO_ACT));
		}
		for (int i = 0; i < COMPLAINTS; i++) {
			// upheld complaints decided over the same months, their learning due three
			// months on
			LocalDate decided = this.today.minusDays(210 - (210L * i) / COMPLAINTS);
			raise("DIM-C" + i, SourceKind.COMPLAINT, this.data.team(1 + i % 2),
					decided.plusMonths(DemoSiteProgress.MONTHS_TO_LEARN));
		}
		this.alert = raise("DIM-alert", SourceKind.ALERT, this.data.team(1), this.today.minusDays(40));
		this.elsewhere = raise("DIN-1", SourceKind.AUDIT_FINDING, other.team(1), this.today.minusDays(40));
		this.progress = this.demo.progress(this.sites, this.today, this.now);
	}

	private long raise(String ref, SourceKind kind, String team, LocalDate target) {
		return this.improvement
			.raiseAction(new RaiseAction(PlanKind.SITE_DEVELOPMENT, new UnitCode(team), new ActionSource(kind, ref),
					"Agree the improvement with the practitioner (" + ref + ")", "Line manager", null, target));
	}

	private Map<String, Long> statuses(String where) {
		return this.jdbc.sql("select status from improvement_action where source_ref like 'DIM-%' and " + where)
			.param("today", this.today)
			.query(String.class)
			.list()
			.stream()
			.collect(Collectors.groupingBy((s) -> s, Collectors.counting()));
	}

	@Test
	void mostActionsPastTheirTargetDateAreCompleteAndTheRestAreTheLatestOnes() {
		Map<String, Long> past = statuses("source_kind = 'AUDIT_FINDING' and target_date < :today");
		long all = past.values().stream().mapToLong(Long::longValue).sum();
		assertThat(past.getOrDefault("COMPLETE", 0L)).as("complete of %s", past).isGreaterThan(all * 7 / 10);
		assertThat(past.getOrDefault("IN_PROGRESS", 0L)).isPositive();
		assertThat(past.getOrDefault("NOT_STARTED", 0L)).isPositive();

		List<OpenAction> red = open().stream().filter((a) -> a.rag().equals("Red")).toList();
		long recent = red.stream().filter((a) -> ChronoUnit.DAYS.between(a.targetDate(), this.today) <= 30).count();
		assertThat(red).isNotEmpty();
		assertThat(recent).as("Red actions due in the last 30 days, of %s", red.size())
			.isGreaterThanOrEqualTo((red.size() + 1) / 2);
	}

	@Test
	void theSitePlansShowCompleteRedAmberAndGreenActionsByTheRule() {
		Map<String, Long> rag = open().stream()
			.filter((a) -> a.source() == SourceKind.AUDIT_FINDING)
			.collect(Collectors.groupingBy(OpenAction::rag, Collectors.counting()));
		assertThat(rag).containsOnlyKeys("Red", "Amber", "Green");
		assertThat(rag.values()).allSatisfy((n) -> assertThat(n).isPositive());
		for (OpenAction a : open()) {
			// the rule for a one-off open action: Amber from 14 days before its target
			// date
			String expected = a.targetDate().isBefore(this.today) ? "Red"
					: a.targetDate().isAfter(this.today.plusDays(14)) ? "Green" : "Amber";
			assertThat(a.rag()).as("action %s due %s", a.description(), a.targetDate()).isEqualTo(expected);
		}
		assertThat(this.progress.complete()).isPositive();
		assertThat(this.progress.complete() + this.progress.inProgress() + this.progress.notStarted())
			.isEqualTo(AUDITS + COMPLAINTS);
	}

	@Test
	void mostUpheldComplaintsLearningDueByNowIsDone() {
		Map<String, Long> past = statuses("source_kind = 'COMPLAINT' and target_date < :today");
		long all = past.values().stream().mapToLong(Long::longValue).sum();
		assertThat(all).isPositive();
		assertThat(past.getOrDefault("COMPLETE", 0L)).as("complete of %s", past).isGreaterThan(all / 2);
	}

	@Test
	void everyUpdateIsDatedBetweenTheAuditAndYesterdayAndNoneAfterNow() {
		List<Map<String, Object>> updates = this.jdbc.sql("""
				select a.target_date, w.written_on, w.written_at, w.status_to, w.note from improvement_action_update w
				join improvement_action a using (action_id)
				where a.source_ref like 'DIM-%' and a.source_kind = 'AUDIT_FINDING'
				""").query().listOfRows();
		assertThat(this.jdbc.sql("""
				select count(*) from improvement_action_update w join improvement_action a using (action_id)
				where a.source_ref like 'DIM-%'
				""").query(Integer.class).single()).isEqualTo(this.progress.complete() + this.progress.inProgress());
		for (Map<String, Object> u : updates) {
			LocalDate target = ((java.sql.Date) u.get("target_date")).toLocalDate();
			LocalDate on = ((java.sql.Date) u.get("written_on")).toLocalDate();
			assertThat(on).isBefore(this.today)
				.isAfterOrEqualTo(DemoSiteProgress.businessDaysBefore(BusinessCalendar.englandAndWales(), target,
						DemoSiteProgress.DAYS_TO_ACT));
			assertThat(((java.sql.Timestamp) u.get("written_at")).toInstant()).isBefore(this.now);
			assertThat((String) u.get("note")).isNotBlank();
		}
	}

	@Test
	void alertsAndOtherUnitsActionsAreLeftAsTheyWere() {
		for (long id : List.of(this.alert, this.elsewhere)) {
			assertThat(this.jdbc.sql("select status from improvement_action where action_id = :id")
				.param("id", id)
				.query(String.class)
				.single()).isEqualTo("NOT_STARTED");
			assertThat(this.jdbc.sql("select count(*) from improvement_action_update where action_id = :id")
				.param("id", id)
				.query(Integer.class)
				.single()).isZero();
		}
	}

	@Test
	void theDayBeforeTwentyBusinessDaysIsTheOneTheyCountFrom() {
		BusinessCalendar calendar = BusinessCalendar.englandAndWales();
		for (LocalDate d = LocalDate.of(2026, 11, 20); d.isBefore(LocalDate.of(2027, 1, 10)); d = d.plusDays(1)) {
			LocalDate target = calendar.businessDayAfter(d, 20);
			LocalDate back = DemoSiteProgress.businessDaysBefore(calendar, target, 20);
			assertThat(calendar.businessDayAfter(back, 20)).as("from %s", d).isEqualTo(target);
			assertThat(back).isAfterOrEqualTo(d);
		}
	}

	private List<OpenAction> open() {
		return this.improvement.openActionsOn(PlanKind.SITE_DEVELOPMENT, this.sites, this.today)
			.stream()
			.filter((a) -> a.description().contains("(DIM-"))
			.toList();
	}

}
