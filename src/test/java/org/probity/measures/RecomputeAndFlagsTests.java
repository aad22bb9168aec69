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
import org.probity.testing.CaseData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

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

	static CaseData.Estate data;

	static CaseData.Event importedLater;

	@BeforeAll
	static void load(@Autowired JdbcClient jdbc, @Autowired MeasureRecomputation recomputation) {
		data = new CaseData(jdbc).anEstate("RFT", 'R');
		CaseData.Event co = data.aCommunityOrder()
			.sentencedOn(LocalDate.of(2023, 1, 1))
			.allocatedOn(LocalDate.of(2023, 1, 2))
			.insert();
		// SL016 January 2024: team 1 8 of 10 usable (80%: more than 5 below 90), team 2
		// 17 of 20 (85%: exactly 5 below), team 3 0 of 9 (fewer than 10 cases)
		CaseData.Event co2 = data.aCommunityOrder()
			.sentencedOn(LocalDate.of(2023, 1, 1))
			.allocatedOn(LocalDate.of(2023, 1, 2))
			.inTeam(data.team(2))
			.heldBy(data.staff(1))
			.insert();
		CaseData.Event co3 = data.aCommunityOrder()
			.sentencedOn(LocalDate.of(2023, 1, 1))
			.allocatedOn(LocalDate.of(2023, 1, 2))
			.inTeam(data.team(3))
			.heldBy(data.staff(3))
			.insert();
		LocalDate jan = LocalDate.of(2024, 1, 15);
		for (int i = 0; i < 10; i++) {
			data.aReferral(co).awareOn(jan).referredOn(jan).usableWithoutMoreInformation(i < 8).insert();
		}
		for (int i = 0; i < 20; i++) {
			data.aReferral(co2).awareOn(jan).referredOn(jan).usableWithoutMoreInformation(i < 17).insert();
		}
		for (int i = 0; i < 9; i++) {
			data.aReferral(co3).awareOn(jan).referredOn(jan).usableWithoutMoreInformation(false).insert();
		}
		// SL018: one late recall a month in team 3 for January to March 2024
		CaseData.Event licence = data.aLicence()
			.sentencedOn(LocalDate.of(2023, 1, 1))
			.allocatedOn(LocalDate.of(2023, 6, 1))
			.releasedOn(LocalDate.of(2023, 6, 1))
			.inTeam(data.team(3))
			.heldBy(data.staff(3))
			.insert();
		for (int month = 1; month <= 3; month++) {
			data.aReferral(licence)
				.ofType("RECALL")
				.awareOn(LocalDate.of(2024, month, 1))
				.referredOn(LocalDate.of(2024, month, 20))
				.insert();
		}
		// SL011R in 2031: 3 of 5 programmes completed in March and again in April
		CaseData.Event programmes = data.aCommunityOrder()
			.sentencedOn(LocalDate.of(2030, 1, 1))
			.allocatedOn(LocalDate.of(2030, 1, 2))
			.inTeam(data.team(2))
			.heldBy(data.staff(2))
			.insert();
		for (int month = 3; month <= 4; month++) {
			for (int i = 0; i < 5; i++) {
				String r = data.aRequirement(programmes)
					.ofType("ACCREDITED_PROGRAMME")
					.startingOn(LocalDate.of(2030, 2, 1))
					.insert();
				data.terminateRequirement(r, LocalDate.of(2031, month, 10), (i < 3) ? "COMPLETED" : "REVOKED_BREACH");
			}
		}
		importedLater = data.aCommunityOrder()
			.sentencedOn(LocalDate.of(2024, 6, 3))
			.inTeam(data.team(2))
			.heldBy(data.staff(2))
			.insert();
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
			data.aCommunityOrder()
				.sentencedOn(last.atDay(1))
				.allocatedOn(last.atDay(2))
				.inTeam(data.team(3))
				.heldBy(data.staff(3))
				.insert();
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
			CaseData.Event tenth = data.aCommunityOrder()
				.sentencedOn(last.atDay(1))
				.allocatedOn(last.atDay(2))
				.inTeam(data.team(3))
				.heldBy(data.staff(3))
				.insert();
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
		CaseData.Event event = data.aCommunityOrder()
			.sentencedOn(LocalDate.of(2024, 7, 1))
			.inTeam(data.team(3))
			.heldBy(data.staff(3))
			.insert();
		this.transactions.executeWithoutResult((tx) -> {
			data.aContact(event).on(LocalDate.of(2024, 7, 2)).insert();
			data.aContact(event).on(LocalDate.of(2024, 8, 2)).withOutcome("UNACCEPTABLE_ABSENCE").insert();
			data.aPlan(event).completedOn(LocalDate.of(2024, 7, 20)).insert();
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
		CaseData.Event late = data.aCommunityOrder()
			.sentencedOn(LocalDate.of(2024, 8, 20))
			.allocatedOn(LocalDate.of(2024, 8, 28))
			.inTeam(data.team(3))
			.heldBy(data.staff(3))
			.insert();
		CaseData.Event early = data.aCommunityOrder()
			.sentencedOn(LocalDate.of(2024, 9, 1))
			.allocatedOn(LocalDate.of(2024, 9, 10))
			.inTeam(data.team(3))
			.heldBy(data.staff(3))
			.insert();
		CaseData.Event licence = data.aLicence()
			.sentencedOn(LocalDate.of(2024, 8, 1))
			.allocatedOn(LocalDate.of(2024, 8, 30))
			.releasedOn(LocalDate.of(2024, 8, 30))
			.inTeam(data.team(3))
			.heldBy(data.staff(3))
			.insert();
		String unpaidWork = data.aRequirement(late)
			.ofType("UNPAID_WORK")
			.startingOn(LocalDate.of(2024, 8, 28))
			.insert();
		Set<String> ids = Set.of(late.id(), early.id(), licence.id());
		this.transactions.executeWithoutResult((tx) -> this.recomputation.recomputeEvents(ids, Dataset.EVENTS));
		this.transactions.executeWithoutResult((tx) -> {
			data.aContact(late).on(LocalDate.of(2024, 9, 3)).insert();
			data.aContact(late)
				.on(LocalDate.of(2024, 9, 4))
				.nationalStandard(false)
				.ofType("UNPAID_WORK_SESSION")
				.forRequirement(unpaidWork)
				.insert();
			data.aContact(early).on(LocalDate.of(2024, 9, 5)).insert();
			data.aContact(early).on(LocalDate.of(2024, 9, 12)).withOutcome("UNACCEPTABLE_ABSENCE").insert();
			data.aContact(early).on(LocalDate.of(2024, 10, 16)).insert();
			data.aContact(licence).on(LocalDate.of(2024, 9, 2)).insert();
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
			data.aContact(importedLater).on(LocalDate.of(2024, 6, 4)).insert();
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
