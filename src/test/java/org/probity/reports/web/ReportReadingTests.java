package org.probity.reports.web;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.CaseAccessLog;
import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.reports.archive.ReportArchive;
import org.probity.reports.archive.ReportKind;
import org.probity.reports.archive.ReportStatus;
import org.probity.reports.archive.StoredReport;
import org.probity.shared.Crn;
import org.probity.shared.UnitCode;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Case rows inside a frozen report are shown as the visibility rule says, for each
 * reader: the quality team opens a restricted case, a senior manager of one LDU sees it
 * as "restricted" only and no row of another LDU, and every opening is logged.
 */
@IntegrationTest
class ReportReadingTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	ReportArchive archive;

	@Autowired
	ReportReading reading;

	@Autowired
	CaseAccessLog log;

	@Test
	void restrictedCasesStayRestrictedAndCasesOutOfScopeAreLeftOut() {
		CaseData caseData = new CaseData(this.jdbc);
		caseData.aProvider("RPRP").named("Reading provider").insert();
		caseData.anLdu("RPRL1").named("Reading LDU one").under("RPRP").insert();
		caseData.anLdu("RPRL2").named("Reading LDU two").under("RPRP").insert();
		caseData.aTeam("RPRT1").named("Reading team one").under("RPRL1").insert();
		caseData.aTeam("RPRT2").named("Reading team two").under("RPRL2").insert();
		caseData.aStaffMember("RPRS001").named("Pat", "Officer").inTeam("RPRT1").insert();
		caseData.aStaffMember("RPRS002").named("Lee", "Officer").inTeam("RPRT2").insert();
		caseData.aPerson("J640001").named("Rita", "Restricted").bornOn(LocalDate.of(1980, 1, 1)).restricted().insert();
		caseData.aPerson("J640002").named("Olly", "Open").bornOn(LocalDate.of(1981, 1, 1)).insert();
		caseData.aCommunityOrder("RPR-E1")
			.forPerson("J640001")
			.sentencedOn(LocalDate.of(2026, 9, 1))
			.heldBy("RPRS001")
			.inTeam("RPRT1")
			.insert();
		caseData.aCommunityOrder("RPR-E2")
			.forPerson("J640002")
			.sentencedOn(LocalDate.of(2026, 9, 1))
			.heldBy("RPRS002")
			.inTeam("RPRT2")
			.insert();
		this.accounts.createOrReset("rpr-quality", "Q", Role.QUALITY_TEAM, null, new UnitCode("RPRP"), "secret-rpr");
		this.accounts.createOrReset("rpr-senior", "S", Role.SENIOR_MANAGER, null, new UnitCode("RPRL1"), "secret-rpr");
		this.accounts.createOrReset("rpr-manager", "M", Role.LINE_MANAGER, null, new UnitCode("RPRT1"), "secret-rpr");
		StoredReport report = this.archive.create(ReportKind.MONTHLY_PACK, "2026-09", new UnitCode("RPRP"),
				"Reading pack", null,
				"""
						{"alert_cases": [
						  {"crn": "J640001", "team_code": "RPRT1", "staff_code": "RPRS001", "reason": "Concern about a child"},
						  {"crn": "J640002", "team_code": "RPRT2", "staff_code": "RPRS002", "reason": "Missed home visit"}],
						 "total": 2}
						""",
				ReportStatus.DRAFT, "rpr-quality");

		CurrentUser quality = this.accounts.userFor("rpr-quality").orElseThrow();
		ReportReading.Read forQuality = this.reading.open(report.id(), quality, "Test");
		assertThat(forQuality.report().content()).contains("Concern about a child", "Missed home visit");
		assertThat(forQuality.opened()).containsExactly("J640001", "J640002");

		CurrentUser senior = this.accounts.userFor("rpr-senior").orElseThrow();
		ReportReading.Read forSenior = this.reading.open(report.id(), senior, "Test");
		assertThat(forSenior.report().content()).doesNotContain("Concern about a child", "J640002", "RPRS001")
			.contains("\"crn\":\"J640001\"", "\"restricted\":true", "\"total\":2");
		assertThat(forSenior.refused()).containsExactly("J640001");
		assertThat(this.log.forCase(new Crn("J640001"), 10)).anySatisfy((e) -> {
			assertThat(e.username()).isEqualTo("rpr-senior");
			assertThat(e.shown()).contains("Reading pack");
		});

		CurrentUser manager = this.accounts.userFor("rpr-manager").orElseThrow();
		assertThatThrownBy(() -> this.reading.open(report.id(), manager, "Test"))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(this.archive.find(report.id()).orElseThrow().content()).contains("Concern about a child");
	}

}
