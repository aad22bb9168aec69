package org.probity.audits;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditProgrammes programmes;

	CaseData.TwoTeams data;

	long programmeId;

	long auditId;

	@BeforeAll
	void caseData() {
		this.data = new CaseData(this.jdbc).aProviderWithTwoTeams("APW", 'N', 300);
		this.data.people(8);
		this.accounts.createOrReset("apw-one", "apw-one", Role.QUALITY_TEAM, null, null, "a-password-for-tests");
		this.accounts.createOrReset("apw-two", "apw-two", Role.QUALITY_TEAM, null, null, "a-password-for-tests");
		this.accounts.createOrReset("apw-manager", "apw-manager", Role.LINE_MANAGER, null,
				new UnitCode(this.data.team(1)), "a-password-for-tests");
		this.programmeId = this.programmes
			.create(new ProgrammeRequest("Pages programme", ProgrammeKind.THEMATIC, "CASE_SUPERVISION",
					new PopulationFilter(this.data.provider(), List.of(), null, null, null, null, null), 3, null, null,
					false, Recurrence.NONE, YearMonth.now(), null, List.of("apw-one"), 8L), "test")
			.programmeId();
		this.auditId = this.programmes.audits(this.programmeId).get(0).auditId();
	}

	@Test
	void everyAuditPageRendersForTheQualityTeam() throws Exception {
		PageSession admin = new PageSession(this.port).signedIn("admin", "test-admin-password");
		for (String path : List.of("/audits", "/audits/worklist", "/audits/programmes/new",
				"/audits/programmes/" + this.programmeId, "/audits/samples/new",
				"/audits/samples/new?unitCode=" + this.data.provider() + "&confidence=80&margin=0.05",
				"/audits/templates", "/audits/templates/CASE_SUPERVISION", "/audits/templates/CASE_SUPERVISION/edit",
				"/audits/" + this.auditId, "/audits/" + this.auditId + "/check", "/audits/alerts", "/audits/ratings",
				"/audits/ratings?programme=" + this.programmeId, "/audits/report",
				"/audits/report?month=" + YearMonth.now() + "&unit=" + this.data.provider(), "/audits/inspections")) {
			HttpResponse<String> page = admin.get(path);
			assertThat(page.statusCode()).as(path + "\n" + page.body()).isEqualTo(200);
		}
		assertThat(admin.get("/audits/samples/new?unitCode=" + this.data.provider()).body())
			.contains("8</span> cases in the population");
		assertThat(admin.get("/audits/programmes/987654").statusCode()).isEqualTo(404);
	}

	@Test
	void theReportExportsAsPdfAndSpreadsheet() throws Exception {
		PageSession admin = new PageSession(this.port).signedIn("admin", "test-admin-password");
		HttpResponse<byte[]> pdf = admin.getBytes("/audits/report.pdf?month=" + YearMonth.now());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
		HttpResponse<byte[]> xlsx = admin.getBytes("/audits/report.xlsx?month=" + YearMonth.now());
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(new String(xlsx.body(), 0, 2)).isEqualTo("PK");
	}

	@Test
	void aSecondAuditorsStaleSaveIsRefusedAndTheirAnswersAreShownBack() throws Exception {
		long id = this.programmes.audits(this.programmeId).get(1).auditId();
		PageSession one = new PageSession(this.port).signedIn("apw-one", "a-password-for-tests");
		PageSession two = new PageSession(this.port).signedIn("apw-two", "a-password-for-tests");
		String formOne = one.get("/audits/" + id).body();
		String formTwo = two.get("/audits/" + id).body();
		assertThat(formOne).contains("name=\"version\" value=\"0\"");
		Map<String, String> first = new HashMap<>(
				Map.of("version", "0", "answer-2.1.1", "YES", "comment-2.1.1", "Thorough", "action", "save"));
		HttpResponse<String> saved = one.post("/audits/" + id, PageSession.csrf(formOne), first);
		assertThat(saved.statusCode()).isEqualTo(302);
		Map<String, String> second = new HashMap<>(
				Map.of("version", "0", "answer-2.1.1", "NO", "comment-2.1.1", "My unsaved comment", "action", "save"));
		HttpResponse<String> refused = two.post("/audits/" + id, PageSession.csrf(formTwo), second);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("This audit was changed by apw-one at")
			.contains("your answers were not saved")
			.contains("My unsaved comment")
			.contains("Saved since you opened it");
		assertThat(this.jdbc
			.sql("select comment from case_audit_answer where audit_id = :id and key_question_code = '2.1.1'")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("Thorough");
	}

	@Test
	void anAuditorCannotOpenSomeoneElsesAudit() throws Exception {
		PageSession manager = new PageSession(this.port).signedIn("apw-manager", "a-password-for-tests");
		assertThat(manager.get("/audits/" + this.auditId).statusCode()).isEqualTo(403);
		assertThat(manager.get("/audits/programmes/new").statusCode()).isEqualTo(403);
	}

}
