package org.probity.reports.sites;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.audits.Answer;
import org.probity.audits.CaseAudits;
import org.probity.reports.ReportsApiClient;
import org.probity.shared.Period;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.shared.web.PageSession;
import org.probity.testing.CaseData;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/v1/site-ratings over real HTTP: a standard rated Inadequate in this quarter's
 * audits makes the team and its LDU Red with the reason listed and a link to draw a
 * sample; a line manager sees only their team and is refused another; a malformed quarter
 * is a 400.
 */
@IntegrationTest
class SiteRatingsApiTests {

	private static final String PASSWORD = "rs-password-for-tests";

	private static boolean loaded;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	CaseAudits audits;

	private final String quarter = quarterOf(LocalDate.now(ZoneId.of("Europe/London")));

	private static String quarterOf(LocalDate day) {
		return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
	}

	@BeforeEach
	void estate() {
		if (loaded) {
			return;
		}
		CaseData caseData = new CaseData(this.jdbc);
		caseData.aProvider("RSP").named("RS Provider").insert();
		caseData.aRegion("RSR").named("RS Region").under("RSP").insert();
		caseData.anLdu("RSL1").named("RS LDU One").under("RSR").insert();
		caseData.anLdu("RSL2").named("RS LDU Two").under("RSR").insert();
		caseData.aTeam("RST11").named("RS Team One One").under("RSL1").insert();
		caseData.aTeam("RST12").named("RS Team One Two").under("RSL1").insert();
		caseData.aTeam("RST21").named("RS Team Two One").under("RSL2").insert();
		caseData.aStaffMember("RSA1101").named("Sam", "Rsofficer").inTeam("RST11").insert();
		caseData.aStaffMember("RSA1190").named("Jo", "Rsmanager").graded("SPO").inTeam("RST11").insert();
		this.accounts.createOrReset("rs-quality", "RS quality", Role.QUALITY_TEAM, null, null, PASSWORD);
		this.accounts.createOrReset("rs-manager", "RS manager", Role.LINE_MANAGER, new StaffCode("RSA1190"),
				new UnitCode("RST11"), PASSWORD);
		this.accounts.createOrReset("rs-practitioner", "RS practitioner", Role.PRACTITIONER, new StaffCode("RSA1101"),
				new UnitCode("RST11"), PASSWORD);
		CurrentUser quality = this.accounts.userFor("rs-quality").orElseThrow();
		List<CaseAudits.AnswerInput> answers = new ArrayList<>();
		for (String s : List.of("2.1", "2.2", "2.3", "2.4")) {
			for (int q = 1; q <= 3; q++) {
				answers.add(new CaseAudits.AnswerInput(s + "." + q, (q == 3) ? Answer.NO : Answer.YES, ""));
			}
		}
		// five audits this quarter: enough for their standards' ratings to count
		CaseData cases = new CaseData(this.jdbc);
		for (int i = 1; i <= 5; i++) {
			cases.aPerson("V96000" + i).named("Alex", "Rsperson").bornOn(LocalDate.of(1990, 1, i)).insert();
			cases.aCommunityOrder("RSE00" + i)
				.forPerson("V96000" + i)
				.sentencedOn(LocalDate.now().minusDays(20))
				.heldBy("RSA1101")
				.inTeam("RST11")
				.insert();
			this.audits.recordCompleted("CASE_SUPERVISION", "RSE00" + i, null,
					new CaseAudits.AuditInput(0, answers, List.of("2.1.3.a"), false, null, ""), quality);
		}
		loaded = true;
	}

	private ReportsApiClient as(String username) {
		return new ReportsApiClient(this.port, username, PASSWORD);
	}

	private static JsonNode site(JsonNode body, String unit) {
		for (JsonNode s : body.get("sites")) {
			if (s.get("unit_code").asString().equals(unit)) {
				return s;
			}
		}
		throw new AssertionError("No site " + unit + " in " + body);
	}

	private static List<String> units(JsonNode body) {
		List<String> units = new ArrayList<>();
		body.get("sites").forEach((s) -> units.add(s.get("unit_code").asString()));
		return units;
	}

