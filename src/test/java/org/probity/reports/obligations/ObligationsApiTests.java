package org.probity.reports.obligations;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.reports.ReportsApiClient;
import org.probity.shared.web.PageSession;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract obligations register over real HTTP: obligations added, changed against
 * their version (409 when stale, nothing changed), reviews appended and never
 * overwritten, imports all or nothing with every bad row listed, the export imported back
 * unchanged, and overdue reviews on the owner's home page only.
 */
@IntegrationTest
class ObligationsApiTests {

	private static final String PASSWORD = "rso-password-for-tests";

	private static boolean loaded;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

	@BeforeEach
	void accounts() {
		if (loaded) {
			return;
		}
		this.accounts.createOrReset("rso-quality", "RSO quality", Role.QUALITY_TEAM, null, null, PASSWORD);
		this.accounts.createOrReset("rso-owner", "Robin Owner", Role.LINE_MANAGER, null, null, PASSWORD);
		this.accounts.createOrReset("rso-other", "Other manager", Role.LINE_MANAGER, null, null, PASSWORD);
		loaded = true;
	}

	private ReportsApiClient as(String username) {
		return new ReportsApiClient(this.port, username, PASSWORD);
	}

	private static String entry(String clause, String owner, String kind, String ref, String next, Integer version) {
		return """
				{"clause": "%s", "requirement": "Pre-release resettlement within three months of release",
				 "owner": "%s", "evidence_kind": "%s", "evidence_ref": "%s", "review_frequency": "QUARTERLY",
				 "next_review_on": "%s"%s}
				""".formatted(clause, owner, kind, ref, next, (version == null) ? "" : ", \"version\": " + version);
	}

	private JsonNode create(String clause, String owner, String next) {
		ReportsApiClient.Response r = as("rso-quality").json("POST", "/api/v1/obligations",
				entry(clause, owner, "MEASURE", "SL002R", next, null));
		assertThat(r.status()).as(r.text()).isEqualTo(201);
		return r.body();
	}

	@Test
	void anEditNamesTheVersionItWasMadeFromAndAStaleOneChangesNothing() {
		JsonNode created = create("RSO Schedule 7 OM4", "rso-quality", this.today.plusMonths(2).toString());
		long id = created.get("obligation_id").asLong();
		int version = created.get("version").asInt();
		ReportsApiClient.Response edited = as("rso-quality").json("PUT", "/api/v1/obligations/" + id,
				entry("RSO Schedule 7 OM4", "rso-owner", "DOCUMENT", "Resettlement audit", "2027-01-31", version));
		assertThat(edited.status()).as(edited.text()).isEqualTo(200);
		assertThat(edited.body().get("owner").asString()).isEqualTo("rso-owner");
		assertThat(edited.body().get("version").asInt()).isEqualTo(version + 1);
		ReportsApiClient.Response stale = as("rso-quality").json("PUT", "/api/v1/obligations/" + id,
				entry("RSO Schedule 7 OM4", "rso-quality", "MEASURE", "SL001R", "2027-02-28", version));
		assertThat(stale.status()).isEqualTo(409);
		JsonNode now = as("rso-quality").get("/api/v1/obligations/" + id).body();
		assertThat(now.get("obligation").get("evidence_ref").asString()).isEqualTo("Resettlement audit");
		assertThat(now.get("changes").findValuesAsString("change")).containsExactly("Created", "Edited");
	}

