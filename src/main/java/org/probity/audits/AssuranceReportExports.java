package org.probity.audits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * The assurance report as PDF (from an XHTML Thymeleaf template) and as a spreadsheet.
 */
@Component
class AssuranceReportExports {

	private final ITemplateEngine templates;

	private final PageFormat format;

	AssuranceReportExports(ITemplateEngine templates, PageFormat format) {
		this.templates = templates;
		this.format = format;
	}

	byte[] pdf(AssuranceReports.Report report) {
		Context context = new Context(Locale.UK);
		context.setVariable("report", report);
		context.setVariable("fmt", this.format);
		String xhtml = this.templates.process("audits/report-pdf", context);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void xlsx(AssuranceReports.Report report, OutputStream out) {
		try {
			Workbook workbook = new Workbook(out, "Probity", "1.0");
			Worksheet summary = workbook.newWorksheet("Audits");
			summary.value(0, 0, "Monthly audit programme assurance report");
			summary.value(1, 0, "Month");
			summary.value(1, 1, report.month().toString());
			summary.value(2, 0, "Unit");
			summary.value(2, 1, report.unitName());
			summary.value(3, 0, "Framework");
			summary.value(3, 1, report.ratings().frameworkVersion());
			String[] head = { "Team code", "Team", "Planned", "Done", "Late", "Missed" };
			for (int c = 0; c < head.length; c++) {
				summary.value(5, c, head[c]);
			}
			int r = 6;
			for (AssuranceReports.TeamLine t : report.teams()) {
				summary.value(r, 0, t.teamCode());
				summary.value(r, 1, t.teamName());
				summary.value(r, 2, t.planned());
				summary.value(r, 3, t.done());
				summary.value(r, 4, t.late());
				summary.value(r, 5, t.missed());
				r++;
			}
			summary.value(r, 1, "Total");
			summary.value(r, 2, report.total().planned());
			summary.value(r, 3, report.total().done());
			summary.value(r, 4, report.total().late());
			summary.value(r, 5, report.total().missed());

			Worksheet ratings = workbook.newWorksheet("Ratings");
			String[] ratingHead = { "Template", "Standard", "Title", "Standard rating", "Key question", "Text", "Yes",
					"No", "Not applicable", "Performance %", "Key question rating" };
			for (int c = 0; c < ratingHead.length; c++) {
				ratings.value(0, c, ratingHead[c]);
			}
			r = 1;
			for (AuditRatings.StandardResult s : report.ratings().standards()) {
				for (AuditRatings.KeyQuestionResult q : s.keyQuestions()) {
					ratings.value(r, 0, s.templateCode());
					ratings.value(r, 1, s.code());
					ratings.value(r, 2, s.title());
					ratings.value(r, 3, (s.rating() != null) ? s.rating().label() : "No rating");
					ratings.value(r, 4, q.code());
					ratings.value(r, 5, q.text());
					ratings.value(r, 6, q.yes());
					ratings.value(r, 7, q.no());
					ratings.value(r, 8, q.notApplicable());
					if (q.percent() != null) {
						ratings.value(r, 9, q.percent());
					}
					ratings.value(r, 10, (q.rating() != null) ? q.rating().label() : "No rating");
					r++;
				}
			}

			Worksheet alerts = workbook.newWorksheet("Alerts");
			String[] alertHead = { "CRN", "Practitioner", "Team", "Concern", "Raised", "Respond by", "What was done",
					"Recorded by" };
			for (int c = 0; c < alertHead.length; c++) {
				alerts.value(0, c, alertHead[c]);
			}
			r = 1;
			for (AuditAlerts.Alert a : report.alerts()) {
				alerts.value(r, 0, a.crn());
				alerts.value(r, 1, a.practitioner());
				alerts.value(r, 2, a.teamName());
				alerts.value(r, 3, a.reason());
				alerts.value(r, 4, this.format.dateTime(a.raisedAt()));
				alerts.value(r, 5, this.format.date(a.dueDate()));
				alerts.value(r, 6, (a.actionTaken() != null) ? a.actionTaken() : (a.overdue() ? "Overdue" : "Open"));
				alerts.value(r, 7, a.acknowledgedBy());
				r++;
			}

			Worksheet prompts = workbook.newWorksheet("Failed prompts");
			String[] promptHead = { "Template", "Key question", "Prompt", "Text", "Audits" };
			for (int c = 0; c < promptHead.length; c++) {
				prompts.value(0, c, promptHead[c]);
			}
			r = 1;
			for (AssuranceReports.FailedPrompt p : report.failedPrompts()) {
				prompts.value(r, 0, p.templateCode());
				prompts.value(r, 1, p.keyQuestionCode());
				prompts.value(r, 2, p.promptCode());
				prompts.value(r, 3, p.text());
				prompts.value(r, 4, p.audits());
				r++;
			}
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
