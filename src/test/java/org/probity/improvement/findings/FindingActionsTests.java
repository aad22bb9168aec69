package org.probity.improvement.findings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.audits.AlertRaised;
import org.probity.audits.CaseAuditCompleted;
import org.probity.improvement.PlanTestData;
import org.probity.measures.MeasureFlagRaised;
import org.probity.shared.BusinessCalendar;
import org.probity.shared.Crn;
import org.probity.shared.EventId;
import org.probity.shared.MeasureCode;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actions raised from other modules' events, once per source: when the event is delivered
 * twice (the registry resubmits after a crash) and when two nodes receive it at once.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingActionsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FindingActions listener;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	PlanTestData data;

	@BeforeAll
	void estate() {
		this.data = new PlanTestData(this.jdbc, "FAT").estate();
	}

	record Row(long actionId, String description, String ownerRole, String ownerStaff, LocalDate targetDate,
			String sourceRef, String sourcePart, String planKind, String planUnit) {
	}

	private List<Row> actions(String kind, String ref) {
		return this.jdbc.sql("""
				select a.action_id, a.description, a.owner_role, a.owner_staff, a.target_date, a.source_ref,
				       a.source_part, p.kind as plan_kind, p.unit_code as plan_unit
				from improvement_action a join improvement_plan p on p.plan_id = a.plan_id
				where a.source_kind = :kind and a.source_ref = :ref order by a.source_part
				""").param("kind", kind).param("ref", ref).query(Row.class).list();
	}

	private AlertRaised alert(long auditId) {
		return new AlertRaised(auditId, new Crn("F900001"), new EventId("EF900001"), new UnitCode(this.data.team(1)),
				new StaffCode(this.data.staff(1)), "Risk of harm not assessed", List.of("2.1.3"),
				Instant.parse("2026-03-02T10:00:00Z"), LocalDate.of(2026, 3, 3));
	}

	@Test
	void anAlertRaisesOneActionForTheLineManagerWhenDeliveredTwice() {
		this.listener.on(alert(9_100_001));
		this.listener.on(alert(9_100_001));

		List<Row> raised = actions("ALERT", "9100001");
		assertThat(raised).hasSize(1);
		Row action = raised.get(0);
		assertThat(action.description()).startsWith("Record what was done about the alert on CRN F900001");
		assertThat(action.ownerRole()).isEqualTo("Line manager");
		assertThat(action.ownerStaff()).isEqualTo(this.data.staff(2));
		assertThat(action.targetDate()).isEqualTo(LocalDate.of(2026, 3, 3));
		assertThat(action.planKind()).isEqualTo("SITE_DEVELOPMENT");
		assertThat(action.planUnit()).isEqualTo(this.data.team(1));
	}

	@Test
	void anAuditWithFailedKeyQuestionsRaisesOneActionPerFailedStandard() {
		CaseAuditCompleted audit = new CaseAuditCompleted(9_100_002, new Crn("F900002"), new EventId("EF900002"),
				new UnitCode(this.data.team(2)), new StaffCode(this.data.staff(3)), "CASE_SUPERVISION", 1, null,
				List.of("2.1.1", "2.1.3", "2.2.1"), false, Instant.parse("2026-03-02T10:00:00Z"));

		this.listener.on(audit);
		this.listener.on(audit);

		List<Row> raised = actions("AUDIT_FINDING", "9100002");
		assertThat(raised).extracting(Row::sourcePart).containsExactly("2.1", "2.2");
		assertThat(raised.get(0).description()).contains("2.1 Assessment")
			.contains("2.1.1")
			.contains("2.1.3")
			.doesNotContain("2.2.1");
		assertThat(raised.get(1).description()).contains("2.2 Planning").contains("2.2.1");
		assertThat(raised).allSatisfy((r) -> {
			assertThat(r.ownerStaff()).isEqualTo(this.data.staff(4));
			assertThat(r.targetDate())
				.isEqualTo(BusinessCalendar.englandAndWales().businessDayAfter(LocalDate.of(2026, 3, 2), 20));
			assertThat(r.planUnit()).isEqualTo(this.data.team(2));
		});
	}

	@Test
	void anAuditWithNoFailedKeyQuestionRaisesNothing() {
		this.listener.on(new CaseAuditCompleted(9_100_003, new Crn("F900003"), new EventId("EF900003"),
				new UnitCode(this.data.team(2)), new StaffCode(this.data.staff(3)), "CASE_SUPERVISION", 1, null,
				List.of(), false, Instant.now()));

		assertThat(actions("AUDIT_FINDING", "9100003")).isEmpty();
	}

	@Test
	void aDeeperAuditFlagRaisesOneActionOnTheProvidersQualityDevelopmentPlan() {
		MeasureFlagRaised flag = new MeasureFlagRaised("DEEPER_AUDIT", new MeasureCode("SL001R"), YearMonth.of(2026, 9),
				new UnitCode(this.data.team(1)), null, 61.5);

		this.listener.on(flag);
		this.listener.on(flag);

		List<Row> raised = actions("MEASURE_FLAG", "SL001R:" + this.data.team(1) + ":2026-09:DEEPER_AUDIT");
		assertThat(raised).hasSize(1);
		assertThat(raised.get(0).description())
			.isEqualTo("Deeper audit of SL001R at " + this.data.team(1) + ", September 2026");
		assertThat(raised.get(0).ownerRole()).isEqualTo("Quality team");
		assertThat(raised.get(0).planKind()).isEqualTo("QUALITY_DEVELOPMENT");
		assertThat(raised.get(0).planUnit()).isEqualTo(this.data.provider());
	}

	@Test
	void aSustainedShortfallOnAnLduGoesToTheLdusSiteDevelopmentPlan() {
		MeasureFlagRaised flag = new MeasureFlagRaised("SUSTAINED_SHORTFALL", new MeasureCode("SL002"),
				YearMonth.of(2026, 8), new UnitCode(this.data.ldu()), null, 70.0);

		this.listener.on(flag);
		this.listener.on(flag);

		List<Row> raised = actions("MEASURE_FLAG", "SL002:" + this.data.ldu() + ":2026-08:SUSTAINED_SHORTFALL");
		assertThat(raised).hasSize(1);
		assertThat(raised.get(0).description()).startsWith("Sustained shortfall on SL002 at LDU FAT")
			.endsWith("find the cause and act");
		assertThat(raised.get(0).ownerRole()).isEqualTo("Head of the local delivery unit");
		assertThat(raised.get(0).planKind()).isEqualTo("SITE_DEVELOPMENT");
		assertThat(raised.get(0).planUnit()).isEqualTo(this.data.ldu());
	}

	@Test
	void aFlagOnAPractitionerRaisesNoActionHere() {
		this.listener.on(new MeasureFlagRaised("SUSTAINED_SHORTFALL", new MeasureCode("SL003"), YearMonth.of(2026, 8),
				null, new StaffCode(this.data.staff(1)), 40.0));

		assertThat(this.jdbc.sql("select count(*) from improvement_action where source_ref like 'SL003:%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void twoNodesReceivingTheSameEventsAtOnceRaiseEachActionOnce() throws Exception {
		CaseAuditCompleted audit = new CaseAuditCompleted(9_100_004, new Crn("F900004"), new EventId("EF900004"),
				new UnitCode(this.data.team(1)), new StaffCode(this.data.staff(1)), "CASE_SUPERVISION", 1, null,
				List.of("2.3.1", "2.4.1"), false, Instant.now());
		MeasureFlagRaised flag = new MeasureFlagRaised("DEEPER_AUDIT", new MeasureCode("SL004"), YearMonth.of(2026, 9),
				new UnitCode(this.data.team(2)), null, 50.0);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int node = 0; node < 2; node++) {
				done.add(nodes.submit(() -> {
					start.await();
					this.listener.on(alert(9_100_005));
					this.listener.on(audit);
					this.listener.on(flag);
					return null;
				}));
			}
			start.countDown();
			for (Future<?> f : done) {
				f.get();
			}
		}
		finally {
			nodes.shutdown();
		}
		assertThat(actions("ALERT", "9100005")).hasSize(1);
		assertThat(actions("AUDIT_FINDING", "9100004")).hasSize(2);
		assertThat(actions("MEASURE_FLAG", "SL004:" + this.data.team(2) + ":2026-09:DEEPER_AUDIT")).hasSize(1);
	}

	@Test
	void anEventPublishedTwiceThroughTheRegistryRaisesOneAction() throws Exception {
		this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(alert(9_100_006)));
		this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(alert(9_100_006)));

		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (actions("ALERT", "9100006").isEmpty() && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		Thread.sleep(500);
		assertThat(actions("ALERT", "9100006")).hasSize(1);
	}

}
