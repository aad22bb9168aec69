package org.probity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.audits.Answer;
import org.probity.audits.CaseAudits;
import org.probity.measures.MeasureRecomputation;
import org.probity.shared.UnitCode;
import org.probity.shared.web.PageSession;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every response that shows a case writes the access log (issue 10, point 2): the case
 * page, an audit (page, check page, API), a measure case list (page, CSV, XLSX, API) and
 * the assurance report's alert rows (page, PDF, XLSX), each naming the cases shown (one
 * entry may name all the cases of a list, in {@code crns}, where that column exists); and
 * refusals too. Codes ALT..., CRNs V98....
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogTests {

	private static final String PASSWORD = "alt-password-for-tests";

	private static final String SHOWN = "SHOWN";

	private static final String REFUSED = "REFUSED";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	YearMonth month;

	long auditId;

	@BeforeAll
	void caseData(@Autowired Accounts accounts, @Autowired MeasureRecomputation recomputation,
			@Autowired CaseAudits audits) {
		LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
		this.month = YearMonth.from(today).minusMonths(1);
		LocalDate allocated = this.month.atDay(1);
		CaseData data = new CaseData(this.jdbc);
		data.aProvider("ALTP").named("ALT Provider").insert();
		data.anLdu("ALTL").named("ALT LDU").under("ALTP").insert();
		data.aTeam("ALTT1").named("ALT Team One").under("ALTL").insert();
		data.aTeam("ALTT2").named("ALT Team Two").under("ALTL").insert();
		data.aStaffMember("ALT0101").named("Sam", "Altofficer").inTeam("ALTT1").insert();
		data.aStaffMember("ALT0201").named("Kim", "Altofficer").inTeam("ALTT2").insert();
		String[][] people = { { "V980001", "ALTT1", "ALT0101", "false" }, { "V980002", "ALTT1", "ALT0101", "true" },
				{ "V980003", "ALTT2", "ALT0201", "false" } };
		for (String[] p : people) {
			data.aPerson(p[0])
				.named("Alex", "Altperson")
				.bornOn(LocalDate.of(1990, 1, 1))
				.restricted(Boolean.parseBoolean(p[3]))
				.insert();
			data.aCommunityOrder("ALTE" + p[0])
				.forPerson(p[0])
				.sentencedOn(allocated)
				.heldBy(p[2])
				.inTeam(p[1])
				.insert();
			data.aContact("ALTC" + p[0])
				.of(p[0], "ALTE" + p[0])
				.by(p[2])
				.at(allocated.plusDays(3).atTime(10, 0))
				.insert();
		}
		accounts.createOrReset("alt-quality", "ALT quality", Role.QUALITY_TEAM, null, null, PASSWORD);
		accounts.createOrReset("alt-admin", "ALT admin", Role.ADMIN, null, null, PASSWORD);
		accounts.createOrReset("alt-manager", "ALT manager", Role.LINE_MANAGER, null, new UnitCode("ALTT1"), PASSWORD);
		accounts.createOrReset("alt-other", "ALT other manager", Role.LINE_MANAGER, null, new UnitCode("ALTT2"),
				PASSWORD);
		accounts.createOrReset("alt-api", "ALT API client", Role.API_CLIENT, null, null, PASSWORD);
		recomputation.recomputeAll();
		List<CaseAudits.AnswerInput> answers = new ArrayList<>();
		for (String s : List.of("2.1", "2.2", "2.3", "2.4")) {
			for (int q = 1; q <= 3; q++) {
				answers.add(new CaseAudits.AnswerInput(s + "." + q, (q == 3) ? Answer.NO : Answer.YES, ""));
			}
		}
		this.auditId = audits
			.recordCompleted("CASE_SUPERVISION", "ALTEV980001", null,
					new CaseAudits.AuditInput(0, answers, List.of("2.1.3.a"), true, "ALT concern not followed up", ""),
					accounts.userFor("alt-quality").orElseThrow())
			.auditId();
	}

	@Test
	void theCasePageLogsItsOpeningAndItsRefusals() {
		SoftAssertions softly = new SoftAssertions();
		expect(softly, pages("alt-quality"), "/cases/V980001", "alt-quality", "V980001", SHOWN);
		expect(softly, pages("alt-other"), "/cases/V980001", "alt-other", "V980001", REFUSED);
		expect(softly, pages("alt-manager"), "/cases/V980002", "alt-manager", "V980002", REFUSED);
		softly.assertAll();
	}

	@Test
	void anAuditLogsTheCaseItShowsOnItsPagesAndInTheApi() {
		SoftAssertions softly = new SoftAssertions();
		PageSession quality = pages("alt-quality");
		// a completed audit opens at its check page (its form redirects there)
		expect(softly, quality, "/audits/" + this.auditId + "/check", "alt-quality", "V980001", SHOWN);
		expect(softly, null, "/api/v1/audits/" + this.auditId, "alt-admin", "V980001", SHOWN);
		expect(softly, pages("alt-other"), "/audits/" + this.auditId, "alt-other", "V980001", REFUSED);
		softly.assertAll();
	}

	@Test
	void aMeasureCaseListLogsTheCasesItShowsInEveryFormat() {
		SoftAssertions softly = new SoftAssertions();
		PageSession manager = pages("alt-manager");
		String cases = "/measures/SL001R/cases?period=" + this.month + "&unit=ALTT1";
		expect(softly, manager, cases, "alt-manager", "V980001", SHOWN);
		expect(softly, manager, cases + "&format=csv", "alt-manager", "V980001", SHOWN);
		expect(softly, manager, cases + "&format=xlsx", "alt-manager", "V980001", SHOWN);
		expect(softly, null, "/api/v1" + cases, "alt-api", "V980001", SHOWN);
		softly.assertAll();
	}

	@Test
	void theAssuranceReportLogsTheCasesOfItsAlertRows() {
		SoftAssertions softly = new SoftAssertions();
		PageSession quality = pages("alt-quality");
		String query = "?month=" + YearMonth.now(ZoneId.of("Europe/London")) + "&unit=ALTP";
		for (String report : List.of("/audits/report", "/audits/report.pdf", "/audits/report.xlsx")) {
			expect(softly, quality, report + query, "alt-quality", "V980001", SHOWN);
		}
		softly.assertAll();
	}

	/**
	 * Calls the URL (with the page session, or with HTTP Basic when it is null) and
	 * expects a new entry of the user naming the case: shown (opened or listed) or
	 * refused.
	 */
	private void expect(SoftAssertions softly, PageSession pages, String url, String username, String crn,
			String outcome) {
		long mark = this.jdbc.sql("select coalesce(max(id), 0) from case_access_log").query(Long.class).single();
		int status = ((pages != null) ? pages.getBytes(url) : basic(username, url)).statusCode();
		if (outcome.equals(SHOWN)) {
			softly.assertThat(status).as("GET %s by %s", url, username).isEqualTo(200);
		}
		else {
			softly.assertThat(status).as("GET %s by %s", url, username).isIn(403, 404);
		}
		softly.assertThat(entries(mark, username, crn, outcome))
			.as("access log entries of %s naming %s (%s) after GET %s", username, crn, outcome.toLowerCase(), url)
			.isPositive();
	}

	/** Entries since the mark; a list's entry names its cases in crns where it exists. */
	private int entries(long mark, String username, String crn, String outcome) {
		boolean lists = this.jdbc.sql("""
				select exists (select 1 from information_schema.columns
				               where table_name = 'case_access_log' and column_name = 'crns')
				""").query(Boolean.class).single();
		String names = lists ? "(crn = :crn or :crn = any(crns))" : "crn = :crn";
		String refused = outcome.equals(REFUSED) ? "outcome like 'REFUSED%'" : "outcome not like 'REFUSED%'";
		return this.jdbc
			.sql("select count(*) from case_access_log where id > :mark and username = :u and " + names + " and "
					+ refused)
			.param("mark", mark)
			.param("u", username)
			.param("crn", crn)
			.query(Integer.class)
			.single();
	}

	private PageSession pages(String username) {
		return new PageSession(this.port).signedIn(username, PASSWORD);
	}

	private HttpResponse<byte[]> basic(String username, String path) {
		String credentials = Base64.getEncoder()
			.encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
					.header("Authorization", "Basic " + credentials)
					.header("Accept", "application/json")
					.GET()
					.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
