package org.probity.equality;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.CaseAccessLog;
import org.probity.accounts.Role;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.shared.web.PageSession;
import org.probity.testing.CaseData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Key-question performance of case audits by characteristic, on hand-built audits of team
 * EQUT1 (practitioner EQU0001), case supervision, completed in April to June 2024. Key
 * question 2.1.3 (keeping other people safe): 10 Black men, 3 judged sufficient; 12 White
 * men, 11 sufficient; 3 Asian and 2 Mixed men, all sufficient. Left out of the quarter: a
 * White man's audit answering "not applicable", one still in progress answered NO, and a
 * Black man's audit completed at 23:30 UTC on 30 June 2024 (00:30 on 1 July in London).
 * Every other key question answered YES. Everyone 29 or 30, of no religion, single, not
 * disabled.
 */
@IntegrationTest
class EqualityAuditsTests {

	static final String TEAM = "EQUT1";

	static final String OTHER_TEAM = "EQUT2";

	static final String STAFF = "EQU0001";

	static final String ADMIN = "admin:test-admin-password";

	static final String QUESTION = "/api/v1/equality/audits/2.1.3?template=CASE_SUPERVISION&period=2024-Q2&unit="
			+ TEAM;

	static int people;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseAccessLog accessLog;

	final HttpClient http = HttpClient.newHttpClient();

	final ObjectMapper json = new ObjectMapper();

	@BeforeAll
	static void load(@Autowired JdbcClient jdbc, @Autowired Accounts accounts) {
		CaseData caseData = new CaseData(jdbc);
		caseData.aProvider("EQUP").named("Provider EQU").insert();
		caseData.anLdu("EQUL1").named("LDU EQU").under("EQUP").insert();
		caseData.aTeam(TEAM).named("Team one EQU").under("EQUL1").insert();
		caseData.aTeam(OTHER_TEAM).named("Team two EQU").under("EQUL1").insert();
		caseData.aStaffMember(STAFF).named("Ada", "Audited").inTeam(TEAM).insert();
		caseData.aStaffMember("EQU0002").named("Ben", "Audited").inTeam(OTHER_TEAM).insert();
		Instant may = Instant.parse("2024-05-14T10:00:00Z");
		for (int i = 0; i < 10; i++) {
			audit(jdbc, "BLACK", "COMPLETED", may, (i < 3) ? "YES" : "NO");
		}
		for (int i = 0; i < 12; i++) {
			audit(jdbc, "WHITE", "COMPLETED", may, (i < 11) ? "YES" : "NO");
		}
		for (int i = 0; i < 3; i++) {
			audit(jdbc, "ASIAN", "COMPLETED", may, "YES");
		}
		for (int i = 0; i < 2; i++) {
			audit(jdbc, "MIXED", "COMPLETED", may, "YES");
		}
		audit(jdbc, "WHITE", "COMPLETED", may, "NOT_APPLICABLE");
		audit(jdbc, "WHITE", "IN_PROGRESS", null, "NO");
		audit(jdbc, "BLACK", "COMPLETED", Instant.parse("2024-06-30T23:30:00Z"), "NO");
		accounts.createOrReset("equ-quality", "Quality", Role.QUALITY_TEAM, null, null, "secret-equ-1");
		accounts.createOrReset("equ-manager-two", "Manager Two", Role.LINE_MANAGER, null, new UnitCode(OTHER_TEAM),
				"secret-equ-2");
		accounts.createOrReset("equ-practitioner", "Practitioner", Role.PRACTITIONER, new StaffCode(STAFF), null,
				"secret-equ-3");
	}

