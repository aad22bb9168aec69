package org.probity.reports.scheduled;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.reports.ReportsApiClient;
import org.probity.reports.archive.ReportKind;
import org.probity.reports.supplychain.Subcontractors;
import org.probity.shared.UnitCode;
import org.probity.shared.web.PageSession;
import org.probity.testing.CaseData;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The supply chain's obligations (issue 15, point 6) over real HTTP: an obligation held
 * by a subcontractor's delivery unit round-trips through the API and the CSV export, a
 * unit that is not a delivery unit is refused, the monthly subcontractor report lists its
 * own subcontractor's obligations only, and a manager who may not see the unit does not
 * see its obligation.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubcontractorObligationsTests {

	private static final String PASSWORD = "sco-password-for-tests";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Subcontractors subcontractors;

	@Autowired
	ScheduledReports reports;

	private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

	private Subcontractors.Subcontractor alpha;

	private Subcontractors.Subcontractor beta;

	/** Two LDUs with a team each, each team run by a subcontractor of its own. */
	@BeforeAll
	void aSupplyChain() {
		CaseData caseData = new CaseData(this.jdbc);
		caseData.aProvider("SCOP").named("SCO provider").insert();
		caseData.anLdu("SCOL1").named("SCO LDU one").under("SCOP").insert();
		caseData.anLdu("SCOL2").named("SCO LDU two").under("SCOP").insert();
		caseData.aTeam("SCOT1").named("SCO team one").under("SCOL1").insert();
		caseData.aTeam("SCOT2").named("SCO team two").under("SCOL2").insert();
		this.accounts.createOrReset("sco-quality", "SCO quality", Role.QUALITY_TEAM, null, null, PASSWORD);
		this.accounts.createOrReset("sco-senior", "SCO senior", Role.SENIOR_MANAGER, null, new UnitCode("SCOL1"),
				PASSWORD);
		Subcontractors.Subcontractor a = this.subcontractors.create("SCO Alpha", List.of("a@alpha.example.org"),
				"sco-quality");
		this.alpha = this.subcontractors.addUnit(a.id(), a.version(), new UnitCode("SCOT1"), "sco-quality");
		Subcontractors.Subcontractor b = this.subcontractors.create("SCO Beta", List.of("b@beta.example.org"),
				"sco-quality");
		this.beta = this.subcontractors.addUnit(b.id(), b.version(), new UnitCode("SCOT2"), "sco-quality");
	}

	private ReportsApiClient as(String username) {
		return new ReportsApiClient(this.port, username, PASSWORD);
	}

	private static String entry(String clause, String unit, String next, Integer version) {
		return """
				{"clause": "%s", "requirement": "Key worker for every woman on probation", "owner": "sco-quality",
				 "evidence_kind": "DOCUMENT", "evidence_ref": "Quarterly service return", "review_frequency": "QUARTERLY",
				 "next_review_on": "%s"%s%s}
				"""
			.formatted(clause, next, (unit == null) ? "" : ", \"delivery_unit\": \"" + unit + "\"",
					(version == null) ? "" : ", \"version\": " + version);
	}

	private JsonNode create(String clause, String unit, LocalDate next) {
		ReportsApiClient.Response r = as("sco-quality").post("/api/v1/obligations",
				entry(clause, unit, next.toString(), null));
		assertThat(r.status()).as(r.text()).isEqualTo(201);
		return r.body();
	}

	@Test
	void anObligationKeepsItsDeliveryUnitThroughTheApiAndTheExport() {
		JsonNode created = create("SCO Subcontract 1", "SCOT1", this.today.plusMonths(2));
		assertThat(created.get("delivery_unit").asString()).isEqualTo("SCOT1");
		assertThat(created.get("delivery_unit_name").asString()).isEqualTo("SCO team one");
		assertThat(created.get("subcontractor").asString()).isEqualTo("SCO Alpha");
		long id = created.get("obligation_id").asLong();
		JsonNode read = as("sco-quality").get("/api/v1/obligations/" + id).body().get("obligation");
		assertThat(read.get("delivery_unit").asString()).isEqualTo("SCOT1");
		ReportsApiClient.Response moved = as("sco-quality").json("PUT", "/api/v1/obligations/" + id, entry(
				"SCO Subcontract 1", "SCOT2", this.today.plusMonths(2).toString(), created.get("version").asInt()));
		assertThat(moved.status()).as(moved.text()).isEqualTo(200);
		assertThat(moved.body().get("subcontractor").asString()).isEqualTo("SCO Beta");
		// the register's export names the unit and imports back unchanged
		PageSession page = new PageSession(this.port).signedIn("sco-quality", PASSWORD);
		String export = new String(page.getBytes("/reports/obligations?format=csv").body(), StandardCharsets.UTF_8);
		assertThat(export.lines().filter((l) -> l.startsWith("SCO Subcontract 1,"))).singleElement()
			.satisfies((l) -> assertThat(l).contains(",SCOT2,").contains("SCO team two").contains("SCO Beta"));
		ReportsApiClient.Response again = as("sco-quality").csv("/api/v1/obligations", export);
		assertThat(again.status()).as(again.text()).isEqualTo(200);
		assertThat(again.body().get("updated").asInt()).isZero();
		// an edit without a delivery unit makes it the provider's own
		ReportsApiClient.Response own = as("sco-quality").json("PUT", "/api/v1/obligations/" + id, entry(
				"SCO Subcontract 1", null, this.today.plusMonths(2).toString(), moved.body().get("version").asInt()));
		assertThat(own.status()).as(own.text()).isEqualTo(200);
		JsonNode none = own.body().get("delivery_unit");
		assertThat(none == null || none.isNull()).isTrue();
		assertThat(
				as("sco-quality").get("/api/v1/obligations/" + id).body().get("changes").findValuesAsString("details"))
			.anySatisfy((d) -> assertThat(d).endsWith("| delivery unit SCOT1"))
			.anySatisfy((d) -> assertThat(d).endsWith("| delivery unit SCOT2"));
	}

	@Test
	void aUnitThatIsNotASubcontractorsDeliveryUnitIsRefused() {
		ReportsApiClient.Response ldu = as("sco-quality").post("/api/v1/obligations",
				entry("SCO Subcontract bad", "SCOL1", "2027-01-31", null));
		assertThat(ldu.status()).isEqualTo(422);
		assertThat(ldu.body().get("errors").findValuesAsString("field")).containsExactly("delivery_unit");
		assertThat(ldu.body().get("message").asString()).contains("SCOL1 is not a subcontractor's delivery unit");
		ReportsApiClient.Response unknown = as("sco-quality").post("/api/v1/obligations",
				entry("SCO Subcontract bad", "NOSUCHUNIT", "2027-01-31", null));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.body().get("message").asString()).isEqualTo("There is no unit NOSUCHUNIT");
		ReportsApiClient.Response imported = as("sco-quality").csv("/api/v1/obligations", """
				clause,requirement,owner,evidence_kind,evidence_ref,review_frequency,next_review_on,delivery_unit
				SCO Import good,Something,sco-quality,DOCUMENT,Doc,MONTHLY,2027-01-31,SCOT1
				SCO Import bad,Something,sco-quality,DOCUMENT,Doc,MONTHLY,2027-01-31,SCOL2
				""");
		assertThat(imported.status()).isEqualTo(422);
		assertThat(imported.body().get("errors").findValuesAsString("row")).containsExactly("3");
		assertThat(this.jdbc
			.sql("select count(*) from obligation where clause like 'SCO Import%' or clause = 'SCO Subcontract bad'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theSubcontractorReportListsItsOwnObligationsWithTheirReviewAndNotAnothers() {
		JsonNode mine = create("SCO Subcontract alpha overdue", "SCOT1", this.today.minusDays(3));
		as("sco-quality").post("/api/v1/obligations/" + mine.get("obligation_id").asLong() + "/reviews", """
				{"version": %d, "reviewed_on": "%s", "rag": "RED", "note": "Two sessions cancelled"}
				""".formatted(mine.get("version").asInt(), this.today.minusMonths(4)));
		create("SCO Subcontract beta", "SCOT2", this.today.plusMonths(1));
		ReportContent content = this.reports.content(ScheduleRules.parse(ReportKind.SUBCONTRACTOR, "2026-10"),
				new UnitCode("SCOT1"), this.subcontractors.find(this.alpha.id()).orElseThrow());
		ReportContent.Grid grid = content.sections()
			.stream()
			.flatMap((s) -> s.tables().stream())
			.filter((t) -> t.caption().equals("Contract obligations of SCO Alpha"))
			.findFirst()
			.orElseThrow();
		assertThat(grid.rows()).singleElement().satisfies((row) -> {
			assertThat(row.get(0)).isEqualTo("SCO Subcontract alpha overdue");
			assertThat(row).contains("Red", "SCO team one", "Overdue");
		});
		assertThat(content.json()).doesNotContain("SCO Subcontract beta");
		// the page of the supply chain lists them too, and the unit cannot stop being a
		// delivery unit while it holds one
		this.accounts.createOrReset("sco-admin", "SCO admin", Role.ADMIN, null, null, PASSWORD);
		String page = new PageSession(this.port).signedIn("sco-admin", PASSWORD).get("/reports/subcontractors").body();
		assertThat(page).contains("Contract obligations of SCO Alpha")
			.contains("SCO Subcontract alpha overdue")
			.contains("<strong class=\"govuk-tag govuk-tag--red\">Red</strong>")
			.contains("Overdue");
		Subcontractors.Subcontractor now = this.subcontractors.find(this.alpha.id()).orElseThrow();
		assertThatThrownBy(
				() -> this.subcontractors.removeUnit(now.id(), now.version(), new UnitCode("SCOT1"), "sco-admin"))
			.hasMessageContaining("holds")
			.hasMessageContaining("contract obligation");
	}

	@Test
	void aManagerWhoMayNotSeeTheDeliveryUnitDoesNotSeeItsObligation() {
		create("SCO Scoped alpha", "SCOT1", this.today.plusMonths(1));
		long other = create("SCO Scoped beta", "SCOT2", this.today.plusMonths(1)).get("obligation_id").asLong();
		List<String> listed = as("sco-senior").get("/api/v1/obligations").body().findValuesAsString("clause");
		assertThat(listed).contains("SCO Scoped alpha").doesNotContain("SCO Scoped beta");
		assertThat(as("sco-senior").get("/api/v1/obligations/" + other).status()).isEqualTo(403);
		PageSession page = new PageSession(this.port).signedIn("sco-senior", PASSWORD);
		assertThat(page.get("/reports/obligations").body()).contains("SCO Scoped alpha")
			.doesNotContain("SCO Scoped beta");
		assertThat(page.get("/reports/obligations/" + other).statusCode()).isEqualTo(403);
		String export = new String(page.getBytes("/reports/obligations?format=csv").body(), StandardCharsets.UTF_8);
		assertThat(export).doesNotContain("SCO Scoped beta");
		// the quality team sees every one
		assertThat(as("sco-quality").get("/api/v1/obligations").body().findValuesAsString("clause"))
			.contains("SCO Scoped alpha", "SCO Scoped beta");
	}

}
