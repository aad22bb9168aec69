package org.probity.reports.sites;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.probity.audits.AuditRatings;
import org.probity.audits.Rating;
import org.probity.measures.UnitFigures;
import org.probity.shared.Period;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site RAG rule on both sides of each of its conditions, with measures judged by the
 * measures module's own rule (target 80, trigger 70).
 */
class SiteRuleTests {

	private static final Period Q3 = Period.quarter(2026, 3);

	private static UnitFigures.Line measure(long numerator, long denominator) {
		return new UnitFigures.Line("SL001R", "Initial contact",
				UnitFigures.judge(Q3, numerator, denominator, 80.0, 70.0), List.of());
	}

	private static AuditRatings.StandardResult standard(Rating rating) {
		return standard(rating, 5);
	}

	/** A standard rated from {@code audits} audits (each answers every key question). */
	private static AuditRatings.StandardResult standard(Rating rating, int audits) {
		return new AuditRatings.StandardResult("CASE_SUPERVISION", "2.1", "Assessment", rating,
				List.of(new AuditRatings.KeyQuestionResult("2.1.1", "Q1", audits, 0, 0, null, Rating.OUTSTANDING),
						new AuditRatings.KeyQuestionResult("2.1.2", "Q2", audits - 2, 1, 1, null, rating)));
	}

	private static SiteRule.Judgement judge(List<UnitFigures.Line> figures, List<AuditRatings.StandardResult> standards,
			List<SiteRule.AlertFacts> alerts) {
		return SiteRule.judge(figures, standards, alerts);
	}

	@Test
	void aMeasureExactlyAtItsTriggerIsAmberAndJustBelowItRed() {
		SiteRule.Judgement atTrigger = judge(List.of(measure(70, 100)), List.of(), List.of());
		assertThat(atTrigger.rag()).isEqualTo(SiteRag.AMBER);
		assertThat(atTrigger.reasons()).singleElement()
			.satisfies((r) -> assertThat(r.text()).contains("SL001R").contains("70.0%").contains("target of 80%"));
		SiteRule.Judgement below = judge(List.of(measure(699, 1000)), List.of(), List.of());
		assertThat(below.rag()).isEqualTo(SiteRag.RED);
		assertThat(below.reasons()).singleElement()
			.satisfies((r) -> assertThat(r.text()).contains("69.9%").contains("trigger of 70%"));
	}

	@Test
	void aMeasureExactlyAtItsTargetIsGreenAndJustBelowItAmber() {
		assertThat(judge(List.of(measure(80, 100)), List.of(), List.of()).rag()).isEqualTo(SiteRag.GREEN);
		assertThat(judge(List.of(measure(80, 100)), List.of(), List.of()).reasons()).isEmpty();
		assertThat(judge(List.of(measure(799, 1000)), List.of(), List.of()).rag()).isEqualTo(SiteRag.AMBER);
	}

	@Test
	void aMeasureWithNoCasesOrNoTargetCountsForNothing() {
		UnitFigures.Line noTarget = new UnitFigures.Line("AM_K", "Monthly contact",
				UnitFigures.judge(Q3, 1, 100, null, null), List.of());
		assertThat(judge(List.of(measure(0, 0), noTarget), List.of(), List.of()).rag()).isEqualTo(SiteRag.GREEN);
	}

	@Test
	void aStandardRatedInadequateIsRedRequiresImprovementAmberGoodOrOutstandingGreen() {
		assertThat(judge(List.of(), List.of(standard(Rating.INADEQUATE)), List.of()).rag()).isEqualTo(SiteRag.RED);
		assertThat(judge(List.of(), List.of(standard(Rating.REQUIRES_IMPROVEMENT)), List.of()).rag())
			.isEqualTo(SiteRag.AMBER);
		assertThat(judge(List.of(), List.of(standard(Rating.GOOD)), List.of()).rag()).isEqualTo(SiteRag.GREEN);
		assertThat(judge(List.of(), List.of(standard(Rating.OUTSTANDING)), List.of()).rag()).isEqualTo(SiteRag.GREEN);
		assertThat(judge(List.of(), List.of(standard(null)), List.of()).rag()).isEqualTo(SiteRag.GREEN);
		assertThat(judge(List.of(), List.of(standard(Rating.INADEQUATE)), List.of()).reasons()).singleElement()
			.satisfies((r) -> assertThat(r.text()).contains("Standard 2.1").contains("Inadequate"));
	}

