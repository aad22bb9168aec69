package org.probity.audits;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.audits.sampling.Samples;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditProgrammesTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditProgrammes programmes;

	@Autowired
	Samples samples;

	@Autowired
	CaseAudits audits;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	CaseData.TwoTeams data;

	@BeforeAll
	void caseData() {
		this.data = new CaseData(this.jdbc).aProviderWithTwoTeams("APG", 'K', 100);
		this.data.people(20);
		this.data.aCommunityOrderHeldBy(1, true);
		this.data.aCommunityOrderHeldBy(2, true);
		this.accounts.createOrReset("apg-quality", "apg-quality", Role.QUALITY_TEAM, null, null,
				"a-password-for-tests");
		this.accounts.createOrReset("apg-manager", "apg-manager", Role.LINE_MANAGER, null,
				new UnitCode(this.data.team(2)), "a-password-for-tests");
		this.accounts.createOrReset("apg-peer", "apg-peer", Role.PRACTITIONER, new StaffCode(this.data.staff(3)), null,
				"a-password-for-tests");
		this.accounts.createOrReset("apg-senior", "apg-senior", Role.SENIOR_MANAGER, null,
				new UnitCode(this.data.provider()), "a-password-for-tests");
	}

	private ProgrammeRequest monthly(YearMonth start, List<String> auditors, int size) {
		return new ProgrammeRequest("Remote checks " + start, ProgrammeKind.REMOTE_CHECK, "CASE_SUPERVISION",
				new PopulationFilter(this.data.provider(), List.of(), null, null, null, null, null), size, null, null,
				false, Recurrence.MONTHLY, start, null, auditors, 99L);
	}

	@Test
	void monthlyRoundsAreCreatedAcrossAYearEndOnceEach() {
		AuditProgrammes.Programme programme = this.programmes
			.create(monthly(YearMonth.of(2030, 11), List.of("apg-quality"), 3), "test");
		long id = programme.programmeId();
		assertThat(this.programmes.rounds(id)).isEmpty();
		assertThat(this.programmes.createDueRounds(LocalDate.of(2030, 11, 15), id)).isEqualTo(1);
		assertThat(this.programmes.createDueRounds(LocalDate.of(2030, 12, 1), id)).isEqualTo(1);
		assertThat(this.programmes.createDueRounds(LocalDate.of(2031, 1, 2), id)).isEqualTo(1);
		assertThat(this.programmes.createDueRounds(LocalDate.of(2031, 2, 1), id)).isEqualTo(1);
		assertThat(this.programmes.createDueRounds(LocalDate.of(2031, 2, 1), id)).isZero();
		assertThat(this.programmes.createDueRounds(LocalDate.of(2031, 2, 20), id)).isZero();
		List<AuditProgrammes.Round> rounds = this.programmes.rounds(id);
		assertThat(rounds).extracting(AuditProgrammes.Round::periodCode)
			.containsExactly("2030-11", "2030-12", "2031-01", "2031-02");
		assertThat(rounds.get(2).periodStart()).isEqualTo(LocalDate.of(2031, 1, 1));
		assertThat(rounds.get(2).dueDate()).isEqualTo(LocalDate.of(2031, 1, 31));
		assertThat(rounds.get(1).dueDate()).isEqualTo(LocalDate.of(2030, 12, 31));
		assertThat(rounds).allSatisfy((r) -> assertThat(r.progress().planned()).isEqualTo(3));
		// by February the November round has closed: its open audits are missed;
		// December's
		// are late
		assertThat(rounds.get(0).progress().missed()).isEqualTo(3);
		assertThat(this.programmes.audits(id)).hasSize(12);
	}

	@Test
	void quarterlyRoundsRunFromTheQuarterOfTheStartMonth() {
		ProgrammeRequest request = new ProgrammeRequest("Spot checks", ProgrammeKind.SPOT_CHECK, "CASE_SUPERVISION",
				new PopulationFilter(this.data.team(1), List.of(), null, null, null, null, null), 2, null, null, false,
				Recurrence.QUARTERLY, YearMonth.of(2031, 11), null, List.of("apg-quality"), 5L);
		long id = this.programmes.create(request, "test").programmeId();
		this.programmes.createDueRounds(LocalDate.of(2032, 1, 5), id);
		this.programmes.createDueRounds(LocalDate.of(2032, 1, 6), id);
		assertThat(this.programmes.rounds(id)).extracting(AuditProgrammes.Round::periodCode)
			.containsExactly("2031-Q4", "2032-Q1");
		assertThat(this.programmes.audits(id)).allSatisfy((a) -> assertThat(a.teamCode()).isEqualTo(this.data.team(1)));
	}

	@Test
	void nAuditsPerPractitionerPerMonth() {
		ProgrammeRequest request = new ProgrammeRequest("QDO audits", ProgrammeKind.QUALITY_DEVELOPMENT,
				"CASE_SUPERVISION", new PopulationFilter(this.data.provider(), List.of(), null, null, null, null, null),
				null, 2, List.of(this.data.staff(1), this.data.staff(3)), false, Recurrence.MONTHLY,
				YearMonth.of(2032, 6), YearMonth.of(2032, 7), List.of("apg-quality"), 11L);
		long id = this.programmes.create(request, "test").programmeId();
		this.programmes.createDueRounds(LocalDate.of(2032, 9, 1), id);
		assertThat(this.programmes.rounds(id)).hasSize(2);
		List<AuditProgrammes.PlannedAudit> audits = this.programmes.audits(id);
		assertThat(audits).hasSize(8);
		assertThat(audits).filteredOn((a) -> a.staffCode().equals(this.data.staff(1))).hasSize(4);
		assertThat(audits).filteredOn((a) -> a.staffCode().equals(this.data.staff(3))).hasSize(4);
	}

	@Test
	void aRestrictedCaseIsNeverAssignedToAnAuditorWhoCannotOpenIt() {
		// the line manager and the peer may not open the two restricted cases; the
		// quality
		// team may
		ProgrammeRequest request = new ProgrammeRequest("Dip sample", ProgrammeKind.DIP_SAMPLE, "CASE_SUPERVISION",
				new PopulationFilter(this.data.provider(), List.of(), null, null, null, null, null), 22, null, null,
				false, Recurrence.NONE, YearMonth.of(2033, 1), null, List.of("apg-manager", "apg-peer", "apg-quality"),
				3L);
		long id = this.programmes.create(request, "test").programmeId();
		this.programmes.createDueRounds(LocalDate.of(2033, 1, 2), id);
		List<AuditProgrammes.PlannedAudit> audits = this.programmes.audits(id);
		assertThat(audits).hasSize(22);
		List<String> restricted = this.jdbc.sql("select crn from person where restricted and crn like 'K%'")
			.query(String.class)
			.list();
		assertThat(audits).filteredOn((a) -> restricted.contains(a.crn()))
			.hasSize(2)
			.allSatisfy((a) -> assertThat(a.auditor()).isEqualTo("apg-quality"));
		assertThat(audits).extracting(AuditProgrammes.PlannedAudit::auditor)
			.contains("apg-manager", "apg-peer", "apg-quality");
	}

	@Test
	void aRestrictedCaseNobodyMayOpenIsLeftUnassigned() {
		ProgrammeRequest request = new ProgrammeRequest("Managers only", ProgrammeKind.PEER_REVIEW, "CASE_SUPERVISION",
				new PopulationFilter(this.data.provider(), List.of(), null, null, null, null, null), 22, null, null,
				false, Recurrence.NONE, YearMonth.of(2033, 2), null, List.of("apg-senior"), 3L);
		long id = this.programmes.create(request, "test").programmeId();
		this.programmes.createDueRounds(LocalDate.of(2033, 2, 2), id);
		List<AuditProgrammes.PlannedAudit> unassigned = this.programmes.audits(id)
			.stream()
			.filter((a) -> a.auditor() == null)
			.toList();
		assertThat(unassigned).hasSize(2);
		AuditProgrammes.PlannedAudit audit = unassigned.get(0);
		org.probity.accounts.CurrentUser quality = (org.probity.accounts.CurrentUser) this.users
			.loadUserByUsername("apg-quality");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> this.audits.assign(audit.auditId(), "apg-peer", audit.version(), quality))
			.withMessageContaining("restricted");
		this.audits.assign(audit.auditId(), "apg-quality", audit.version(), quality);
		assertThat(this.audits.find(audit.auditId()).orElseThrow().auditor()).isEqualTo("apg-quality");
	}

	@Test
	void aSiteSelfAssessmentPlansOneAuditPerTeamForItsLineManager() {
		ProgrammeRequest request = new ProgrammeRequest("Site self-assessment", ProgrammeKind.SELF_ASSESSMENT,
				"SITE_SELF_ASSESSMENT",
				new PopulationFilter(this.data.provider(), List.of(), null, null, null, null, null), 1, null, null,
				false, Recurrence.QUARTERLY, YearMonth.of(2035, 1), null, List.of("apg-quality"), 4L);
		long id = this.programmes.create(request, "test").programmeId();
		this.programmes.createDueRounds(LocalDate.of(2035, 1, 3), id);
		List<AuditProgrammes.PlannedAudit> audits = this.programmes.audits(id);
		assertThat(audits).extracting(AuditProgrammes.PlannedAudit::teamCode)
			.containsExactly(this.data.team(1), this.data.team(2));
		assertThat(audits).extracting(AuditProgrammes.PlannedAudit::auditor)
			.containsExactly("apg-quality", "apg-manager");
		AuditProgrammes.PlannedAudit mine = audits.get(1);
		org.probity.accounts.CurrentUser manager = (org.probity.accounts.CurrentUser) this.users
			.loadUserByUsername("apg-manager");
		List<CaseAudits.AnswerInput> answers = new java.util.ArrayList<>();
		for (String q : List.of("S.1.1", "S.1.2", "S.2.1", "S.2.2", "S.3.1", "S.3.2")) {
			answers.add(new CaseAudits.AnswerInput(q, q.equals("S.2.2") ? Answer.NO : Answer.YES, ""));
		}
		CaseAudits.Audit saved = this.audits.save(mine.auditId(),
				new CaseAudits.AuditInput(mine.version(), answers, List.of(), false, null, ""), manager);
		assertThat(this.audits.complete(mine.auditId(), saved.version(), manager).status()).isEqualTo("COMPLETED");
	}

	@Test
	void aRoundsSampleCanBeReproducedFromItsStoredSeed() {
		long id = this.programmes.create(monthly(YearMonth.of(2034, 3), List.of("apg-quality"), 5), "test")
			.programmeId();
		AuditProgrammes.Draw draw = this.programmes.drawNow(id, 6, true, 1234L, LocalDate.now().plusDays(10), "test");
		Samples.Sample sample = this.samples.find(draw.sampleId()).orElseThrow();
		assertThat(sample.cases()).hasSize(6);
		assertThat(sample.seed()).isEqualTo(1234L);
		assertThat(this.samples.redraw(draw.sampleId()))
			.contains(sample.cases().stream().map(Samples.SampleCase::eventId).toList());
		Samples.Sample again = this.samples.draw(null, null, sample.filters(), 6, true, 1234L, "test");
		assertThat(again.cases()).extracting(Samples.SampleCase::eventId)
			.containsExactlyElementsOf(sample.cases().stream().map(Samples.SampleCase::eventId).toList());
	}

}