	@Test
	void reviewsAreAppendedAndNeverOverwritten() {
		JsonNode created = create("RSO Schedule 7 OM8", "rso-owner", this.today.plusDays(3).toString());
		long id = created.get("obligation_id").asLong();
		ReportsApiClient.Response first = as("rso-owner").json("POST", "/api/v1/obligations/" + id + "/reviews", """
				{"version": %d, "reviewed_on": "%s", "rag": "AMBER", "note": "Two LDUs below target"}
				""".formatted(created.get("version").asInt(), this.today.minusDays(1)));
		assertThat(first.status()).as(first.text()).isEqualTo(201);
		assertThat(first.body().get("next_review_on").asString())
			.isEqualTo(this.today.minusDays(1).plusMonths(3).toString());
		assertThat(first.body().get("last_review").get("rag").asString()).isEqualTo("AMBER");
		// a review from the version before is refused
		ReportsApiClient.Response stale = as("rso-quality").json("POST", "/api/v1/obligations/" + id + "/reviews", """
				{"version": %d, "reviewed_on": "%s", "rag": "GREEN", "note": "All fine"}
				""".formatted(created.get("version").asInt(), this.today));
		assertThat(stale.status()).isEqualTo(409);
		ReportsApiClient.Response second = as("rso-quality").json("POST", "/api/v1/obligations/" + id + "/reviews", """
				{"version": %d, "reviewed_on": "%s", "rag": "GREEN", "note": "Back on target"}
				""".formatted(first.body().get("version").asInt(), this.today));
		assertThat(second.status()).isEqualTo(201);
		JsonNode detail = as("rso-quality").get("/api/v1/obligations/" + id).body();
		assertThat(detail.get("reviews").findValuesAsString("note")).containsExactly("Back on target",
				"Two LDUs below target");
		assertThatThrownBy(
				() -> this.jdbc.sql("update obligation_review set note = 'changed' where obligation_id = :id")
					.param("id", id)
					.update())
			.hasMessageContaining("never changed");
		// a review in the future, an unknown RAG and no note: every problem listed
		ReportsApiClient.Response invalid = as("rso-quality").json("POST", "/api/v1/obligations/" + id + "/reviews", """
				{"version": %d, "reviewed_on": "%s", "rag": "PURPLE", "note": " "}
				""".formatted(second.body().get("version").asInt(), this.today.plusDays(1)));
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.body().get("errors").findValuesAsString("field")).containsExactly("reviewed_on", "rag",
				"note");
		// someone else's obligation: not theirs to read or review
		assertThat(as("rso-other").get("/api/v1/obligations/" + id).status()).isEqualTo(403);
		assertThat(as("rso-other").json("POST", "/api/v1/obligations/" + id + "/reviews", """
				{"version": 9, "reviewed_on": "2026-01-01", "rag": "GREEN", "note": "x"}
				""").status()).isEqualTo(403);
		assertThat(as("rso-owner").get("/api/v1/obligations").status()).isEqualTo(403);
	}

	@Test
	void anImportWithBadRowsListsEveryOneAndAppliesNothing() {
		String csv = """
				clause,requirement,owner,evidence_kind,evidence_ref,review_frequency,next_review_on
				RSO Import good,Attendance at appointments,rso-quality,MEASURE,ATTENDANCE,QUARTERLY,2027-01-31
				RSO Import bad owner,Something,nobody-here,DOCUMENT,Doc,MONTHLY,2027-01-31
				RSO Import bad kind,Something,rso-quality,WEBSITE,Doc,MONTHLY,2027-01-31
				RSO Import bad date,Something,rso-quality,MEASURE,SL999,WEEKLY,31/01/2027
				RSO Import good,Again,rso-quality,DOCUMENT,Doc,MONTHLY,2027-01-31
				""";
		ReportsApiClient.Response r = as("rso-quality").csv("/api/v1/obligations", csv);
		assertThat(r.status()).as(r.text()).isEqualTo(422);
		List<String> rows = r.body().get("errors").findValuesAsString("row");
		assertThat(rows).containsExactly("3", "4", "5", "5", "5", "6");
		assertThat(r.body().get("errors").findValuesAsString("field")).containsExactly("owner", "evidence_kind",
				"evidence_ref", "review_frequency", "next_review_on", "clause");
		assertThat(this.jdbc.sql("select count(*) from obligation where clause like 'RSO Import%'")
			.query(Long.class)
			.single()).isZero();
		assertThat(as("rso-quality").csv("/api/v1/obligations", "clause,owner\nx,y\n").status()).isEqualTo(422);
	}

	@Test
	void theExportImportsBackUnchanged() {
		String csv = """
				clause,requirement,owner,evidence_kind,evidence_ref,review_frequency,next_review_on
				RSO Export one,"=Formula-looking, requirement",rso-quality,DOCUMENT,-Annual report,ANNUAL,2027-03-31
				RSO Export two,Breach referrals,rso-owner,MEASURE,SL016,SIX_MONTHLY,2027-04-30
				""";
		ReportsApiClient.Response imported = as("rso-quality").csv("/api/v1/obligations", csv);
		assertThat(imported.status()).as(imported.text()).isEqualTo(200);
		assertThat(imported.body().get("inserted").asInt()).isEqualTo(2);
		PageSession page = new PageSession(this.port).signedIn("rso-quality", PASSWORD);
		String export = new String(page.getBytes("/reports/obligations?format=csv").body(), StandardCharsets.UTF_8);
		assertThat(export).contains("'=Formula-looking, requirement").contains("'-Annual report");
		ReportsApiClient.Response again = as("rso-quality").csv("/api/v1/obligations", export);
		assertThat(again.status()).as(again.text()).isEqualTo(200);
		assertThat(again.body().get("inserted").asInt()).isZero();
		assertThat(again.body().get("updated").asInt()).isZero();
		assertThat(this.jdbc.sql("select requirement from obligation where clause = 'RSO Export one'")
			.query(String.class)
			.single()).isEqualTo("=Formula-looking, requirement");
		assertThat(page.getBytes("/reports/obligations?format=xlsx").statusCode()).isEqualTo(200);
	}

	@Test
	void anOverdueReviewIsOnItsOwnersHomePageOnly() {
		create("RSO Schedule 9 Part 1 3.1", "rso-owner", this.today.minusDays(1).toString());
		create("RSO Schedule 9 Part 2 1", "rso-owner", this.today.toString());
		String home = new PageSession(this.port).signedIn("rso-owner", PASSWORD).get("/").body();
		assertThat(home).contains("Contract obligation reviews overdue")
			.contains("RSO Schedule 9 Part 1 3.1")
			.doesNotContain("RSO Schedule 9 Part 2 1");
		assertThat(new PageSession(this.port).signedIn("rso-other", PASSWORD).get("/").body())
			.doesNotContain("RSO Schedule 9 Part 1 3.1");
		// the owner opens it from there and records the review on its page
		PageSession owner = new PageSession(this.port).signedIn("rso-owner", PASSWORD);
		long id = this.jdbc.sql("select obligation_id from obligation where clause = 'RSO Schedule 9 Part 1 3.1'")
			.query(Long.class)
			.single();
		assertThat(owner.get("/reports/obligations/" + id).statusCode()).isEqualTo(200);
		String csrf = owner.csrfToken("/reports/obligations/" + id);
		var stale = owner.postForm("/reports/obligations/" + id + "/reviews", Map.of("_csrf", csrf, "version", "99",
				"reviewedOn", this.today.toString(), "rag", "GREEN", "note", "Typed note"));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("Typed note").contains("Someone else changed this obligation");
		var done = owner.postForm("/reports/obligations/" + id + "/reviews", Map.of("_csrf", csrf, "version", "0",
				"reviewedOn", this.today.toString(), "rag", "GREEN", "note", "Done"));
		assertThat(done.statusCode()).isIn(302, 303);
		assertThat(owner.get("/").body()).doesNotContain("RSO Schedule 9 Part 1 3.1");
	}

	@Test
	void aNewObligationWithProblemsListsEveryOne() {
		ReportsApiClient.Response r = as("rso-quality").json("POST", "/api/v1/obligations", """
				{"clause": "", "requirement": "x", "owner": "nobody-here", "evidence_kind": "MEASURE",
				 "evidence_ref": "NOPE", "review_frequency": "DAILY", "next_review_on": "2027-02-30"}
				""");
		assertThat(r.status()).isEqualTo(422);
		assertThat(r.body().get("errors").findValuesAsString("field")).containsExactly("clause", "owner",
				"evidence_ref", "review_frequency", "next_review_on");
	}

}
