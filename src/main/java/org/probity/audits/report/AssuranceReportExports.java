package org.probity.audits.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.probity.audits.AssuranceReports;
import org.probity.audits.AuditRatings;
import org.probity.audits.web.PageFormat;
import org.probity.shared.web.PdfDocuments;
import org.probity.shared.web.Table;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * The assurance report as a tagged PDF ({@link PdfDocuments}, from an XHTML Thymeleaf
 * template) and as the tables of the shared export (XLSX, ODS, CSV).
 */
@Component
public class AssuranceReportExports {

	private final ITemplateEngine templates;

	private final PageFormat format;

	AssuranceReportExports(ITemplateEngine templates, PageFormat format) {
		this.templates = templates;
		this.format = format;
	}

	public byte[] pdf(AssuranceReports.Report report) {
		Context context = new Context(Locale.UK);
		context.setVariable("report", report);
		context.setVariable("fmt", this.format);
		return PdfDocuments.render(this.templates.process("audits/report-pdf", context));
	}

	/**
	 * The report as tables for the shared export (XLSX, ODS or CSV): the report's month,
	 * unit and framework, the audits of each team, the ratings, the alerts and the failed
	 * prompts.
	 */
	public List<Table> tables(AssuranceReports.Report report) {
		Table about = Table.titled("Report")
			.text("Monthly audit programme assurance report", "")
			.row("Month", report.month().toString())
			.row("Unit", report.unitName())
			.row("Framework", report.ratings().frameworkVersion());
		List<List<Object>> teams = new ArrayList<>();
		for (AssuranceReports.TeamLine t : report.teams()) {
			teams.add(Arrays.asList(t.teamCode(), t.teamName(), t.planned(), t.done(), t.late(), t.missed()));
		}
		AssuranceReports.TeamLine total = report.total();
		teams.add(Arrays.asList("", "Total", total.planned(), total.done(), total.late(), total.missed()));
		Table audits = Table.titled("Audits")
			.text("Team code", "Team")
			.number("Planned", "Done", "Late", "Missed")
			.rows(teams);
		List<List<Object>> ratingRows = new ArrayList<>();
		for (AuditRatings.StandardResult s : report.ratings().standards()) {
			for (AuditRatings.KeyQuestionResult q : s.keyQuestions()) {
				ratingRows.add(Arrays.asList(s.templateCode(), s.code(), s.title(),
						(s.rating() != null) ? s.rating().label() : "No rating", q.code(), q.text(), q.yes(), q.no(),
						q.notApplicable(), q.percent(), (q.rating() != null) ? q.rating().label() : "No rating"));
			}
		}
		Table ratings = Table.titled("Ratings")
			.text("Template", "Standard", "Title", "Standard rating", "Key question", "Text")
			.number("Yes", "No", "Not applicable", "Performance %")
			.text("Key question rating")
			.rows(ratingRows);
		Table alerts = Table.titled("Alerts")
			.text("CRN", "Practitioner", "Team", "Concern", "Raised", "Respond by", "What was done", "Recorded by")
			.rows(report.alerts()
				.stream()
				.map((a) -> Arrays.<Object>asList(a.crn(), a.practitioner(), a.teamName(), a.reason(),
						this.format.dateTime(a.raisedAt()), this.format.date(a.dueDate()),
						(a.actionTaken() != null) ? a.actionTaken() : (a.overdue() ? "Overdue" : "Open"),
						a.acknowledgedBy()))
				.toList());
		Table prompts = Table.titled("Failed prompts")
			.text("Template", "Key question", "Prompt", "Text")
			.number("Audits")
			.rows(report.failedPrompts()
				.stream()
				.map((p) -> Arrays.<Object>asList(p.templateCode(), p.keyQuestionCode(), p.promptCode(), p.text(),
						p.audits()))
				.toList());
		return List.of(about, audits, ratings, alerts, prompts);
	}

}
