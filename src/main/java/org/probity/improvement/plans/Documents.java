package org.probity.improvement.plans;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.probity.shared.web.PdfDocuments;

/**
 * The module's documents: spreadsheets of named sheets (a title, then a table) and PDFs
 * rendered from XHTML Thymeleaf templates, as the assurance report is.
 */
@Component
public class Documents {

	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	/** A sheet: a title line, then the header and its rows. */
	public record Sheet(String name, String title, List<String> headers, List<List<Object>> rows) {
	}

	private final ITemplateEngine templates;

	Documents(ITemplateEngine templates) {
		this.templates = templates;
	}

	public byte[] xlsx(List<Sheet> sheets) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(out, "Probity", "1.0");
			for (Sheet sheet : sheets) {
				Worksheet ws = workbook
					.newWorksheet((sheet.name().length() > 31) ? sheet.name().substring(0, 31) : sheet.name());
				ws.value(0, 0, sheet.title());
				ws.style(0, 0).bold().set();
				for (int c = 0; c < sheet.headers().size(); c++) {
					ws.value(2, c, sheet.headers().get(c));
					ws.style(2, c).bold().set();
				}
				for (int r = 0; r < sheet.rows().size(); r++) {
					List<Object> row = sheet.rows().get(r);
					for (int c = 0; c < row.size(); c++) {
						Object v = row.get(c);
						if (v instanceof Number n) {
							ws.value(r + 3, c, n);
						}
						else if (v instanceof LocalDate d) {
							ws.value(r + 3, c, org.probity.shared.Dates.format(d));
						}
						else if (v != null) {
							ws.value(r + 3, c, v.toString());
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

	public byte[] pdf(String template, Map<String, Object> variables) {
		Context context = new Context(Locale.UK);
		variables.forEach(context::setVariable);
		String xhtml = this.templates.process(template, context);
		return PdfDocuments.render(xhtml);
	}

	public static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}

}
