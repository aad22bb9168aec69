package org.probity.reports.scheduled;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.probity.reports.archive.ReportKind;
import org.probity.reports.archive.ReportRenderer;
import org.probity.reports.archive.StoredReport;
import org.probity.shared.web.PdfDocuments;
import org.probity.shared.web.Table;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders the scheduled kinds from their frozen content only: each section a heading
 * (h2), its paragraphs and its tables with captions and column headers; the same tables
 * for the XLSX and ODS downloads, after one sheet about the report.
 */
@Component
public class ScheduledRenderer implements ReportRenderer {

	private static final String PDF_STYLE = """
			body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #0b0c0c; }
			h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 12pt; }
			table { border-collapse: collapse; width: 100%; margin-bottom: 8pt; }
			th, td { border-bottom: 1px solid #b1b4b6; padding: 2pt; text-align: left; vertical-align: top; }
			td.n, th.n { text-align: right; }
			caption { text-align: left; font-weight: bold; padding-bottom: 3pt; }
			""";

	@Override
	public Set<ReportKind> kinds() {
		return Set.of(ReportKind.WEEKLY_OPERATIONS, ReportKind.MONTHLY_UNIT, ReportKind.QUARTERLY_EXECUTIVE,
				ReportKind.COMMITTEE, ReportKind.SUBCONTRACTOR);
	}

	@Override
	public String xhtml(StoredReport report) {
		ReportContent content = ReportContent.read(report.content());
		StringBuilder html = new StringBuilder();
		html.append("<p class=\"govuk-body\">")
			.append(esc(content.periodLabel()))
			.append(". Issued ")
			.append(esc(content.generatedOn()))
			.append(", issue ")
			.append(report.issue())
			.append(".</p>\n");
		for (ReportContent.Section s : content.sections()) {
			html.append("<h2 class=\"govuk-heading-m\">").append(esc(s.heading())).append("</h2>\n");
			for (String p : s.paragraphs()) {
				html.append("<p class=\"govuk-body\">").append(esc(p)).append("</p>\n");
			}
			for (ReportContent.Grid g : s.tables()) {
				table(html, g);
			}
		}
		return html.toString();
	}

	private static void table(StringBuilder html, ReportContent.Grid g) {
		html.append("<table class=\"govuk-table\">\n<caption class=\"govuk-table__caption govuk-table__caption--s\">")
			.append(esc(g.caption()))
			.append("</caption>\n<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
		for (int i = 0; i < g.columns().size(); i++) {
			html.append("<th scope=\"col\" class=\"govuk-table__header")
				.append(g.numeric().get(i) ? " govuk-table__header--numeric n" : "")
				.append("\">")
				.append(esc(g.columns().get(i)))
				.append("</th>");
		}
		html.append("</tr></thead>\n<tbody class=\"govuk-table__body\">\n");
		for (List<Object> row : g.rows()) {
			html.append("<tr class=\"govuk-table__row\">");
			for (int i = 0; i < row.size(); i++) {
				Object v = row.get(i);
				boolean first = i == 0;
				String tag = first ? "th" : "td";
				html.append('<')
					.append(tag)
					.append(first ? " scope=\"row\"" : "")
					.append(" class=\"")
					.append(first ? "govuk-table__header" : "govuk-table__cell")
					.append((i < g.numeric().size() && g.numeric().get(i)) ? " govuk-table__cell--numeric n" : "")
					.append("\">")
					.append(esc((v == null) ? "" : v.toString()))
					.append("</")
					.append(tag)
					.append('>');
			}
			html.append("</tr>\n");
		}
		html.append("</tbody>\n</table>\n");
	}

	@Override
	public List<Table> tables(StoredReport report) {
		ReportContent content = ReportContent.read(report.content());
		List<Table> tables = new ArrayList<>();
		tables.add(Table.titled("Report")
			.text("About", "")
			.row("Report", content.title())
			.row("Period", content.periodLabel())
			.row("Issued", content.generatedOn())
			.row("Issue", String.valueOf(report.issue())));
		int n = 1;
		for (ReportContent.Section s : content.sections()) {
			for (ReportContent.Grid g : s.tables()) {
				Table t = Table.titled(sheetName(n++, g.caption()));
				for (int i = 0; i < g.columns().size(); i++) {
					t = g.numeric().get(i) ? t.number(g.columns().get(i)) : t.text(g.columns().get(i));
				}
				tables.add(t.rows(g.rows()));
			}
		}
		return tables;
	}

	/** Spreadsheet sheet names are at most 31 characters and unique. */
	private static String sheetName(int n, String caption) {
		String name = n + " " + caption.replaceAll("[\\[\\]:*?/\\\\]", " ");
		return (name.length() > 31) ? name.substring(0, 31).strip() : name;
	}

	/** The report as a tagged PDF, from the same XHTML body. */
	public byte[] pdf(StoredReport report) {
		return PdfDocuments.render(report.title(), "en-GB", PDF_STYLE, xhtml(report));
	}

	private static String esc(String text) {
		return HtmlUtils.htmlEscape((text == null) ? "" : text, "UTF-8");
	}

}
