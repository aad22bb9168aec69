package org.probity.improvement.projects;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.probity.accounts.CurrentUser;
import org.probity.improvement.spc.XmrChart;
import org.probity.shared.Clocks;
import org.probity.shared.web.PdfDocuments;
import org.probity.shared.web.Table;
import org.probity.shared.Dates;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "what works" register: closed projects with their verdicts, the changes they made
 * and their charts, for the board and the Authority (page, CSV, XLSX and PDF).
 */
@Component
class WhatWorks {

	/** A closed project with its chart's verdict. */
	record Entry(Projects.Project project, String verdict, String verdictTag, String verdictWords, String mean,
			String changes, String closedOn) {
	}

	private final Projects projects;

	private final ITemplateEngine templates;

	WhatWorks(Projects projects, ITemplateEngine templates) {
		this.projects = projects;
		this.templates = templates;
	}

	@Transactional(readOnly = true)
	List<Entry> entries(CurrentUser user) {
		List<Entry> entries = new ArrayList<>();
		for (Projects.Project p : this.projects.list(user)) {
			if (!p.closed()) {
				continue;
			}
			XmrChart chart = this.projects.chart(p);
			ChartView view = ChartView.of(chart);
			String changes = this.projects.record(p.projectId(), user)
				.changes()
				.stream()
				.map((c) -> c.description() + " (from " + Dates.format(c.startedOn()) + ")")
				.collect(Collectors.joining("; "));
			entries.add(new Entry(p, view.verdict(), view.verdictTag(), chart.verdictInWords(),
					view.figure(chart.baseline().mean()), changes,
					Dates.format(LocalDate.ofInstant(p.closedAt(), Clocks.LONDON))));
		}
		return entries;
	}

	Table table(List<Entry> entries) {
		Table table = Table.titled("What works")
			.number("Project")
			.text("Title", "Measure", "Measure title", "Unit code", "Unit", "Change month", "Closed", "Verdict",
					"In words", "Baseline mean", "Changes made", "Chart");
		for (Entry e : entries) {
			Projects.Project p = e.project();
			table = table.row(p.projectId(), p.title(), p.measureCode().value(), p.measureTitle(), p.unitCode().value(),
					p.unitName(), p.changeMonth().toString(), e.closedOn(), e.verdict(), e.verdictWords(), e.mean(),
					e.changes(), "/projects/" + p.projectId() + "/chart");
		}
		return table;
	}

	byte[] pdf(List<Entry> entries, String baseUrl) {
		Context context = new Context(Locale.UK);
		context.setVariable("entries", entries);
		context.setVariable("baseUrl", baseUrl);
		String xhtml = this.templates.process("improvement/projects/what-works-pdf", context);
		return PdfDocuments.render(xhtml);
	}

}
