package org.probity.demo;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.measures.MeasureRecomputation;
import org.probity.shared.UnitCode;
import org.probity.testing.CaseData;

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
		CaseData data = new CaseData(this.jdbc);
		data.aProvider("RDM").named("Demo pack provider").insert();
		data.anLdu("RDML1").named("Demo pack LDU").under("RDM").insert();
		data.aTeam("RDMT1").named("Demo pack team").under("RDML1").insert();
		data.aStaffMember("RDMS001").named("Pat", "Officer").inTeam("RDMT1").insert();
		for (int i = 0; i < 6; i++) {
			String crn = "J65000" + i;
			data.aPerson(crn).named("Sam", "Person").bornOn(LocalDate.of(1990, 1, 1)).insert();
			data.aCommunityOrder("RDM-E" + i)
				.forPerson(crn)
				.sentencedOn(LocalDate.of(2026, 10 + (i % 2), 5))
				.heldBy("RDMS001")
				.inTeam("RDMT1")
				.insert();
			if (i < 3) {
				data.aContact("RDM-C" + i)
					.of(crn, "RDM-E" + i)
					.by("RDMS001")
					.ofType("SUPERVISION")
					.at(LocalDate.of(2026, 10 + (i % 2), 6).atTime(10, 0))
					.insert();
			}
		}
		this.recomputation.recomputeAll();
		this.accounts.createOrReset("quality", "Quality team (demo)", Role.QUALITY_TEAM, null, new UnitCode("RDM"),
				"demo-q");
		this.accounts.createOrReset("senior", "Senior manager (demo)", Role.SENIOR_MANAGER, null, new UnitCode("RDML1"),
				"demo-s");

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
