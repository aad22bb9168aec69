package org.probity.equality;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.measures.MeasureRecomputation;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code GET /api/v1/equality/{measure}} over HTTP on hand-built cases: completions of
 * community orders (SL008) in team EQAT1 of practitioner EQA0001, the first quarter of
 * 2024. January: 12 men, all Black, 10 completed. March: 12 women, White, 4 completed,
 * and 3 people whose sex is not recorded, White, 1 completed. Team EQAT2 (same LDU): 6
 * Asian men in March, all completed. Everyone else alike: 29 years old, no religion,
 * single, not disabled, sexual orientation and gender identity not recorded.
 */
@IntegrationTest
class EqualityApiTests {

	static final String LDU = "EQAL1";

	static final String TEAM = "EQAT1";

	static final String OTHER_TEAM = "EQAT2";

	static final String STAFF = "EQA0001";

	static final String OTHER_STAFF = "EQA0002";

	static final String ADMIN = "admin:test-admin-password";

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	final ObjectMapper json = new ObjectMapper();

	@BeforeAll
	static void load(@Autowired JdbcClient jdbc, @Autowired MeasureRecomputation recomputation,
			@Autowired Accounts accounts) {
		new EqualityTestData(jdbc, "EQA", 'Q').firstQuarterOf2024();
		recomputation.recomputeAll();
		accounts.createOrReset("eqa-manager-two", "Manager Two", Role.LINE_MANAGER, null, new UnitCode(OTHER_TEAM),
				"secret-eqa-1");
		accounts.createOrReset("eqa-practitioner", "Practitioner", Role.PRACTITIONER, new StaffCode(STAFF), null,
				"secret-eqa-2");
	}

	@Test
	void poolsTheQuarterAndComparesEachGroupWithTheRest() throws Exception {
		JsonNode body = get("/api/v1/equality/SL008?period=2024-Q1&unit=" + TEAM, ADMIN);
		assertThat(body.get("measure").asString()).isEqualTo("SL008");
		assertThat(body.get("period").asString()).isEqualTo("2024-Q1");
		assertThat(body.get("unit").asString()).isEqualTo(TEAM);
		assertThat(body.has("staff")).isFalse();
		JsonNode black = group(body, "ETHNICITY", "BLACK");
		assertThat(black.get("suppressed").asBoolean()).isFalse();
		assertThat(black.get("numerator").asLong()).isEqualTo(10);
		assertThat(black.get("denominator").asLong()).isEqualTo(12);
		assertThat(black.get("performance").asDouble()).isEqualTo(83.33333333333333);
		assertThat(black.get("rest_numerator").asLong()).isEqualTo(5);
		assertThat(black.get("rest_denominator").asLong()).isEqualTo(15);
		assertThat(black.get("difference").asDouble()).isEqualTo(49.99999999999999);
		assertThat(black.get("rate_ratio").asDouble()).isEqualTo(2.5000000000000004);
		// chi-square without correction on [[10, 2], [5, 10]] (scipy chi2_contingency,
		// correction=False); every expected count at least 5.33
		assertThat(black.get("p_value").asDouble()).isCloseTo(0.009374768459434898, within(1e-12));
		// three comparisons (Black, White, women): q = 0.01298 for each (scipy
		// false_discovery_control)
		assertThat(black.get("q_value").asDouble()).isCloseTo(0.012982972930050131, within(1e-12));
		assertThat(black.get("significant").asBoolean()).isTrue();
		assertThat(black.get("direction").asString()).isEqualTo("HIGHER");
		JsonNode white = group(body, "ETHNICITY", "WHITE");
		assertThat(white.get("direction").asString()).isEqualTo("LOWER");
		JsonNode mixed = group(body, "ETHNICITY", "MIXED");
		assertThat(mixed.get("denominator").asLong()).isZero();
		assertThat(mixed.get("performance").isNull()).isTrue();
		assertThat(mixed.get("p_value").isNull()).isTrue();
		assertThat(mixed.get("direction").asString()).isEqualTo("NONE");
	}

	@Test
	void suppressesTheNotRecordedThreeAndTheFirstOfTwoTiedNextSmallest() throws Exception {
		JsonNode body = get("/api/v1/equality/SL008?period=2024-Q1&unit=" + TEAM, ADMIN);
		JsonNode notRecorded = group(body, "SEX", "NOT_RECORDED");
		assertThat(notRecorded.get("suppressed").asBoolean()).isTrue();
		assertThat(notRecorded.get("numerator").isNull()).isTrue();
		assertThat(notRecorded.get("denominator").isNull()).isTrue();
		// men and women both 12: men come first in the table
		JsonNode men = group(body, "SEX", "MALE");
		assertThat(men.get("suppressed").asBoolean()).isTrue();
		assertThat(men.get("performance").isNull()).isTrue();
		assertThat(men.get("q_value").isNull()).isTrue();
		JsonNode women = group(body, "SEX", "FEMALE");
		assertThat(women.get("suppressed").asBoolean()).isFalse();
		assertThat(women.get("denominator").asLong()).isEqualTo(12);
		// [[4, 8], [10, 2]]: the smallest expected count is exactly 5, so chi-square
		assertThat(women.get("p_value").asDouble()).isCloseTo(0.012982972930050131, within(1e-12));
		assertThat(women.get("direction").asString()).isEqualTo("LOWER");
	}

