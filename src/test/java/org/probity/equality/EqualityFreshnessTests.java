package org.probity.equality;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.probity.IntegrationTest;
import org.probity.measures.MeasureRecomputation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import of people changes characteristics and no measure: the figures read after it
 * follow it, on the unit path (monthly counts kept per unit) and the practitioner's.
 */
@IntegrationTest
class EqualityFreshnessTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeasureRecomputation recomputation;

	final ObjectMapper json = new ObjectMapper();

	@Test
	void aPeopleImportIsInTheNextFiguresRead() throws Exception {
		EqualityTestData data = new EqualityTestData(this.jdbc, "EQF", 'F').firstQuarterOf2024();
		this.recomputation.recomputeAll();
		String unit = "/api/v1/equality/SL008?period=2024-Q1&unit=" + data.team();
		String staff = "/api/v1/equality/SL008?period=2024-Q1&staff=" + data.staff();
		assertThat(black(unit).get("denominator").asLong()).isEqualTo(12);
		assertThat(black(staff).get("denominator").asLong()).isEqualTo(12);
		// five of the women are recorded as Black from now on
		List<String> women = this.jdbc.sql("""
				select p.crn from person p join event e on e.crn = p.crn
				where e.team_code = :team and p.sex = 'FEMALE' order by p.crn limit 5
				""").param("team", data.team()).query(String.class).list();
		StringBuilder csv = new StringBuilder("crn,forename,surname,date_of_birth,sex,gender_identity_same_as_birth,"
				+ "ethnicity,religion,sexual_orientation,disability,marital_status,restricted\n");
		for (String crn : women) {
			csv.append(crn).append(",Sam,Person,1994-06-15,FEMALE,,BLACK,NONE,NOT_RECORDED,N,SINGLE,N\n");
		}
		HttpResponse<String> imported = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/imports/people"))
				.header("Authorization", basic())
				.header("Content-Type", "text/csv")
				.POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		assertThat(black(unit).get("denominator").asLong()).isEqualTo(17);
		assertThat(black(unit).get("numerator").asLong()).isBetween(10L, 15L);
		assertThat(black(staff).get("denominator").asLong()).isEqualTo(17);
	}

	private JsonNode black(String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Authorization", basic())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		for (JsonNode c : this.json.readTree(response.body()).get("characteristics")) {
			if (c.get("characteristic").asString().equals("ETHNICITY")) {
				for (JsonNode g : c.get("groups")) {
					if (g.get("group").asString().equals("BLACK")) {
						return g;
					}
				}
			}
		}
		throw new AssertionError("No Black group");
	}

	private static String basic() {
		return "Basic "
				+ Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
	}

}