	/** A Black man's (or other's) case audit, answering 2.1.3 so and every other YES. */
	static void audit(JdbcClient jdbc, String ethnicity, String status, Instant completed, String answer) {
		String crn = "U" + String.format("%06d", 930000 + (++people));
		String event = "EQU-E" + people;
		CaseData caseData = new CaseData(jdbc);
		caseData.aPerson(crn)
			.bornOn(LocalDate.of(1994, 6, 15))
			.withCharacteristics("MALE", null, ethnicity, "NONE", "NOT_RECORDED", false, "SINGLE")
			.insert();
		caseData.aCommunityOrder(event)
			.forPerson(crn)
			.sentencedOn(LocalDate.of(2024, 1, 10))
			.heldBy(STAFF)
			.inTeam(TEAM)
			.insert();
		long id = jdbc.sql("""
				insert into case_audit (template_code, template_version, event_id, crn, team_code, staff_code, auditor,
				    status, due_date, completed_at, completed_by, framework_version, updated_by)
				values ('CASE_SUPERVISION', 1, :event, :crn, :team, :staff, 'equ-quality', :status, date '2024-06-30',
				    :completed, :by, 'HMIP-2018', 'test')
				returning audit_id
				""")
			.param("event", event)
			.param("crn", crn)
			.param("team", TEAM)
			.param("staff", STAFF)
			.param("status", status)
			.param("completed", (completed != null) ? java.sql.Timestamp.from(completed) : null,
					java.sql.Types.TIMESTAMP)
			.param("by", (completed != null) ? "equ-quality" : null, java.sql.Types.VARCHAR)
			.query(Long.class)
			.single();
		jdbc.sql("""
				insert into case_audit_answer (audit_id, key_question_code, answer)
				select :id, q.key_question_code, case when q.key_question_code = '2.1.3' then :answer else 'YES' end
				from audit_key_question q where q.template_code = 'CASE_SUPERVISION' and q.version = 1
				""").param("id", id).param("answer", answer).update();
	}

	@Test
	void comparesEachGroupsSufficientAnswersWithTheRest() throws Exception {
		JsonNode body = get(QUESTION, ADMIN);
		assertThat(body.get("template").asString()).isEqualTo("CASE_SUPERVISION");
		assertThat(body.get("key_question").asString()).isEqualTo("2.1.3");
		assertThat(body.get("period").asString()).isEqualTo("2024-Q2");
		assertThat(body.get("unit").asString()).isEqualTo(TEAM);
		JsonNode black = group(body, "ETHNICITY", "BLACK");
		assertThat(black.get("numerator").asLong()).isEqualTo(3);
		assertThat(black.get("denominator").asLong()).isEqualTo(10);
		assertThat(black.get("rest_numerator").asLong()).isEqualTo(16);
		assertThat(black.get("rest_denominator").asLong()).isEqualTo(17);
		// [[3, 7], [16, 1]]: an expected count of 2.96, so Fisher's exact test (scipy
		// fisher_exact: 0.0009391574608965912); two comparisons, Black and White: q =
		// 2p (scipy false_discovery_control)
		assertThat(black.get("p_value").asDouble()).isCloseTo(0.0009391574608965912, within(1e-12));
		assertThat(black.get("q_value").asDouble()).isCloseTo(0.0018783149217931825, within(1e-12));
		assertThat(black.get("direction").asString()).isEqualTo("LOWER");
		JsonNode white = group(body, "ETHNICITY", "WHITE");
		assertThat(white.get("numerator").asLong()).isEqualTo(11);
		assertThat(white.get("denominator").asLong()).isEqualTo(12);
		// [[11, 1], [8, 7]]: Fisher 0.043255295429208473, the larger p: q = p
		assertThat(white.get("q_value").asDouble()).isCloseTo(0.043255295429208473, within(1e-12));
		assertThat(white.get("direction").asString()).isEqualTo("HIGHER");
		// everyone a man: all 27 answers, no rest to compare with
		JsonNode men = group(body, "SEX", "MALE");
		assertThat(men.get("denominator").asLong()).isEqualTo(27);
		assertThat(men.get("p_value").isNull()).isTrue();
		// every answer to 2.1.1 was YES: no comparison has both outcomes
		JsonNode other = get("/api/v1/equality/audits/2.1.1?template=CASE_SUPERVISION&period=2024-Q2&unit=" + TEAM,
				ADMIN);
		assertThat(group(other, "ETHNICITY", "BLACK").get("denominator").asLong()).isEqualTo(10);
		assertThat(group(other, "ETHNICITY", "WHITE").get("denominator").asLong()).isEqualTo(13);
		assertThat(group(other, "ETHNICITY", "BLACK").get("p_value").isNull()).isTrue();
	}