	@Test
	void listsEveryGroupOfAllEightCharacteristicsInOrder() throws Exception {
		JsonNode body = get("/api/v1/equality/SL008?period=2024-Q1&unit=" + TEAM, ADMIN);
		List<String> characteristics = body.get("characteristics")
			.valueStream()
			.map((c) -> c.get("characteristic").asString())
			.toList();
		assertThat(characteristics).containsExactly("AGE", "SEX", "GENDER_REASSIGNMENT", "ETHNICITY", "RELIGION",
				"SEXUAL_ORIENTATION", "DISABILITY", "MARITAL_STATUS");
		for (JsonNode c : body.get("characteristics")) {
			Characteristic characteristic = Characteristic.valueOf(c.get("characteristic").asString());
			assertThat(c.get("groups").valueStream().map((g) -> g.get("group").asString()).toList())
				.containsExactlyElementsOf(characteristic.groups());
			assertThat(c.get("groups").get(0).propertyNames()).containsExactly("group", "suppressed", "numerator",
					"denominator", "performance", "rest_numerator", "rest_denominator", "difference", "rate_ratio",
					"p_value", "q_value", "significant", "direction");
		}
		// everyone is 29 and of no religion: no rest to compare with
		JsonNode age = group(body, "AGE", "25_34");
		assertThat(age.get("denominator").asLong()).isEqualTo(27);
		assertThat(age.get("rest_denominator").asLong()).isZero();
		assertThat(age.get("difference").isNull()).isTrue();
		assertThat(age.get("p_value").isNull()).isTrue();
		assertThat(group(body, "GENDER_REASSIGNMENT", "NOT_RECORDED").get("denominator").asLong()).isEqualTo(27);
		assertThat(group(body, "GENDER_REASSIGNMENT", "NOT_RECORDED").get("rest_denominator").isNull()).isTrue();
	}

	@Test
	void aMonthHasOnlyItsOwnRows() throws Exception {
		JsonNode january = get("/api/v1/equality/SL008?period=2024-01&unit=" + TEAM, ADMIN);
		assertThat(group(january, "SEX", "MALE").get("denominator").asLong()).isEqualTo(12);
		assertThat(group(january, "SEX", "FEMALE").get("denominator").asLong()).isZero();
		assertThat(group(january, "ETHNICITY", "BLACK").get("p_value").isNull()).isTrue();
	}

	@Test
	void aUnitCountsTheRowsOfEveryTeamUnderIt() throws Exception {
		JsonNode ldu = get("/api/v1/equality/SL008?period=2024-Q1&unit=" + LDU, ADMIN);
		assertThat(group(ldu, "ETHNICITY", "ASIAN").get("denominator").asLong()).isEqualTo(6);
		assertThat(group(ldu, "SEX", "MALE").get("denominator").asLong()).isEqualTo(18);
		assertThat(group(ldu, "SEX", "MALE").get("numerator").asLong()).isEqualTo(16);
	}

	@Test
	void givesAPractitionersFiguresToThemButNoOneElses() throws Exception {
		var own = send("/api/v1/equality/SL008?period=2024-Q1&staff=" + STAFF, "eqa-practitioner:secret-eqa-2");
		assertThat(own.statusCode()).isEqualTo(200);
		JsonNode body = this.json.readTree(own.body());
		assertThat(body.get("staff").asString()).isEqualTo(STAFF);
		assertThat(body.has("unit")).isFalse();
		assertThat(group(body, "ETHNICITY", "BLACK").get("denominator").asLong()).isEqualTo(12);
		assertThat(send("/api/v1/equality/SL008?period=2024-Q1&staff=" + OTHER_STAFF, "eqa-practitioner:secret-eqa-2")
			.statusCode()).isEqualTo(403);
		assertThat(send("/api/v1/equality/SL008?period=2024-Q1&unit=" + TEAM, "eqa-practitioner:secret-eqa-2")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void aManagerOfAnotherTeamIsRefused() throws Exception {
		var refused = send("/api/v1/equality/SL008?period=2024-Q1&unit=" + TEAM, "eqa-manager-two:secret-eqa-1");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("message");
		assertThat(send("/api/v1/equality/SL008?period=2024-Q1&staff=" + STAFF, "eqa-manager-two:secret-eqa-1")
			.statusCode()).isEqualTo(403);
		assertThat(send("/api/v1/equality/SL008?period=2024-Q1&unit=" + OTHER_TEAM, "eqa-manager-two:secret-eqa-1")
			.statusCode()).isEqualTo(200);
		assertThat(
				send("/api/v1/equality/SL008?period=2024-Q1&unit=" + LDU, "eqa-manager-two:secret-eqa-1").statusCode())
			.isEqualTo(403);
	}

	@Test
	void refusesUnknownMeasuresUnitsAndPeriodsWithAMessage() throws Exception {
		Map<String, Integer> expected = Map.of("/api/v1/equality/NOPE?period=2024-Q1&unit=" + TEAM, 404,
				"/api/v1/equality/SL008?period=2024-Q1&unit=NOSUCHUNIT", 404,
				"/api/v1/equality/SL008?period=2024-Q1&staff=NOSUCH1", 404,
				"/api/v1/equality/SL008?period=2024-Q1&unit=A-CODE-FAR-TOO-LONG", 404,
				"/api/v1/equality/SL008?period=2024-13&unit=" + TEAM, 400,
				"/api/v1/equality/SL008?period=soon&unit=" + TEAM, 400, "/api/v1/equality/SL008?unit=" + TEAM, 400,
				"/api/v1/equality/SL008?period=2024-Q1", 400,
				"/api/v1/equality/SL008?period=2024-Q1&unit=" + TEAM + "&staff=" + STAFF, 400);
		for (var e : expected.entrySet()) {
			var response = send(e.getKey(), ADMIN);
			assertThat(response.statusCode()).as(e.getKey()).isEqualTo(e.getValue());
			assertThat(this.json.readTree(response.body()).get("message").asString()).as(e.getKey()).isNotBlank();
		}
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
