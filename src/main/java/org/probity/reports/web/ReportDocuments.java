package org.probity.reports.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.probity.reports.archive.ReportKind;
import org.probity.reports.archive.ReportRenderer;
import org.probity.reports.archive.StoredReport;
import org.probity.shared.web.PdfDocuments;
import org.probity.shared.web.Table;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Every kind of archived report as people read it, through the renderer of its kind: the
 * body of its page, a tagged PDF ({@link PdfDocuments}) and the tables of its
 * spreadsheets.
 */
@Component
class ReportDocuments {

	private static final String PDF_STYLE = """
			@page { size: A4 landscape; margin: 14mm 12mm 16mm 12mm;
			        @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; } }
			* { font-family: 'DejaVu Sans'; }
			body { font-size: 8.5pt; color: #0b0c0c; }
			h1 { font-size: 17pt; margin: 0 0 4pt 0; } h2 { font-size: 12.5pt; margin: 14pt 0 4pt 0; }
			h3 { font-size: 10pt; margin: 8pt 0 2pt 0; }
			p { margin: 2pt 0 6pt 0; }
			table { border-collapse: collapse; width: 100%; margin-bottom: 8pt; }
			th, td { border-bottom: 1px solid #b1b4b6; padding: 2pt 3pt; text-align: left; vertical-align: top; }
			thead th { border-bottom: 2px solid #0b0c0c; }
			.govuk-table__header--numeric, .govuk-table__cell--numeric { text-align: right; }
			caption { text-align: left; font-weight: bold; padding-bottom: 3pt; }
			tr { page-break-inside: avoid; }
			.govuk-tag { font-weight: bold; padding: 0 2pt; white-space: nowrap; }
			.govuk-tag--green { background: #cce2d8; color: #005a30; }
			.govuk-tag--yellow { background: #fff7bf; color: #594d00; }
			.govuk-tag--red { background: #f4cdc6; color: #2a0b06; }
			.govuk-tag--grey { background: #e5e6e7; color: #282d30; }
			a { color: #1d70b8; }
			.caption { color: #505a5f; font-size: 10pt; }
			""";

	private final Map<ReportKind, ReportRenderer> renderers = new EnumMap<>(ReportKind.class);

	ReportDocuments(List<ReportRenderer> renderers) {
		for (ReportRenderer renderer : renderers) {
			for (ReportKind kind : renderer.kinds()) {
				this.renderers.put(kind, renderer);
			}
		}
	}

	/**
	 * The body of the report's page (XHTML), or a paragraph when its kind has no
	 * renderer.
	 */
	String body(StoredReport report) {
		ReportRenderer renderer = this.renderers.get(report.kind());
		return (renderer != null) ? renderer.xhtml(report)
				: "<p class=\"govuk-body\">This kind of report cannot be shown yet.</p>";
	}

	List<Table> tables(StoredReport report) {
		ReportRenderer renderer = this.renderers.get(report.kind());
		return (renderer != null) ? renderer.tables(report)
				: List.of(Table.titled("Report").text("Title").row(report.title()));
	}

	byte[] pdf(StoredReport report) {
		return PdfDocuments.render(report.title(), "en-GB", PDF_STYLE,
				"<p class=\"caption\">" + escape(report.kind().words()) + ", issue " + report.issue() + ", "
						+ escape(report.status().words().toLowerCase()) + "</p>" + body(report));
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape((text == null) ? "" : text, "UTF-8");
	}

}
