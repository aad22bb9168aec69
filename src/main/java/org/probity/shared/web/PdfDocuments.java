package org.probity.shared.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Level;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.util.HtmlUtils;

/**
 * XHTML as a PDF, set up once for every module: tagged for accessibility (PDF/UA:
 * structure tags, the document's title and language, headings, table headers), with
 * DejaVu Sans (regular and bold, in the jar: Bitstream Vera licence) embedded and
 * answering for the generic families too, so that no text falls back to a font that is
 * not embedded and every word can be extracted.
 */
public final class PdfDocuments {

	/**
	 * The generic families as CSS names them and as openhtmltopdf looks them up after
	 * normalising ("sans-serif" as "SansSerif"): text in a family without a font is not
	 * drawn in a tagged PDF.
	 */
	private static final List<String> FAMILIES = List.of("DejaVu Sans", "sans-serif", "serif", "monospace", "SansSerif",
			"Serif", "Monospaced");

	static {
		// openhtmltopdf logs through java.util.logging to a console handler of its own,
		// in
		// its own format and past Spring Boot's levels: through SLF4J instead, and its
		// INFO
		// lines (the fonts and renderer it set up, on the first PDF) at DEBUG
		XRLog.setLoggerImpl(new Slf4jLogger());
	}

	private PdfDocuments() {
	}

	/**
	 * A PDF of a body of XHTML under a heading: the title is also the PDF's title and
	 * subject, the language ({@code en-GB}, say) its language.
	 */
	public static byte[] render(String title, String language, String style, String body) {
		String escaped = HtmlUtils.htmlEscape((title != null) ? title : "", "UTF-8");
		return render("<!DOCTYPE html>\n<html lang=\"" + language + "\" xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
				+ "<meta charset=\"utf-8\"/><title>" + escaped + "</title><meta name=\"subject\" content=\"" + escaped
				+ "\"/><meta name=\"author\" content=\"Probity\"/><style>" + style + "</style></head><body>" + "<h1>"
				+ escaped + "</h1>" + body + "</body></html>");
	}

	/**
	 * A PDF of a whole XHTML document, whose {@code <title>} and {@code lang} give the
	 * PDF's title and language.
	 */
	public static byte[] render(String xhtml) {
		xhtml = withSubject(xhtml);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePdfUaAccessibility(true);
			for (String family : FAMILIES) {
				builder.useFont(() -> PdfDocuments.class.getResourceAsStream("/fonts/DejaVuSans.ttf"), family, 400,
						BaseRendererBuilder.FontStyle.NORMAL, true);
				builder.useFont(() -> PdfDocuments.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"), family, 700,
						BaseRendererBuilder.FontStyle.NORMAL, true);
			}
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A PDF/UA document needs a description: the title's when the document has no
	 * {@code <meta name="subject">} of its own.
	 */
	private static String withSubject(String xhtml) {
		int start = xhtml.indexOf("<title>");
		int end = xhtml.indexOf("</title>");
		if (xhtml.contains("name=\"subject\"") || start < 0 || end < start) {
			return xhtml;
		}
		String title = xhtml.substring(start + "<title>".length(), end).strip().replace("\"", "&quot;");
		int after = end + "</title>".length();
		return xhtml.substring(0, after) + "<meta name=\"subject\" content=\"" + title + "\"/>"
				+ xhtml.substring(after);
	}

	private static final class Slf4jLogger implements XRLogger {

		@Override
		public void log(String where, Level level, String message) {
			log(where, level, message, null);
		}

		@Override
		public void log(String where, Level level, String message, Throwable error) {
			Logger logger = LoggerFactory.getLogger(where);
			if (level.intValue() >= Level.SEVERE.intValue()) {
				logger.error(message, error);
			}
			else if (level.intValue() >= Level.WARNING.intValue()) {
				logger.warn(message, error);
			}
			else {
				logger.debug(message, error);
			}
		}

		@Override
		public boolean isLogLevelEnabled(Diagnostic diagnostic) {
			Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
			int level = diagnostic.getLevel().intValue();
			if (level >= Level.SEVERE.intValue()) {
				return logger.isErrorEnabled();
			}
			return (level >= Level.WARNING.intValue()) ? logger.isWarnEnabled() : logger.isDebugEnabled();
		}

		@Override
		public void setLevel(String logger, Level level) {
			// levels are Spring Boot's (logging.level.com.openhtmltopdf)
		}

	}

}
