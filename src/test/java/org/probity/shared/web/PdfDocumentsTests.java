package org.probity.shared.web;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one PDF set-up: tagged, titled and in its language, with every font embedded (the
 * generic families too, in bold and in a table) and its text extractable.
 */
class PdfDocumentsTests {

	@Test
	void aBodyUnderItsTitleIsATaggedPdfWithEmbeddedFontsAndExtractableText() throws Exception {
		byte[] pdf = PdfDocuments.render("Audits & ratings: October 2026", "en-GB",
				"body { font-family: serif; } td { font-family: monospace; }",
				"<p>Twenty <b>thousand</b> cases</p><table><thead><tr><th>Team</th><th>Cases</th></tr></thead>"
						+ "<tbody><tr><td>Pack LDU one</td><td>20,000</td></tr></tbody></table>");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Audits & ratings: October 2026");
			assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
			assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
			assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
			for (PDPage page : document.getPages()) {
				for (COSName name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					assertThat(font.isEmbedded()).as(font.getName()).isTrue();
				}
			}
			PDFTextStripper text = new PDFTextStripper();
			text.setSortByPosition(true);
			assertThat(text.getText(document)).contains("Audits & ratings: October 2026", "Twenty thousand cases",
					"Pack LDU one", "20,000");
		}
	}

	@Test
	void aWholeDocumentKeepsItsOwnTitleAndLanguage() throws Exception {
		byte[] pdf = PdfDocuments.render("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/>"
				+ "<title>Assurance report</title></head><body><h1>Assurance report</h1></body></html>");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Assurance report");
			assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
		}
	}

}
