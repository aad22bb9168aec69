package org.probity.reports;

import java.time.LocalDate;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.measures.MeasureRecomputation;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly pack through the reports API over real HTTP: its figures are the measures
 * API's, an approved pack is frozen against a re-import while a re-issue reads the new
 * data, the commentary is written on a draft's measures below target only, and refused
 * changes say why with 400, 404, 409 and 422.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyPackApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeasureRecomputation recomputation;

	@Autowired
	Accounts accounts;

	PackTestData data;

	List<String[]> octoberUnseen;

	ReportsApiClient quality;

	ReportsApiClient senior;

	ReportsApiClient admin;

	@BeforeAll
	void load() {
		this.data = new PackTestData(this.jdbc, "RPA", 610000).estate(this.accounts);
		// September: team 1 9 of 10 seen, team 2 3 of 6
		this.data.orders(1, LocalDate.of(2026, 9, 7), 9, 1);
		this.data.orders(2, LocalDate.of(2026, 9, 7), 3, 3);
		// October: team 1 all 8 seen, team 2 2 of 6
		this.data.orders(1, LocalDate.of(2026, 10, 5), 8, 0);
		this.octoberUnseen = this.data.orders(2, LocalDate.of(2026, 10, 5), 2, 4);
		// March, for the commentary's own pack: team 2 1 of 6 seen
		this.data.orders(2, LocalDate.of(2026, 3, 9), 1, 5);
		this.recomputation.recomputeAll();
		this.quality = new ReportsApiClient(this.port, this.data.user("quality"), PackTestData.PASSWORD);
		this.senior = new ReportsApiClient(this.port, this.data.user("senior"), PackTestData.PASSWORD);
		this.admin = new ReportsApiClient(this.port, "admin", "test-admin-password");
	}

	@Test
	void thePacksFiguresAreTheMeasuresApisForTheSameMonthAndUnits() {
		JsonNode pack = content(generate("2026-09"));
		assertThat(pack.get("measures").size()).isGreaterThan(10);
		int compared = 0;
		for (JsonNode m : pack.get("measures")) {
			String code = m.get("code").asString();
			compared += same(m.get("provider"), code, this.data.provider());
			assertThat(m.get("ldus")).hasSize(2);
			for (JsonNode ldu : m.get("ldus")) {
				compared += same(ldu, code, ldu.get("unit_code").asString());
			}
		}
		assertThat(compared).isEqualTo(3 * pack.get("measures").size());
		JsonNode initial = measure(pack, "SL001R").get("provider");
		assertThat(initial.get("numerator").asLong()).isEqualTo(12);
		assertThat(initial.get("denominator").asLong()).isEqualTo(16);
	}

	@Test
	void anApprovedPackDoesNotChangeAfterAReimportAndAReissueReadsTheNewData() {
		JsonNode draft = generate("2026-10");
		long id = draft.get("id").asLong();
		JsonNode content = content(draft);
		assertThat(measure(content, "SL001R").get("provider").get("numerator").asLong()).isEqualTo(10);
		int version = commentOnEveryFailingMeasure(id, content);
		JsonNode submitted = this.quality
			.post("/api/v1/reports/" + id + "/status", "{\"status\": \"SUBMITTED\", \"version\": " + version + "}")
			.body();
		assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
		ReportsApiClient.Response approved = this.senior.post("/api/v1/reports/" + id + "/status",
				"{\"status\": \"APPROVED\", \"version\": " + submitted.get("version").asInt() + "}");
		assertThat(approved.status()).isEqualTo(200);
		String frozen = this.admin.get("/api/v1/reports/" + id).body().get("content").toString();

		// the contacts of October arrive late: every order of team 2 was in fact seen
		for (String[] unseen : this.octoberUnseen) {
			this.data.seen(unseen[0], unseen[1], 2, LocalDate.of(2026, 10, 6));
		}
		this.recomputation.recomputeAll();

		JsonNode after = this.admin.get("/api/v1/reports/" + id).body();
		assertThat(after.get("status").asString()).isEqualTo("APPROVED");
		assertThat(after.get("approved_by").asString()).isEqualTo(this.data.user("senior"));
		assertThat(after.get("content").toString()).isEqualTo(frozen);

		ReportsApiClient.Response refused = this.quality.post("/api/v1/reports/monthly-pack",
				"{\"month\": \"2026-10\", \"unit\": \"" + this.data.provider() + "\"}");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().get("message").asString()).contains("reason");

		ReportsApiClient.Response reissue = this.quality.post("/api/v1/reports/monthly-pack",
				"{\"month\": \"2026-10\", \"unit\": \"" + this.data.provider()
						+ "\", \"reason\": \"October's contacts were re-imported\"}");
		assertThat(reissue.status()).isEqualTo(201);
		assertThat(reissue.body().get("issue").asInt()).isEqualTo(2);
		JsonNode reissued = this.admin.get("/api/v1/reports/" + reissue.body().get("id").asLong()).body();
		assertThat(reissued.get("reissue_reason").asString()).isEqualTo("October's contacts were re-imported");
		assertThat(measure(reissued.get("content"), "SL001R").get("provider").get("numerator").asLong()).isEqualTo(14);
		assertThat(this.admin.get("/api/v1/reports/" + id).body().get("content").toString()).isEqualTo(frozen);
	}

	@Test
	void aStaleVersionIsAConflictAndAnInvalidTransitionIsRefusedWithWhy() {
		JsonNode draft = generate("2026-08");
		long id = draft.get("id").asLong();
		int version = draft.get("version").asInt();

		ReportsApiClient.Response stale = this.quality.post("/api/v1/reports/" + id + "/status",
				"{\"status\": \"SUBMITTED\", \"version\": " + (version + 7) + "}");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body().get("message").asString()).contains("reload");

		ReportsApiClient.Response approveADraft = this.senior.post("/api/v1/reports/" + id + "/status",
				"{\"status\": \"APPROVED\", \"version\": " + version + "}");
		assertThat(approveADraft.status()).isEqualTo(422);
		assertThat(approveADraft.body().get("message").asString()).contains("cannot be made approved");

		ReportsApiClient.Response issued = this.quality.post("/api/v1/reports/" + id + "/status",
				"{\"status\": \"ISSUED\", \"version\": " + version + "}");
		assertThat(issued.status()).isEqualTo(422);

		ReportsApiClient.Response unknown = this.quality.post("/api/v1/reports/" + id + "/status",
				"{\"status\": \"PUBLISHED\", \"version\": " + version + "}");
		assertThat(unknown.status()).isEqualTo(400);

		assertThat(this.admin.get("/api/v1/reports/" + id).body().get("status").asString()).isEqualTo("DRAFT");
	}

	@Test
	void theSubmitterCannotApproveTheirOwnPack() {
		JsonNode draft = generate("2026-07");
		long id = draft.get("id").asLong();
		int version = commentOnEveryFailingMeasure(id, content(draft));
		ReportsApiClient.Response submitted = this.admin.post("/api/v1/reports/" + id + "/status",
				"{\"status\": \"SUBMITTED\", \"version\": " + version + "}");
		assertThat(submitted.status()).isEqualTo(200);
		ReportsApiClient.Response own = this.admin.post("/api/v1/reports/" + id + "/status",
				"{\"status\": \"APPROVED\", \"version\": " + submitted.body().get("version").asInt() + "}");
		assertThat(own.status()).isEqualTo(422);
		assertThat(own.body().get("message").asString()).contains("someone else must approve");
		ReportsApiClient.Response byQuality = this.quality.post("/api/v1/reports/" + id + "/status",
				"{\"status\": \"APPROVED\", \"version\": " + submitted.body().get("version").asInt() + "}");
		assertThat(byQuality.status()).isEqualTo(403);
	}

	@Test
	void aMalformedOrFutureMonthIsABadRequestWithAMessage() {
		ReportsApiClient.Response malformed = this.quality.post("/api/v1/reports/monthly-pack",
				"{\"month\": \"2026-13\", \"unit\": \"" + this.data.provider() + "\"}");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body().get("message").asString()).contains("2024-03");

		ReportsApiClient.Response future = this.quality.post("/api/v1/reports/monthly-pack",
				"{\"month\": \"2027-01\", \"unit\": \"" + this.data.provider() + "\"}");
		assertThat(future.status()).isEqualTo(400);
		assertThat(future.body().get("message").asString()).contains("has not ended");

		String thisMonth = java.time.YearMonth.now(java.time.ZoneId.of("Europe/London")).toString();
		ReportsApiClient.Response current = this.quality.post("/api/v1/reports/monthly-pack",
				"{\"month\": \"" + thisMonth + "\", \"unit\": \"" + this.data.provider() + "\"}");
		assertThat(current.status()).isEqualTo(400);

		assertThat(this.quality.post("/api/v1/reports/monthly-pack", "{\"unit\": \"" + this.data.provider() + "\"}")
			.status()).isEqualTo(400);
		assertThat(this.quality.post("/api/v1/reports/monthly-pack", "not json").status()).isEqualTo(400);
		assertThat(this.quality.post("/api/v1/reports/monthly-pack", "{\"month\": \"2026-06\", \"unit\": \"NOPE1\"}")
			.status()).isEqualTo(400);
	}

	@Test
	void aLineManagerNeitherGeneratesNorReadsThePack() {
		JsonNode draft = generate("2026-06");
		ReportsApiClient manager = new ReportsApiClient(this.port, this.data.user("manager"), PackTestData.PASSWORD);
		assertThat(manager
			.post("/api/v1/reports/monthly-pack",
					"{\"month\": \"2026-06\", \"unit\": \"" + this.data.provider() + "\"}")
			.status()).isEqualTo(403);
		assertThat(manager.get("/api/v1/reports/" + draft.get("id").asLong()).status()).isEqualTo(403);
		JsonNode list = manager.get("/api/v1/reports?kind=MONTHLY_PACK").body();
		assertThat(list.get("total").asLong()).isZero();
		JsonNode all = this.quality.get("/api/v1/reports?kind=MONTHLY_PACK").body();
		assertThat(all.get("total").asLong()).isPositive();
		assertThat(this.quality.get("/api/v1/reports?kind=NOPE").status()).isEqualTo(400);
		assertThat(this.quality.get("/api/v1/reports/99999999").status()).isEqualTo(404);
		assertThat(this.quality.get("/api/v1/reports/abc").status()).isEqualTo(404);
	}

	@Test
	void theDownloadsAreAPdfAndTwoSpreadsheets() {
		long id = generate("2026-05").get("id").asLong();
		ReportsApiClient.Response pdf = this.quality.get("/api/v1/reports/" + id + ".pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).isEqualTo("application/pdf");
		assertThat(new String(pdf.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		ReportsApiClient.Response xlsx = this.quality.get("/api/v1/reports/" + id + ".xlsx");
		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(xlsx.contentType()).contains("spreadsheetml");
		ReportsApiClient.Response ods = this.quality.get("/api/v1/reports/" + id + ".ods");
		assertThat(ods.status()).isEqualTo(200);
		assertThat(ods.contentType()).contains("opendocument.spreadsheet");
	}

	@Test
	void theCommentaryIsWrittenThroughTheApiOnAMeasureBelowTargetOfADraftOnly() {
		JsonNode draft = generate("2026-03");
		long id = draft.get("id").asLong();
		int version = draft.get("version").asInt();
		JsonNode content = content(draft);
		assertThat(measure(content, "SL001R").get("provider").get("below_target").asBoolean()).isTrue();
		String path = "/api/v1/reports/" + id + "/commentary/";

		ReportsApiClient.Response written = this.quality.json("PUT", path + "SL001R", """
				{"why": "Team two's duty rota was short", "action": "Initial appointments booked at court",
				 "version": %d}
				""".formatted(version));
		assertThat(written.status()).as(written.text()).isEqualTo(200);
		assertThat(written.body().get("report").get("version").asInt()).isEqualTo(version + 1);
		assertThat(written.body().get("commentary").get("why").asString()).isEqualTo("Team two's duty rota was short");
		JsonNode stored = content(draft).get("commentary").get("SL001R");
		assertThat(stored.get("what_is_being_done").asString()).isEqualTo("Initial appointments booked at court");
		assertThat(stored.get("written_by").asString()).isEqualTo(this.data.user("quality"));

		ReportsApiClient.Response stale = this.quality.json("PUT", path + "SL001R", """
				{"why": "Overwritten?", "action": "No", "version": %d}
				""".formatted(version));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(content(draft).get("commentary").get("SL001R").get("why").asString())
			.isEqualTo("Team two's duty rota was short");
		int current = version + 1;

		String passing = null;
		for (JsonNode m : content.get("measures")) {
			if (!m.get("provider").get("below_target").asBoolean()) {
				passing = m.get("code").asString();
				break;
			}
		}
		assertThat(passing).isNotNull();
		ReportsApiClient.Response notFailing = this.quality.json("PUT", path + passing, """
				{"why": "x", "action": "y", "version": %d}
				""".formatted(current));
		assertThat(notFailing.status()).isEqualTo(422);
		assertThat(notFailing.body().get("message").asString()).contains(passing).contains("below its target");
		ReportsApiClient.Response noAction = this.quality.json("PUT", path + "SL001R", """
				{"why": "x", "action": "y", "actionId": 987654321, "version": %d}
				""".formatted(current));
		assertThat(noAction.status()).isEqualTo(422);
		assertThat(noAction.body().get("message").asString()).contains("open actions");
		ReportsApiClient.Response empty = this.quality.json("PUT", path + "SL001R", """
				{"why": " ", "action": "y", "version": %d}
				""".formatted(current));
		assertThat(empty.status()).isEqualTo(422);
		assertThat(this.quality
			.json("PUT", path + "NOPE99", "{\"why\": \"x\", \"action\": \"y\", \"version\": " + current + "}")
			.status()).isEqualTo(404);
		assertThat(this.quality
			.json("PUT", "/api/v1/reports/99999999/commentary/SL001R",
					"{\"why\": \"x\", \"action\": \"y\", \"version\": 1}")
			.status()).isEqualTo(404);
		assertThat(this.quality.json("PUT", path + "SL001R", "{\"why\": \"x\", \"action\": \"y\"}").status())
			.isEqualTo(400);
		assertThat(this.senior
			.json("PUT", path + "SL001R", "{\"why\": \"x\", \"action\": \"y\", \"version\": " + current + "}")
			.status()).isEqualTo(403);
		assertThat(this.admin.get("/api/v1/reports/" + id).body().get("version").asInt()).isEqualTo(current);

		// once submitted, the pack's commentary no longer changes
		int ready = commentOnEveryFailingMeasure(id, content);
		ReportsApiClient.Response submitted = this.quality.post("/api/v1/reports/" + id + "/status",
				"{\"status\": \"SUBMITTED\", \"version\": " + ready + "}");
		assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
		ReportsApiClient.Response late = this.quality.json("PUT", path + "SL001R", """
				{"why": "Late", "action": "Late", "version": %d}
				""".formatted(submitted.body().get("version").asInt()));
		assertThat(late.status()).isEqualTo(422);
		assertThat(late.body().get("message").asString()).contains("can no longer change");

		// documented with the reports' other operations
		String docs = new org.probity.shared.web.PageSession(this.port)
			.signedIn(this.data.user("quality"), PackTestData.PASSWORD)
			.get("/v3/api-docs")
			.body();
		JsonNode put = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(docs)
			.get("paths")
			.get("/api/v1/reports/{id}/commentary/{measure}")
			.get("put");
		assertThat(put.get("tags").get(0).asString()).isEqualTo("Reports");
	}

	private int same(JsonNode figure, String code, String unit) {
		JsonNode api = this.admin.get("/api/v1/measures/" + code + "/results?period=2026-09&unit=" + unit).body();
		assertThat(figure.get("numerator").asLong()).as(code + " " + unit).isEqualTo(api.get("numerator").asLong());
		assertThat(figure.get("denominator").asLong()).as(code + " " + unit).isEqualTo(api.get("denominator").asLong());
		assertThat(figure.get("performance").isNull() ? null : figure.get("performance").asDouble())
			.as(code + " " + unit)
			.isEqualTo(api.get("performance").isNull() ? null : api.get("performance").asDouble());
		assertThat(figure.get("rag").asString()).as(code + " " + unit).isEqualTo(api.get("rag").asString());
		assertThat(figure.get("rating").asString()).as(code + " " + unit).isEqualTo(api.get("rating").asString());
		return 1;
	}

	private int commentOnEveryFailingMeasure(long id, JsonNode content) {
		int version = this.admin.get("/api/v1/reports/" + id).body().get("version").asInt();
		for (JsonNode m : content.get("measures")) {
			if (m.get("provider").get("below_target").asBoolean()) {
				version = this.reportsComment(id, version, m.get("code").asString());
			}
		}
		return version;
	}

	private int reportsComment(long id, int version, String code) {
		ReportsApiClient.Response written = this.quality.json("PUT", "/api/v1/reports/" + id + "/commentary/" + code,
				"{\"why\": \"Why " + code + "\", \"action\": \"What " + code + "\", \"version\": " + version + "}");
		assertThat(written.status()).as(written.text()).isEqualTo(200);
		return written.body().get("report").get("version").asInt();
	}

	private JsonNode generate(String month) {
		ReportsApiClient.Response response = this.quality.post("/api/v1/reports/monthly-pack",
				"{\"month\": \"" + month + "\", \"unit\": \"" + this.data.provider() + "\"}");
		assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(201);
		return response.body();
	}

	private JsonNode content(JsonNode summary) {
		return this.admin.get("/api/v1/reports/" + summary.get("id").asLong()).body().get("content");
	}

	private static JsonNode measure(JsonNode content, String code) {
		for (JsonNode m : content.get("measures")) {
			if (m.get("code").asString().equals(code)) {
				return m;
			}
		}
		throw new AssertionError("No measure " + code);
	}

}
