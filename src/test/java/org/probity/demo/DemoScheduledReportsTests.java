package org.probity.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.reports.archive.ReportArchive;
import org.probity.reports.packs.DueDates;
import org.probity.shared.web.PageSession;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's supply chain and scheduled reports on a small estate: two subcontractors
 * with a team each, lists for every kind, and the reports due by 1 December 2026 issued
 * with the two periods before each, on their dates but for the one the service was down.
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

	@Autowired
	ReportArchive archive;

	@LocalServerPort
	int port;

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

	/**
	 * The demo's reports as kind and period, with the day each was issued and its due
	 * date.
	 */
	private List<String> issued(String when) {
		return this.jdbc.sql("""
				select kind || ' ' || period || ' issued ' || (created_at at time zone 'Europe/London')::date
				       || ' due ' || due_on
				from report where unit_code in ('DSP', 'DSL1', 'DST2', 'DST3')
				  and (created_at at time zone 'Europe/London')::date""" + when + """
				 due_on order by kind, period
				""").query(String.class).list();
	}

	private List<String> periods(String kind, String unit) {
		return this.jdbc.sql("select period from report where kind = :kind and unit_code = :unit order by period")
			.param("kind", kind)
			.param("unit", unit)
			.query(String.class)
			.list();
	}

	@Test
	void everyReportWentOutOnItsDueDateButOneWeeklyReportADayLateWhenTheServiceWasDown() {
		assertThat(issued(" < ")).as("issued before they were due").isEmpty();
		// 16 November 2026, the Monday the service was down, is no other report's due
		// date
		assertThat(issued(" > ")).containsExactly("WEEKLY_OPERATIONS 2026-W46 issued 2026-11-17 due 2026-11-16");
		assertThat(issued(" = "))
			.hasSize(this.jdbc.sql("select count(*) from report where unit_code in ('DSP', 'DSL1', 'DST2', 'DST3')")
				.query(Integer.class)
				.single() - 1)
			.hasSize(3 * 6 - 1);
		// as the scheduler issues them: at its first run of the day, 00:20 in London
		assertThat(this.jdbc.sql("""
				select distinct to_char(created_at at time zone 'Europe/London', 'HH24:MI') from report
				where unit_code in ('DSP', 'DSL1', 'DST2', 'DST3')
				""").query(String.class).list()).containsExactly("00:20");
	}

	@Test
	void theReportsListShowsOnlyTheReportIssuedAfterItsDueDateAsLate() {
		LocalDate today = LocalDate.of(2026, 12, 1);
		List<String> late = this.archive.list(null, 10_000, 0)
			.stream()
			.filter((r) -> List.of("DSP", "DSL1", "DST2", "DST3").contains(r.unit().value()))
			.filter((r) -> DueDates.late(r, today))
			.map((r) -> r.kind() + " " + r.period())
			.toList();
		assertThat(late).containsExactly("WEEKLY_OPERATIONS 2026-W46");
	}

	@Test
	void theScheduledReportsPageShowsWhenEachWentOutTheLateOneAndTheReportsDueNext() {
		this.accounts.createOrReset("dsr-quality", "DS quality", Role.QUALITY_TEAM, null, null, "a-password-for-tests");
		PageSession quality = new PageSession(this.port).signedIn("dsr-quality", "a-password-for-tests");
		// every page of the list: in the suite's database other tests' weekly reports,
		// issued today, come first
		StringBuilder pages = new StringBuilder();
		for (int n = 1; n <= 100; n++) {
			String body = quality.get("/reports/scheduled?kind=WEEKLY_OPERATIONS&page=" + n).body();
			pages.append(body);
			if (!body.contains("page=" + (n + 1))) {
				break;
			}
		}
		String page = pages.toString();

		String row = "Weekly operations report, DS provider: week of %s</a>[\\s\\S]*?</tr>";
		Matcher w46 = Pattern.compile(row.formatted("9 November 2026 to 15 November 2026")).matcher(page);
		Matcher w47 = Pattern.compile(row.formatted("16 November 2026 to 22 November 2026")).matcher(page);
		assertThat(w46.find()).isTrue();
		assertThat(w46.group()).contains("16 November 2026").contains("17 November 2026").contains(">Late<");
		assertThat(w47.find()).isTrue();
		assertThat(w47.group()).contains("23 November 2026").doesNotContain(">Late<");
		assertThat(page).contains("Due next");
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
