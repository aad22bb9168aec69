package org.probity.audits;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.shared.UnitCode;
import org.probity.shared.web.PageSession;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit pages' filters and defaults (issue 16): the report opens on the latest month
 * with completed audits; months, units and staff are selects with names; the worklist
 * names the team and practitioner; the home page counts overdue audits.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditFilterPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditProgrammes programmes;

	CaseData.TwoTeams data;

	@BeforeAll
	void caseData() {
		this.data = new CaseData(this.jdbc).aProviderWithTwoTeams("AFP", 'F', 400);
		this.data.people(4);
		this.accounts.createOrReset("afp-quality", "afp-quality", Role.QUALITY_TEAM, null, null,
				"a-password-for-tests");
		this.accounts.createOrReset("afp-manager", "afp-manager", Role.LINE_MANAGER, null,
				new UnitCode(this.data.team(1)), "a-password-for-tests");
		long programme = this.programmes
			.create(new ProgrammeRequest("Filters programme", ProgrammeKind.THEMATIC, "CASE_SUPERVISION",
					new PopulationFilter(this.data.provider(), List.of(), null, null, null, null, null), 2, null, null,
					false, Recurrence.NONE, YearMonth.now(), null, List.of("afp-quality"), 5L), "test")
			.programmeId();
		assertThat(this.programmes.audits(programme)).hasSize(2);
		long first = this.programmes.audits(programme).get(0).auditId();
		long second = this.programmes.audits(programme).get(1).auditId();
		// one completed two months ago, one past its due date and not done
		this.jdbc.sql("""
				update case_audit set status = 'COMPLETED', completed_at = :at, completed_by = 'test'
				where audit_id = :id
				""")
			.param("at",
					java.sql.Timestamp
						.from(YearMonth.now().minusMonths(2).atDay(10).atStartOfDay().toInstant(ZoneOffset.UTC)))
			.param("id", first)
			.update();
		this.jdbc.sql("update case_audit set due_date = :due, team_code = :team where audit_id = :id")
			.param("due", LocalDate.now().minusDays(10))
			.param("team", this.data.team(1))
			.param("id", second)
			.update();
	}

	@Test
	void theReportOpensOnTheLatestMonthWithCompletedAuditsWithSelects() throws Exception {
		YearMonth latest = YearMonth.from(this.jdbc.sql("""
				select max((completed_at at time zone 'Europe/London')::date) from case_audit where status = 'COMPLETED'
				""").query(LocalDate.class).single());
		String report = quality().get("/audits/report").body();
		assertThat(report).contains("<option value=\"" + latest + "\" selected=\"selected\">");
		assertThat(report).contains("<select class=\"govuk-select\" id=\"unit\" name=\"unit\">",
				">Team 1 AFP (Team)</option>");
	}

	@Test
	void ratingsAndSampleFiltersAreSelectsOfNames() throws Exception {
		String ratings = quality().get("/audits/ratings?unit=" + this.data.team(1)).body();
		assertThat(ratings).contains(
				"<option value=\"" + this.data.team(1) + "\" selected=\"selected\">Team 1 AFP (Team)</option>",
				">Alex1 OfficerAFP (" + this.data.staff(1) + ")</option>");
		String sample = quality().get("/audits/samples/new?unitCode=" + this.data.team(1)).body();
		assertThat(sample).contains("<select class=\"govuk-select\" id=\"unitCode\" name=\"unitCode\">",
				">Alex1 OfficerAFP (" + this.data.staff(1) + ")</option>",
				">Initial contact: community orders and SSOs (SL001R)</option>");
	}

	@Test
	void theWorklistNamesTheTeamAndPractitioner() throws Exception {
		String worklist = quality().get("/audits/worklist").body();
		assertThat(worklist).contains(">Team 1 AFP</span>").containsPattern(">Alex\\d OfficerAFP</span>");
	}

	@Test
	void theHomePageCountsOverdueAuditsInTheManagersTeam() throws Exception {
		String home = new PageSession(this.port).signedIn("afp-manager", "a-password-for-tests").get("/").body();
		assertThat(home).contains("<span class=\"probity-count\">1 overdue audit</span>");
	}

	private PageSession quality() throws Exception {
		return new PageSession(this.port).signedIn("afp-quality", "a-password-for-tests");
	}

}