	@Test
	void aStandardRatedInadequateThisQuarterMakesTheTeamAndItsLduRedWithTheReason() {
		ReportsApiClient.Response r = as("rs-quality")
			.get("/api/v1/site-ratings?quarter=" + this.quarter + "&unit=RSL1");
		assertThat(r.status()).isEqualTo(200);
		assertThat(units(r.body())).containsExactly("RSL1", "RST11", "RST12");
		JsonNode team = site(r.body(), "RST11");
		assertThat(team.get("rag").asString()).isEqualTo("RED");
		assertThat(team.get("reasons").findValuesAsString("text")).anyMatch((t) -> t.startsWith("Standard 2.1"));
		assertThat(team.get("sample_link").asString()).isEqualTo("/audits/samples/new?unitCode=RST11");
		assertThat(site(r.body(), "RSL1").get("rag").asString()).isEqualTo("RED");
		JsonNode quiet = site(r.body(), "RST12");
		assertThat(quiet.get("rag").asString()).isEqualTo("GREEN");
		assertThat(quiet.get("sample_link").isNull()).isTrue();
		Period q = Period.parse(this.quarter);
		List<String> trend = new ArrayList<>();
		team.get("trend").forEach((t) -> trend.add(t.get("quarter").asString()));
		assertThat(trend).containsExactly(q.previous().previous().previous().code(), q.previous().previous().code(),
				q.previous().code(), this.quarter);
		// the audit was completed this quarter: the quarter before knows nothing of it
		ReportsApiClient.Response before = as("rs-quality")
			.get("/api/v1/site-ratings?quarter=" + q.previous().code() + "&unit=RST11");
		assertThat(site(before.body(), "RST11").get("reasons").findValuesAsString("text"))
			.noneMatch((t) -> t.startsWith("Standard"));
	}

	@Test
	void aLineManagerSeesOnlyTheirTeamAndIsRefusedAnother() {
		ReportsApiClient.Response own = as("rs-manager").get("/api/v1/site-ratings?quarter=" + this.quarter);
		assertThat(own.status()).isEqualTo(200);
		assertThat(units(own.body())).containsExactly("RST11");
		assertThat(as("rs-manager").get("/api/v1/site-ratings?quarter=" + this.quarter + "&unit=RST12").status())
			.isEqualTo(403);
		assertThat(as("rs-manager").get("/api/v1/site-ratings?quarter=" + this.quarter + "&unit=RSL1").status())
			.isEqualTo(403);
		assertThat(as("rs-practitioner").get("/api/v1/site-ratings?quarter=" + this.quarter).status()).isEqualTo(403);
	}

	@Test
	void aMalformedQuarterIsABadRequest() {
		for (String bad : List.of("2026-Q5", "2026-13", "2026-10", "2026", "Q3-2026", "0999-Q1")) {
			ReportsApiClient.Response r = as("rs-quality").get("/api/v1/site-ratings?quarter=" + bad);
			assertThat(r.status()).as(bad).isEqualTo(400);
			assertThat(r.body().get("message").asString()).contains("2026-Q3");
		}
		assertThat(as("rs-quality").get("/api/v1/site-ratings?quarter=2026-Q3&unit=NOSUCH").status()).isEqualTo(400);
	}

	@Test
	void thePageStatesTheRuleAndExportsTheGridAsCsv() {
		PageSession page = new PageSession(this.port).signedIn("rs-quality", PASSWORD);
		String html = page.get("/reports/sites?quarter=" + this.quarter + "&unit=RSL1").body();
		assertThat(html).contains("Red if any service level is seriously deficient")
			.contains(
					"<th scope=\"row\" class=\"govuk-table__header\"><a class=\"govuk-link\" href=\"#site-RST11\">RS Team One One</a></th>")
			.contains("/audits/samples/new?unitCode=RST11");
		String csv = new String(
				page.getBytes("/reports/sites?quarter=" + this.quarter + "&unit=RSL1&format=csv").body(),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).contains("RST11,RS Team One One,Team,RS LDU One").contains("Standard 2.1");
		PageSession manager = new PageSession(this.port).signedIn("rs-manager", PASSWORD);
		assertThat(manager.get("/reports/sites?quarter=" + this.quarter + "&unit=RST12").statusCode()).isEqualTo(403);
	}

}
