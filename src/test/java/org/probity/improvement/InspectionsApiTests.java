package org.probity.improvement;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.probity.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Published inspections: the overall score and rating by the audits module's rules. */
@IntegrationTest
class InspectionsApiTests {

	static final List<String> STANDARDS = List.of("1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "4.1", "4.2");

	@LocalServerPort
	int port;

	private ApiClient api() {
		return new ApiClient(this.port, "admin", "test-admin-password");
	}

	private static String ratings(String... ratings) {
		List<String> pairs = new ArrayList<>();
		for (int i = 0; i < ratings.length; i++) {
			pairs.add("\"" + STANDARDS.get(i) + "\": \"" + ratings[i] + "\"");
		}
		return "{" + String.join(", ", pairs) + "}";
	}

	private static String[] of(int outstanding, int good, int requiresImprovement, int inadequate) {
		List<String> all = new ArrayList<>();
		all.addAll(java.util.Collections.nCopies(outstanding, "OUTSTANDING"));
		all.addAll(java.util.Collections.nCopies(good, "GOOD"));
		all.addAll(java.util.Collections.nCopies(requiresImprovement, "REQUIRES_IMPROVEMENT"));
		all.addAll(java.util.Collections.nCopies(inadequate, "INADEQUATE"));
		return all.toArray(String[]::new);
	}

	private ApiClient.Response create(String ratings) throws Exception {
		return api().post("/api/v1/inspections", """
				{"name": "Inspection of IAT", "unit_code": "IATP", "published_on": "2019-07-17", "ratings": %s}
				""".formatted(ratings));
	}

	@Test
	void theSeedsInspectionScoresThirteenAndRequiresImprovement() throws Exception {
		// Warwickshire & West Mercia CRC, 2019: three standards Good, seven Requires
		// improvement
		ApiClient.Response created = create(ratings(of(0, 3, 7, 0)));

		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.body().get("score").asInt()).isEqualTo(13);
		assertThat(created.body().get("overall").asString()).isEqualTo("REQUIRES_IMPROVEMENT");
		long id = created.body().get("inspection_id").asLong();
		ApiClient.Response read = api().get("/api/v1/inspections/" + id);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.body().get("score").asInt()).isEqualTo(13);
		assertThat(read.body().get("published_on").asString()).isEqualTo("2019-07-17");
		assertThat(read.body().get("ratings").get("1.1").asString()).isEqualTo("GOOD");
	}

	@Test
	void theOverallRatingChangesAtEachBandEdge() throws Exception {
		assertOverall(of(0, 0, 5, 5), 5, "INADEQUATE");
		assertOverall(of(0, 0, 6, 4), 6, "REQUIRES_IMPROVEMENT");
		assertOverall(of(0, 5, 5, 0), 15, "REQUIRES_IMPROVEMENT");
		assertOverall(of(0, 6, 4, 0), 16, "GOOD");
		assertOverall(of(5, 5, 0, 0), 25, "GOOD");
		assertOverall(of(6, 4, 0, 0), 26, "OUTSTANDING");
	}

	@Test
	void aPartialSetHasNoScoreAndNoOverallRating() throws Exception {
		ApiClient.Response created = create(ratings(of(0, 3, 6, 0)));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().get("score").isNull()).isTrue();
		assertThat(created.body().get("overall").isNull()).isTrue();
		assertThat(created.body().get("ratings").size()).isEqualTo(9);
	}

	@Test
	void anUnknownStandardOrRatingIsRefusedWithAMessage() throws Exception {
		ApiClient.Response standard = create("{\"3.1\": \"GOOD\"}");
		ApiClient.Response rating = create("{\"1.1\": \"EXCELLENT\"}");
		ApiClient.Response missing = api().get("/api/v1/inspections/999999");

		assertThat(standard.status()).isEqualTo(422);
		assertThat(standard.body().get("message").asString()).contains("3.1");
		assertThat(rating.status()).isEqualTo(422);
		assertThat(rating.body().get("message").asString()).contains("EXCELLENT");
		assertThat(missing.status()).isEqualTo(404);
	}

	private void assertOverall(String[] ratings, int score, String overall) throws Exception {
		ApiClient.Response created = create(ratings(ratings));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.body().get("score").asInt()).isEqualTo(score);
		assertThat(created.body().get("overall").asString()).isEqualTo(overall);
	}

}