	@Test
	void aMeasureCountsFromTenCasesInTheQuarterAndIsListedAsNotCountedBelow() {
		SiteRule.Judgement ten = judge(List.of(measure(6, 10)), List.of(), List.of());
		assertThat(ten.rag()).isEqualTo(SiteRag.RED);
		assertThat(ten.notCounted()).isEmpty();
		SiteRule.Judgement nine = judge(List.of(measure(5, 9)), List.of(), List.of());
		assertThat(nine.rag()).isEqualTo(SiteRag.GREEN);
		assertThat(nine.reasons()).isEmpty();
		assertThat(nine.notCounted()).singleElement()
			.satisfies((n) -> assertThat(n).contains("SL001R").contains("5 of 9").contains("fewer than 10 cases"));
	}

	@Test
	void aStandardCountsFromFiveAuditsInTheQuarterAndIsListedAsNotCountedBelow() {
		assertThat(judge(List.of(), List.of(standard(Rating.INADEQUATE, 5)), List.of()).rag()).isEqualTo(SiteRag.RED);
		SiteRule.Judgement four = judge(List.of(), List.of(standard(Rating.INADEQUATE, 4)), List.of());
		assertThat(four.rag()).isEqualTo(SiteRag.GREEN);
		assertThat(four.notCounted()).singleElement()
			.satisfies((n) -> assertThat(n).contains("Standard 2.1").contains("from 4 audits"));
		assertThat(judge(List.of(), List.of(standard(Rating.REQUIRES_IMPROVEMENT, 4)), List.of()).rag())
			.isEqualTo(SiteRag.GREEN);
	}

	@Test
	void anAlertDueTodayIsNotOverdueButOneDueYesterdayIs() {
		LocalDate today = LocalDate.of(2026, 9, 15);
		assertThat(SiteRule.overdueIn(today, null, Q3, today)).isFalse();
		assertThat(SiteRule.overdueIn(today.minusDays(1), null, Q3, today)).isTrue();
		// acknowledged on its due date: never overdue; the day after: overdue that day
		assertThat(SiteRule.overdueIn(today.minusDays(5), today.minusDays(5), Q3, today)).isFalse();
		assertThat(SiteRule.overdueIn(today.minusDays(5), today.minusDays(4), Q3, today)).isTrue();
	}

	@Test
	void anAlertCountsInTheQuartersItWasOverdueIn() {
		LocalDate today = LocalDate.of(2026, 12, 1);
		// due on the quarter's last day: overdue only from the next quarter
		assertThat(SiteRule.overdueIn(LocalDate.of(2026, 9, 30), null, Q3, today)).isFalse();
		assertThat(SiteRule.overdueIn(LocalDate.of(2026, 9, 29), null, Q3, today)).isTrue();
		assertThat(SiteRule.overdueIn(LocalDate.of(2026, 9, 30), null, Period.quarter(2026, 4), today)).isTrue();
		// overdue in June, acknowledged on 30 June: not overdue in the third quarter;
		// acknowledged on 1 July: it was
		assertThat(SiteRule.overdueIn(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30), Q3, today)).isFalse();
		assertThat(SiteRule.overdueIn(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1), Q3, today)).isTrue();
	}

	@Test
	void anOverdueAlertIsRedAndNamesItsCaseUnlessRestricted() {
		SiteRule.AlertFacts open = new SiteRule.AlertFacts(7, "X123456", LocalDate.of(2026, 8, 3), null, false);
		SiteRule.AlertFacts hidden = new SiteRule.AlertFacts(8, "X654321", LocalDate.of(2026, 8, 4), null, true);
		SiteRule.Judgement j = judge(List.of(measure(80, 100)), List.of(standard(Rating.GOOD)), List.of(open, hidden));
		assertThat(j.rag()).isEqualTo(SiteRag.RED);
		assertThat(j.reasons()).extracting(SiteRule.Reason::text)
			.containsExactly("Alert on X123456 due by 3 August 2026, not yet acknowledged",
					"Alert on a restricted case due by 4 August 2026, not yet acknowledged");
	}

	@Test
	void theWorstConditionWinsAndEveryReasonIsListedWorstFirst() {
		SiteRule.Judgement j = judge(List.of(measure(75, 100), measure(60, 100)),
				List.of(standard(Rating.REQUIRES_IMPROVEMENT)), List.of());
		assertThat(j.rag()).isEqualTo(SiteRag.RED);
		assertThat(j.reasons()).extracting(SiteRule.Reason::rag)
			.containsExactly(SiteRag.RED, SiteRag.AMBER, SiteRag.AMBER);
	}

}