	@Test
	void anAuditCountsInTheLondonMonthItWasCompletedIn() throws Exception {
		JsonNode july = get("/api/v1/equality/audits/2.1.3?template=CASE_SUPERVISION&period=2024-07&unit=" + TEAM,
				ADMIN);
		assertThat(group(july, "SEX", "MALE").get("denominator").isNull()).isTrue();
		assertThat(group(july, "SEX", "MALE").get("suppressed").asBoolean()).isTrue();
		JsonNode june = get("/api/v1/equality/audits/2.1.3?template=CASE_SUPERVISION&period=2024-06&unit=" + TEAM,
				ADMIN);
		assertThat(group(june, "SEX", "MALE").get("denominator").asLong()).isZero();
	}

	@Test
	void suppressesGroupsOfFewerThanFiveAnswersEverywhere() throws Exception {
		JsonNode body = get(QUESTION, ADMIN);
		for (String small : List.of("ASIAN", "MIXED")) {
			JsonNode g = group(body, "ETHNICITY", small);
			assertThat(g.get("suppressed").asBoolean()).isTrue();
			assertThat(g.get("numerator").isNull()).isTrue();
			assertThat(g.get("p_value").isNull()).isTrue();
		}
		HttpResponse<String> csv = quality()
			.get("/equality/audits/2.1.3?template=CASE_SUPERVISION&period=2024-Q2&unit=" + TEAM + "&format=csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).contains("ETHNICITY,ASIAN,fewer than 5,,,,,,,,,,,",
				"ETHNICITY,MIXED,fewer than 5,,,,,,,,,,,", "ETHNICITY,BLACK,,10,3,30,17,16,");
		HttpResponse<String> xlsx = quality()
			.get("/equality/audits/2.1.3?template=CASE_SUPERVISION&period=2024-Q2&unit=" + TEAM + "&format=xlsx");
		assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
		HttpResponse<String> hidden = quality()
			.get("/equality/audits/2.1.3/cases?template=CASE_SUPERVISION&period=2024-Q2&unit=" + TEAM
					+ "&characteristic=ETHNICITY&group=ASIAN");
		assertThat(hidden.statusCode()).isEqualTo(404);
		assertThat(hidden.body()).contains("fewer than 5 answers");
	}

	@Test
	void theOverviewCountsGroupsLowerPerKeyQuestionAndLinksFromTheEqualityOverview() {
		String page = quality().get("/equality/audits?period=2024-Q2&unit=" + TEAM).body();
		assertThat(page).contains("April to June 2024", "Lower than the rest, significant",
				"Higher than the rest, significant", "1 groups lower: 2.1.3, Ethnicity",
				"0 groups lower: 2.1.1, Ethnicity");
		HttpResponse<String> csv = quality().get("/equality/audits?period=2024-Q2&unit=" + TEAM + "&format=csv");
		assertThat(csv.body()).contains("CASE_SUPERVISION,2.1.3,");
		assertThat(csv.body()).contains(",27,0,0,0,1,0,0,0,0");
		String detail = quality().get("/equality/audits/2.1.3?template=CASE_SUPERVISION&period=2024-Q2&unit=" + TEAM)
			.body();
		String ethnicity = detail.substring(detail.indexOf("id=\"ETHNICITY\""), detail.indexOf("id=\"RELIGION\""));
		assertThat(ethnicity.indexOf(">Black<")).isLessThan(ethnicity.indexOf(">Asian<"));
		assertThat(ethnicity).contains("30.0%", "-64.1 points", "fewer than 5");
		assertThat(quality().get("/equality?period=2024-Q2&unit=" + TEAM).body())
			.contains("/equality/audits?period=2024-Q2&amp;unit=" + TEAM);
	}

	@Test
	void listsTheAuditsBehindAGroupAndLogsThem() {
		HttpResponse<String> response = quality()
			.get("/equality/audits/2.1.3/cases?template=CASE_SUPERVISION&period=2024-Q2&unit=" + TEAM
					+ "&characteristic=ETHNICITY&group=BLACK");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("10 audits of the group", "3 of 10");
		List<String> crns = this.jdbc.sql("""
				select a.crn from case_audit a join person p on p.crn = a.crn
				where a.team_code = :team and p.ethnicity = 'BLACK' and a.completed_at < timestamptz '2024-06-30 12:00Z'
				""").param("team", TEAM).query(String.class).list();
		assertThat(crns).hasSize(10);
		for (String crn : crns) {
			assertThat(response.body()).contains(crn);
			assertThat(this.accessLog.page(crn, "equ-quality", 1, 10).entries())
				.anySatisfy((e) -> assertThat(e.outcome()).isEqualTo(CaseAccessLog.Outcome.LISTED));
		}
	}

