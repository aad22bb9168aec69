package org.probity.measures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A table of a page as CSV or as a spreadsheet (XLSX): the same headers and rows. */
public record TableExport(String name, List<String> headers, List<List<Object>> rows) {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	public static boolean wanted(String format) {
		return "csv".equals(format) || "xlsx".equals(format);
	}

	public ResponseEntity<byte[]> as(String format) {
		boolean csv = "csv".equals(format);
		byte[] body = csv ? csv() : xlsx();
		return ResponseEntity.ok()
			.contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(this.name + (csv ? ".csv" : ".xlsx")).build().toString())
			.body(body);
	}

	byte[] csv() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
				CSVFormat.RFC4180.builder().setHeader(this.headers.toArray(String[]::new)).get())) {
			for (List<Object> row : this.rows) {
				printer.printRecord(row.stream().map((v) -> (v != null) ? v : "").toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	byte[] xlsx() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(out, "Probity", "1.0");
			Worksheet sheet = workbook.newWorksheet(this.name.length() > 31 ? this.name.substring(0, 31) : this.name);
			for (int c = 0; c < this.headers.size(); c++) {
				sheet.value(0, c, this.headers.get(c));
				sheet.style(0, c).bold().set();
			}
			for (int r = 0; r < this.rows.size(); r++) {
				List<Object> row = this.rows.get(r);
				for (int c = 0; c < row.size(); c++) {
					Object v = row.get(c);
					if (v instanceof Number n) {
						sheet.value(r + 1, c, n);
					}
					else if (v instanceof Boolean b) {
						sheet.value(r + 1, c, b);
					}
					else if (v != null) {
						sheet.value(r + 1, c, v.toString());
					}
				}
			}
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
