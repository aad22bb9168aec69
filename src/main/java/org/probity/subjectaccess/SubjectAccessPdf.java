package org.probity.subjectaccess;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.probity.shared.Clocks;
import org.probity.shared.Dates;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * The disclosure as a tagged PDF (PDF/UA structure: headings, and tables with their
 * header cells, read in order by a screen reader), drawn from XHTML by openhtmltopdf as
 * the audits' assurance report is.
 */
@Component
class SubjectAccessPdf {

	private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	private final ITemplateEngine templates;

	SubjectAccessPdf(ITemplateEngine templates) {
		this.templates = templates;
	}

	byte[] pdf(Disclosure disclosure) {
		Context context = new Context(Locale.UK);
		context.setVariable("d", disclosure);
		context.setVariable("generated",
				Dates.format(disclosure.generatedAt().atZone(Clocks.LONDON).toLocalDateTime()));
		String xhtml = this.templates.process("subjectaccess/disclosure-pdf", context);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePdfUaAccessibility(true);
			// PDF/UA embeds every font: PDFBox's own Liberation Sans, so that no system
			// font is needed (the container image has none)
			builder.useFont(() -> SubjectAccessPdf.class.getResourceAsStream(FONT), "Liberation Sans");
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