	@Test
	void anotherTeamsManagerAndAnotherPractitionerAreRefused() throws Exception {
		assertThat(send(QUESTION, "equ-manager-two:secret-equ-2").statusCode()).isEqualTo(403);
		assertThat(send("/api/v1/equality/audits/2.1.3?template=CASE_SUPERVISION&period=2024-Q2&staff=" + STAFF,
				"equ-manager-two:secret-equ-2")
			.statusCode()).isEqualTo(403);
		JsonNode own = get("/api/v1/equality/audits/2.1.3?template=CASE_SUPERVISION&period=2024-Q2&unit=" + OTHER_TEAM,
				"equ-manager-two:secret-equ-2");
		assertThat(group(own, "SEX", "MALE").get("denominator").asLong()).isZero();
		PageSession other = new PageSession(this.port).signedIn("equ-manager-two", "secret-equ-2");
		assertThat(other.get("/equality/audits?period=2024-Q2&unit=" + TEAM).statusCode()).isEqualTo(403);
		assertThat(
				other.get("/equality/audits/2.1.3?template=CASE_SUPERVISION&period=2024-Q2&unit=" + TEAM).statusCode())
			.isEqualTo(403);
		assertThat(other
			.get("/equality/audits/2.1.3/cases?template=CASE_SUPERVISION&period=2024-Q2&unit=" + TEAM
					+ "&characteristic=ETHNICITY&group=BLACK")
			.statusCode()).isEqualTo(403);
		// the practitioner audited sees their own figures
		JsonNode mine = get("/api/v1/equality/audits/2.1.3?template=CASE_SUPERVISION&period=2024-Q2&staff=" + STAFF,
				"equ-practitioner:secret-equ-3");
		assertThat(group(mine, "ETHNICITY", "BLACK").get("denominator").asLong()).isEqualTo(10);
		assertThat(send(QUESTION, "equ-practitioner:secret-equ-3").statusCode()).isEqualTo(403);
	}

	@Test
	void refusesUnknownKeyQuestionsAndBadPeriodsWithAMessage() throws Exception {
		for (var e : java.util.Map
			.of("/api/v1/equality/audits/9.9.9?period=2024-Q2&unit=" + TEAM, 404,
					"/api/v1/equality/audits/S.1.1?period=2024-Q2&unit=" + TEAM, 404,
					"/api/v1/equality/audits/2.1.3?period=2024-Q2&unit=" + TEAM + "&template=UNPAID_WORK", 404,
					"/api/v1/equality/audits/2.1.3?template=CASE_SUPERVISION&period=2024-Q9&unit=" + TEAM, 400,
					"/api/v1/equality/audits/2.1.3?template=CASE_SUPERVISION&period=2024-Q2", 400)
			.entrySet()) {
			HttpResponse<String> response = send(e.getKey(), ADMIN);
			assertThat(response.statusCode()).as(e.getKey()).isEqualTo(e.getValue());
			assertThat(this.json.readTree(response.body()).get("message").asString()).as(e.getKey()).isNotBlank();
		}
	}

	private PageSession quality() {
		return new PageSession(this.port).signedIn("equ-quality", "secret-equ-1");
	}

	private static JsonNode group(JsonNode body, String characteristic, String group) {
		for (JsonNode c : body.get("characteristics")) {
			if (c.get("characteristic").asString().equals(characteristic)) {
				for (JsonNode g : c.get("groups")) {
					if (g.get("group").asString().equals(group)) {
						return g;
					}
				}
			}
		}
		throw new AssertionError("No group " + characteristic + " " + group);
	}

	private JsonNode get(String path, String credentials) throws Exception {
		HttpResponse<String> response = send(path, credentials);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> send(String path, String credentials) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
