package org.probity.reports.scheduled;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.springframework.web.util.HtmlUtils;

/**
 * A report's XHTML body as a tagged PDF (PDF/UA: structure tags, title, language, real
 * table headers), with an embedded font so that its text can be extracted.
 */
final class ReportPdf {

	private static final String[] FONTS = { "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" };

	private static final String[] BOLD_FONTS = { "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf" };

	private ReportPdf() {
	}

	static byte[] pdf(String title, String body) {
		String xhtml = """
				<!DOCTYPE html>
				<html lang="en-GB" xmlns="http://www.w3.org/1999/xhtml">
				<head>
				<meta charset="utf-8"/>
				<title>%s</title>
				<meta name="subject" content="%s"/>
				<style>
				  body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #0b0c0c; }
				  h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 12pt; }
				  table { border-collapse: collapse; width: 100%%; margin-bottom: 8pt; }
				  th, td { border-bottom: 1px solid #b1b4b6; padding: 2pt; text-align: left; vertical-align: top; }
				  td.n, th.n { text-align: right; }
				  caption { text-align: left; font-weight: bold; padding-bottom: 3pt; }
				</style>
				</head>
				<body>
				<h1>%s</h1>
				%s
				</body>
				</html>
				""".formatted(HtmlUtils.htmlEscape(title, "UTF-8"), HtmlUtils.htmlEscape(title, "UTF-8"),
				HtmlUtils.htmlEscape(title, "UTF-8"), body);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePdfUaAccessibility(true);
			font(builder, FONTS, 400);
			font(builder, BOLD_FONTS, 700);
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void font(PdfRendererBuilder builder, String[] candidates, int weight) {
		for (String path : candidates) {
			File file = new File(path);
			if (file.canRead()) {
				builder.useFont(file, "DejaVu Sans", weight, PdfRendererBuilder.FontStyle.NORMAL, true);
				return;
			}
		}
	}

}
