package org.probity.subjectaccess;

import java.util.Locale;

import org.probity.shared.Clocks;
import org.probity.shared.Dates;
import org.probity.shared.web.PdfDocuments;
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
		return PdfDocuments.render(xhtml);
	}

}
