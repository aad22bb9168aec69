package org.probity.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.probity.measures.catalogue.Measures;
import org.probity.measures.flags.MeasureFlags;
import org.probity.measures.results.Assessment;
import org.probity.measures.results.MeasureResults;
import org.probity.IntegrationTest;
import org.probity.imports.CaseDataImported;
import org.probity.imports.Dataset;
import org.probity.shared.EventId;
import org.probity.shared.Period;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.probity.measures.CaseDataFactory.CO;
import static org.probity.measures.CaseDataFactory.LICENCE;

/** Imports that change results, flags from monthly results, and dated target changes. */
@IntegrationTest
class RecomputeAndFlagsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeasureResults results;

	@Autowired
	MeasureFlags flags;

	@Autowired
	Measures measures;

	@Autowired
	MeasureRecomputation recomputation;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	static CaseDataFactory data;

	static CaseDataFactory.Event importedLater;

	@BeforeAll
	static void load(@Autowired JdbcClient jdbc, @Autowired MeasureRecomputation recomputation) {
		data = new CaseDataFactory(jdbc, "RFT", 'R').estate();
		CaseDataFactory.Event co = data.event(CO, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 2), null);
		// SL016 January 2024: team 1 8 of 10 usable (80%: more than 5 below 90), team 2
		// 17 of 20 (85%: exactly 5 below), team 3 0 of 9 (fewer than 10 cases)
		CaseDataFactory.Event co2 = data.event(CO, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 2), null,
				data.team(2), data.staff(1));
		CaseDataFactory.Event co3 = data.event(CO, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 2), null,
				data.team(3), data.staff(3));
		LocalDate jan = LocalDate.of(2024, 1, 15);
		for (int i = 0; i < 10; i++) {
			data.referral(co, "BREACH", jan, jan, i < 8);
		}
		for (int i = 0; i < 20; i++) {
			data.referral(co2, "BREACH", jan, jan, i < 17);
		}
		for (int i = 0; i < 9; i++) {
			data.referral(co3, "BREACH", jan, jan, false);
		}
		// SL018: one late recall a month in team 3 for January to March 2024
		CaseDataFactory.Event licence = data.event(LICENCE, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 1),
				LocalDate.of(2023, 6, 1), data.team(3), data.staff(3));
		for (int month = 1; month <= 3; month++) {
			data.referral(licence, "RECALL", LocalDate.of(2024, month, 1), LocalDate.of(2024, month, 20), true);
		}
		// SL011R in 2031: 3 of 5 programmes completed in March and again in April
		CaseDataFactory.Event programmes = data.event(CO, LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 2), null,
				data.team(2), data.staff(2));
		for (int month = 3; month <= 4; month++) {
			for (int i = 0; i < 5; i++) {
				String r = data.requirement(programmes, "ACCREDITED_PROGRAMME", LocalDate.of(2030, 2, 1));
				data.terminateRequirement(r, LocalDate.of(2031, month, 10), (i < 3) ? "COMPLETED" : "REVOKED_BREACH");
			}
		}
		importedLater = data.event(CO, LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 3), null, data.team(2),
				data.staff(2));
		recomputation.recomputeAll();
	}

	@Test
	void flagsDeeperAuditStrictlyMoreThanFivePointsBelowTargetWithTenCases() {
		var january = this.flags.forMonth(java.time.YearMonth.of(2024, 1));
		assertThat(january).anyMatch((f) -> f.kind().equals("DEEPER_AUDIT") && f.measureCode().equals("SL016")
				&& data.team(1).equals(f.unitCode()) && f.performance() == 80.0);
		assertThat(january).noneMatch((f) -> f.kind().equals("DEEPER_AUDIT") && data.team(2).equals(f.unitCode()));
		assertThat(january).noneMatch((f) -> f.kind().equals("DEEPER_AUDIT") && data.team(3).equals(f.unitCode()));
		// the LDU holds team 1 and team 2: 25 of 30
		assertThat(january).anyMatch((f) -> f.kind().equals("DEEPER_AUDIT") && data.ldu(1).equals(f.unitCode())
				&& f.measureCode().equals("SL016"));
	}

	@Test
	void flagsSustainedShortfallOnThirdMonthBelowTarget() {
		var february = this.flags.forMonth(java.time.YearMonth.of(2024, 2));
		assertThat(february).noneMatch((f) -> f.kind().equals("SUSTAINED_SHORTFALL") && f.measureCode().equals("SL018")
				&& data.staff(3).equals(f.staffCode()));
		var march = this.flags.forMonth(java.time.YearMonth.of(2024, 3));
		assertThat(march).anyMatch((f) -> f.kind().equals("SUSTAINED_SHORTFALL") && f.measureCode().equals("SL018")
				&& data.staff(3).equals(f.staffCode()));
		assertThat(march).anyMatch((f) -> f.kind().equals("SUSTAINED_SHORTFALL") && f.measureCode().equals("SL018")
				&& data.team(3).equals(f.unitCode()));
		var april = this.flags.forMonth(java.time.YearMonth.of(2024, 4));
		assertThat(april).noneMatch((f) -> f.measureCode().equals("SL018") && data.staff(3).equals(f.staffCode()));
	}

	@Test
	void anImportRaisesTheFlagsOfTheMeasuresItChanged() {
		// community orders allocated last month in team 3, none seen: SL001R 0 of 9 (too
		// few cases for a deeper audit), then a tenth imported alone
		java.time.YearMonth last = java.time.YearMonth.now(java.time.ZoneId.of("Europe/London")).minusMonths(1);
		for (int i = 0; i < 9; i++) {
			data.event(CO, last.atDay(1), last.atDay(2), null, data.team(3), data.staff(3));
		}
		this.recomputation.recomputeAll();
		String flagged = """
				select performance from measure_flag
				where kind = 'DEEPER_AUDIT' and measure_code = 'SL001R' and unit_code = :team and month = :month
				""";
		assertThat(this.jdbc.sql(flagged)
			.param("team", data.team(3))
			.param("month", last.atDay(1))
			.query(Double.class)
			.list()).isEmpty();

		this.transactions.executeWithoutResult((tx) -> {
			CaseDataFactory.Event tenth = data.event(CO, last.atDay(1), last.atDay(2), null, data.team(3),
					data.staff(3));
			this.recomputation.recomputeEvents(Set.of(tenth.id()), Dataset.EVENTS);
		});

		assertThat(this.jdbc.sql(flagged)
			.param("team", data.team(3))
			.param("month", last.atDay(1))
			.query(Double.class)
			.list()).containsExactly(0.0);
	}

	@Test
	void storesEachRaisedFlagOnce() {
		int stored = this.jdbc.sql("""
				select count(*) from measure_flag where kind = 'SUSTAINED_SHORTFALL' and measure_code = 'SL018'
				and staff_code = :staff and month = date '2024-03-01'
				""").param("staff", data.staff(3)).query(Integer.class).single();
		assertThat(stored).isEqualTo(1);
		this.recomputation.recomputeAll();
		assertThat(this.jdbc.sql("""
				select count(*) from measure_flag where kind = 'SUSTAINED_SHORTFALL' and measure_code = 'SL018'
				and staff_code = :staff and month = date '2024-03-01'
				""").param("staff", data.staff(3)).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void appliesATargetChangeFromTheFirstPeriodStartingOnOrAfterItsDate() {
		this.measures.changeTarget("SL011R", LocalDate.of(2031, 3, 15), 50.0, 40.0, "admin", Instant.now(),
				this.measures.targetVersion("SL011R"));
		var march = this.results.unitResult("SL011R", Period.parse("2031-03"), data.team(2));
		var april = this.results.unitResult("SL011R", Period.parse("2031-04"), data.team(2));
		assertThat(march.assessment().performance()).isEqualTo(60.0);
		assertThat(march.assessment().rag()).isEqualTo(Assessment.Rag.RED);
		assertThat(march.target().target()).isEqualTo(90.0);
		assertThat(april.assessment().rag()).isEqualTo(Assessment.Rag.GREEN);
		assertThat(april.assessment().rating()).isEqualTo(Assessment.Rating.EXCEEDED);
		assertThat(this.measures.history("SL011R")).first()
			.satisfies((c) -> assertThat(c.changedBy()).isEqualTo("admin"));
	}

	@Test
	void anIncrementalRecomputationGivesTheTotalsOfAFullOne() {
		CaseDataFactory.Event event = data.event(CO, LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 1), null,
				data.team(3), data.staff(3));
		this.transactions.executeWithoutResult((tx) -> {
			data.contact(event, LocalDate.of(2024, 7, 2), "ATTENDED_COMPLIED");
			data.contact(event, LocalDate.of(2024, 8, 2), "UNACCEPTABLE_ABSENCE");
			data.plan(event, "SENTENCE_PLAN", LocalDate.of(2024, 7, 20));
			this.recomputation.recomputeEvents(Set.of(event.id()), Dataset.EVENTS);
		});
		String totals = """
				select string_agg(unit_code || ' ' || measure_code || ' ' || month || ' ' || numerator || '/' || denominator,
				                  ', ' order by unit_code, measure_code, month)
				from measure_unit_result where denominator <> 0 and unit_code like 'RFT%'
				""";
		String incremental = this.jdbc.sql(totals).query(String.class).single();
		this.recomputation.recomputeAll();
		assertThat(incremental).isEqualTo(this.jdbc.sql(totals).query(String.class).single()).contains("SL003R");
	}

	@Test
	void contactsAppliedForTheirMonthsOnlyGiveTheTotalsOfAFullRecomputation() {
		// first contacts that arrive a month after allocation, a contact before the day
		// of
		// allocation in its month, a first unpaid work session, a licence's first contact
		CaseDataFactory.Event late = data.event(CO, LocalDate.of(2024, 8, 20), LocalDate.of(2024, 8, 28), null,
				data.team(3), data.staff(3));
		CaseDataFactory.Event early = data.event(CO, LocalDate.of(2024, 9, 1), LocalDate.of(2024, 9, 10), null,
				data.team(3), data.staff(3));
		CaseDataFactory.Event licence = data.event(LICENCE, LocalDate.of(2024, 8, 1), LocalDate.of(2024, 8, 30),
				LocalDate.of(2024, 8, 30), data.team(3), data.staff(3));
		String unpaidWork = data.requirement(late, "UNPAID_WORK", LocalDate.of(2024, 8, 28));
		Set<String> ids = Set.of(late.id(), early.id(), licence.id());
		this.transactions.executeWithoutResult((tx) -> this.recomputation.recomputeEvents(ids, Dataset.EVENTS));
		this.transactions.executeWithoutResult((tx) -> {
			data.contact(late, LocalDate.of(2024, 9, 3), "ATTENDED_COMPLIED");
			data.contact(late, LocalDate.of(2024, 9, 4), true, false, "ATTENDED_COMPLIED", "UNPAID_WORK_SESSION",
					unpaidWork);
			data.contact(early, LocalDate.of(2024, 9, 5), "ATTENDED_COMPLIED");
			data.contact(early, LocalDate.of(2024, 9, 12), "UNACCEPTABLE_ABSENCE");
			data.contact(early, LocalDate.of(2024, 10, 16), "ATTENDED_COMPLIED");
			data.contact(licence, LocalDate.of(2024, 9, 2), "ATTENDED_COMPLIED");
			this.recomputation.recomputeEvents(ids, Dataset.CONTACTS, LocalDate.of(2024, 9, 3),
					LocalDate.of(2024, 10, 16));
		});
		String totals = """
				select string_agg(unit_code || ' ' || measure_code || ' ' || month || ' ' || numerator || '/' || denominator,
				                  ', ' order by unit_code, measure_code, month)
				from measure_unit_result where denominator <> 0 and unit_code like 'RFT%'
				""";
		String monthly = this.jdbc.sql(totals).query(String.class).single();
		var cases = this.results.cases("SL001R", Period.parse("2024-09"), data.team(3), null);
		this.recomputation.recomputeAll();
		assertThat(monthly).isEqualTo(this.jdbc.sql(totals).query(String.class).single())
			.contains("RFTT3 SL006R 2024-08-01 1/1")
			.contains("RFTT3 ATTENDANCE 2024-10-01 1/1");
		assertThat(cases).filteredOn((c) -> c.eventId().equals(early.id()))
			.singleElement()
			.satisfies((c) -> assertThat(c.reason())
				.isEqualTo("first face-to-face contact 2 business days after allocation"));
	}

	@Test
	void anImportThatChangesAnEventChangesItsResults() {
		Period june = Period.parse("2024-06");
		assertThat(this.results.unitResult("SL001R", june, data.team(2)).numerator()).isZero();
		this.transactions.executeWithoutResult((tx) -> {
			data.contact(importedLater, LocalDate.of(2024, 6, 4), "ATTENDED_COMPLIED");
			this.events
				.publishEvent(new CaseDataImported(1, Dataset.CONTACTS, 1, 0, Set.of(new EventId(importedLater.id()))));
		});
		var after = this.results.unitResult("SL001R", june, data.team(2));
		assertThat(after.numerator()).isEqualTo(1);
		assertThat(after.denominator()).isEqualTo(1);
		assertThat(this.results.unitResult("SL001R", june, data.provider()).numerator()).isEqualTo(1);
		assertThat(this.results.staffResult("ATTENDANCE", june, data.staff(2), null).denominator()).isEqualTo(1);
		// a change to everything (units, staff, people) recomputes in full
		this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.sql("update event set team_code = :team where event_id = :id")
				.param("team", data.team(3))
				.param("id", importedLater.id())
				.update();
			this.events.publishEvent(new CaseDataImported(2, Dataset.EVENTS, 0, 1, null));
		});
		assertThat(this.results.unitResult("SL001R", june, data.team(2)).denominator()).isZero();
		assertThat(this.results.unitResult("SL001R", june, data.team(3)).numerator()).isEqualTo(1);
		assertThat(this.results.unitResult("SL001R", june, data.provider()).numerator()).isEqualTo(1);
	}

}
