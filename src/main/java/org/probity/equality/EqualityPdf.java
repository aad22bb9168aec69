package org.probity.equality;

import java.util.List;
import java.util.Locale;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import org.probity.shared.web.PdfDocuments;

/** The equality overview as a PDF for the board, from an XHTML template. */
@Component
class EqualityPdf {

	private final ITemplateEngine templates;

	EqualityPdf(ITemplateEngine templates) {
		this.templates = templates;
	}

	ResponseEntity<byte[]> overview(EqualityPages.Place place, List<EqualityPages.OverviewRow> rows,
			List<EqualityPages.Significant> significant) {
		Context context = new Context(Locale.UK);
		context.setVariable("place", place);
		context.setVariable("rows", rows);
		context.setVariable("characteristics", Characteristic.values());
		context.setVariable("significant", significant);
		String xhtml = this.templates.process("equality/overview-pdf", context);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("equality-" + place.period().code() + ".pdf")
						.build()
						.toString())
			.body(PdfDocuments.render(xhtml));
	}

}
