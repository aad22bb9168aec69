package org.probity.demo;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's supply chain and scheduled reports on a small estate: two subcontractors
 * with a team each, lists for every kind, and the reports due by 1 December 2026 issued
 * with the two periods before each.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoScheduledReportsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoScheduledReports demo;

	@Autowired
	Accounts accounts;

	@BeforeAll
	void loaded() {
		CaseData estate = new CaseData(this.jdbc);
		estate.aProvider("DSP").named("DS provider").insert();
		estate.anLdu("DSL1").named("DS LDU one").under("DSP").insert();
		for (int t = 1; t <= 3; t++) {
			estate.aTeam("DST" + t).named("DS team " + t).under("DSL1").insert();
		}
		// the subcontractors' obligations are owned by the demo's quality team
		this.accounts.createOrReset("quality", "Quality team (demo)", Role.QUALITY_TEAM, null, null, "demo-q");
		this.demo.load(List.of("DST1", "DST2", "DST3"), List.of("DSL1"), LocalDate.of(2026, 12, 1));
	}

	private List<String> periods(String kind, String unit) {
		return this.jdbc.sql("select period from report where kind = :kind and unit_code = :unit order by period")
			.param("kind", kind)
			.param("unit", unit)
			.query(String.class)
			.list();
	}

	@Test
	void twoSubcontractorsRunATeamEachAndGetTheirMonthlyReports() {
		assertThat(this.jdbc.sql("""
				select s.name from report_subcontractor s join report_subcontractor_unit u using (subcontractor_id)
				where u.unit_code like 'DST%' order by s.name
				""").query(String.class).list()).containsExactly("Downs Housing Trust", "Weald Women's Centre");
		assertThat(periods("SUBCONTRACTOR", "DST3")).containsExactly("2026-09", "2026-10", "2026-11");
		assertThat(periods("SUBCONTRACTOR", "DST2")).containsExactly("2026-09", "2026-10", "2026-11");
	}

	@Test
	void eachSubcontractorHoldsAnObligationListedInItsOwnReportOnly() {
		assertThat(
				this.jdbc.sql("select delivery_unit from obligation where clause like 'Subcontract %' order by clause")
					.query(String.class)
					.list())
			.containsExactly("DST2", "DST3");
		String womens = this.jdbc.sql(
				"select content::text from report where kind = 'SUBCONTRACTOR' and unit_code = 'DST3' and period = '2026-11'")
			.query(String.class)
			.single();
		assertThat(womens).contains("Subcontract WWC 2.3").contains("Amber").doesNotContain("Subcontract DHT 4.1");
	}

	@Test
	void theProviderHasItsWeeklyQuarterlyAndCommitteeReportsAndTheLduItsMonthlyOnes() {
		assertThat(periods("WEEKLY_OPERATIONS", "DSP")).containsExactly("2026-W46", "2026-W47", "2026-W48");
		assertThat(periods("QUARTERLY_EXECUTIVE", "DSP")).containsExactly("2026-Q1", "2026-Q2", "2026-Q3");
		assertThat(periods("COMMITTEE", "DSP")).containsExactly("2025-T3", "2026-T1", "2026-T2");
		assertThat(periods("MONTHLY_UNIT", "DSL1")).containsExactly("2026-09", "2026-10", "2026-11");
		assertThat(this.jdbc
			.sql("""
					select count(*) from report where unit_code = 'DSP' and content::text like '%Subcontractor: Weald Women''s Centre%'
					and kind = 'QUARTERLY_EXECUTIVE'
					""")
			.query(Integer.class)
			.single()).isEqualTo(3);
	}

}
