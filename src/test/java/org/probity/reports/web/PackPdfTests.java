package org.probity.reports.web;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.CurrentUser;
import org.probity.measures.MeasureRecomputation;
import org.probity.reports.PackTestData;
import org.probity.reports.archive.StoredReport;
import org.probity.reports.packs.MonthlyPacks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pack's PDF is tagged and accessible (PDF/UA): a structure tree with headings and
 * table headers, its title shown as the window title, its language set, every font
 * embedded, and its text extractable. Its pages are rendered to PNG in target/pack-pdf/
 * for a person to look at.
 */
@IntegrationTest
class PackPdfTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	MeasureRecomputation recomputation;

	@Autowired
	MonthlyPacks packs;

	@Autowired
	ReportReading reading;

	@Autowired
	ReportDocuments documents;

	@Test
	void thePdfIsTaggedTitledInEnglishAndItsTextExtractable() throws Exception {
		PackTestData data = new PackTestData(this.jdbc, "RPD", 630000).estate(this.accounts);
		data.orders(1, LocalDate.of(2026, 9, 7), 7, 1);
		data.orders(2, LocalDate.of(2026, 10, 5), 5, 3);
		this.recomputation.recomputeAll();
		CurrentUser quality = this.accounts.userFor(data.user("quality")).orElseThrow();
		StoredReport report = this.packs.generate(YearMonth.of(2026, 10), this.packs.provider(data.provider()), null,
				quality);
		byte[] pdf = this.documents.pdf(this.reading.redacted(report, quality).report());

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo(report.title());
			assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
			assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
			assertThat(document.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
			assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
			List<String> tags = new ArrayList<>();
			walk(document.getDocumentCatalog().getStructureTreeRoot(), tags);
			assertThat(tags).contains("H1", "H2", "H3", "Table", "TR", "TH", "TD", "Caption");
			assertThat(tags.stream().filter("TH"::equals).count()).isGreaterThan(20);
			for (PDPage page : document.getPages()) {
				for (COSName name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					assertThat(font.isEmbedded()).as(font.getName()).isTrue();
				}
			}
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Monthly pack to the Authority: October 2026", "Measures at provider level",
					"Initial contact: community orders and SSOs", "Pack provider RPD", "Pack LDU two RPD",
					"Commentary on measures below target", "Equality headlines", "Open red actions");

			Path out = Path.of("target", "pack-pdf");
			Files.createDirectories(out);
			PDFRenderer renderer = new PDFRenderer(document);
			for (int i = 0; i < document.getNumberOfPages(); i++) {
				BufferedImage image = renderer.renderImageWithDPI(i, 80);
				ImageIO.write(image, "png", out.resolve("page-" + (i + 1) + ".png").toFile());
			}
			assertThat(document.getNumberOfPages()).isGreaterThan(1);
		}
	}

	private static void walk(PDStructureNode node, List<String> tags) {
		for (Object kid : node.getKids()) {
			if (kid instanceof PDStructureElement element) {
				tags.add(element.getStructureType());
				walk(element, tags);
			}
		}
	}

}
