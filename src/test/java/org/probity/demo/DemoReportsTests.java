package org.probity.demo;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.cases.CaseDataFactory;
import org.probity.measures.MeasureRecomputation;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's packs on a small provider: the baseline year set, October's pack approved by
 * the senior manager after the quality team submitted it with a commentary on every
 * measure below target, November's in draft.
 */
@IntegrationTest
class DemoReportsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	MeasureRecomputation recomputation;

	@Autowired
	DemoReports reports;

	@Test
	void theMonthBeforeLastIsApprovedByAnotherUserAndLastMonthIsADraft() {
		CaseDataFactory data = new CaseDataFactory(this.jdbc).unit("RDM", "Demo pack provider", "PROVIDER", null)
			.unit("RDML1", "Demo pack LDU", "LDU", "RDM")
			.unit("RDMT1", "Demo pack team", "TEAM", "RDML1")
			.staff("RDMS001", "Pat", "Officer", "PO", "RDMT1");
		for (int i = 0; i < 6; i++) {
			String crn = "J65000" + i;
			data.person(crn, "Sam", "Person", LocalDate.of(1990, 1, 1), false)
				.event("RDM-E" + i, crn, "COMMUNITY_ORDER", LocalDate.of(2026, 10 + (i % 2), 5), "RDMS001", "RDMT1");
			if (i < 3) {
				data.contact("RDM-C" + i, crn, "RDM-E" + i, "RDMS001", "SUPERVISION",
						LocalDate.of(2026, 10 + (i % 2), 6).atTime(10, 0), "ATTENDED_COMPLIED");
			}
		}
		this.recomputation.recomputeAll();
		this.accounts.createOrReset("quality", "Quality team (demo)", Role.QUALITY_TEAM, null, "RDM", "demo-q");
		this.accounts.createOrReset("senior", "Senior manager (demo)", Role.SENIOR_MANAGER, null, "RDML1", "demo-s");

		this.reports.load(new DemoProvider.Parameters(7, 10, LocalDate.of(2026, 11, 30), "RDM", "Demo pack provider",
				'J', 650100, 1, 1, 1));

		Row october = row("2026-10");
		assertThat(october.status()).isEqualTo("APPROVED");
		assertThat(october.submittedBy()).isEqualTo("quality");
		assertThat(october.approvedBy()).isEqualTo("senior");
		assertThat(october.failing()).isPositive();
		assertThat(october.commented()).isEqualTo(october.failing());
		Row november = row("2026-11");
		assertThat(november.status()).isEqualTo("DRAFT");
		assertThat(this.jdbc.sql("select baseline_year from report_baseline").query(Integer.class).single())
			.isEqualTo(2025);
	}

	private record Row(String status, String submittedBy, String approvedBy, int failing, int commented) {
	}

	private Row row(String month) {
		return this.jdbc.sql("""
				select status, submitted_by, approved_by,
				       (select count(*) from jsonb_array_elements(content -> 'measures') m
				        where (m -> 'provider' ->> 'below_target')::boolean) as failing,
				       (select count(*) from jsonb_object_keys(content -> 'commentary')) as commented
				from report where kind = 'MONTHLY_PACK' and unit_code = 'RDM' and period = :month
				order by issue desc limit 1
				""").param("month", month).query(Row.class).single();
	}

}
