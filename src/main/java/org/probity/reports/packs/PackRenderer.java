package org.probity.reports.packs;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.probity.reports.archive.ReportKind;
import org.probity.reports.archive.ReportRenderer;
import org.probity.reports.archive.StoredReport;
import org.probity.shared.Clocks;
import org.probity.shared.web.Table;

import org.springframework.stereotype.Component;

/**
 * The monthly pack read from its frozen JSON only: the body of its page and PDF, and its
 * tables for the XLSX and ODS downloads. Rows of restricted cases read "Restricted case".
 */
@Component
class PackRenderer implements ReportRenderer {

	private final ITemplateEngine templates;

	private final MonthlyPacks packs;

	private final Clock clock;

	PackRenderer(ITemplateEngine templates, MonthlyPacks packs, Clock clock) {
		this.templates = templates;
		this.packs = packs;
		this.clock = clock;
	}

	@Override
	public Set<ReportKind> kinds() {
		return Set.of(ReportKind.MONTHLY_PACK);
	}

	@Override
	public String xhtml(StoredReport report) {
		Context context = new Context(Locale.UK);
		context.setVariable("report", report);
		context.setVariable("pack", this.packs.read(report));
		context.setVariable("late", DueDates.late(report, today()));
		context.setVariable("fmt", PackFormat.INSTANCE);
		return this.templates.process("reports/pack-body", context);
	}

	@Override
	public List<Table> tables(StoredReport report) {
		PackContent pack = this.packs.read(report);
		PackFormat fmt = PackFormat.INSTANCE;
		Table about = Table.titled("Pack")
			.text("Item", "Value")
			.row("Report", report.title())
			.row("Provider", pack.providerName())
			.row("Month", pack.month())
			.row("Status", report.status().words())
			.row("Issue", String.valueOf(report.issue()))
			.row("Due", pack.dueOn())
			.row("Late", DueDates.late(report, today()) ? "Yes" : "No")
			.row("Submitted by", (report.submittedBy() != null) ? report.submittedBy() : "")
			.row("Approved by", (report.approvedBy() != null) ? report.approvedBy() : "")
			.row("Approved at", fmt.dateTime(report.approvedAt()))
			.row("Reason for re-issue", (report.reissueReason() != null) ? report.reissueReason() : "")
			.row("Baseline year", (pack.baselineYear() != null) ? pack.baselineYear().toString() : "Not set");
		List<List<Object>> measures = new ArrayList<>();
		for (PackContent.MeasureSection m : pack.measures()) {
			measures.add(figureRow(m, m.provider(), "Provider"));
			for (PackContent.Figure f : m.ldus()) {
				measures.add(figureRow(m, f, "LDU"));
			}
		}
		Table figures = Table.titled("Measures")
			.text("Measure", "Title", "Level", "Unit code", "Unit")
			.number("Numerator", "Denominator", "Performance %", "Target %", "Trigger %")
			.text("RAG", "Rating")
			.number("Last month %", "Change from last month", "Baseline %", "Change from baseline")
			.rows(measures);
		List<List<Object>> trend = new ArrayList<>();
		for (PackContent.MeasureSection m : pack.measures()) {
			for (PackContent.TrendPoint t : m.trend()) {
				trend.add(Arrays.asList(m.code(), t.month(), t.numerator(), t.denominator(), t.performance(),
						t.ragWord()));
			}
		}
		Table trendTable = Table.titled("Trend")
			.text("Measure", "Month")
			.number("Numerator", "Denominator", "Performance %")
			.text("RAG")
			.rows(trend);
		Table commentary = Table.titled("Commentary")
			.text("Measure", "Title", "Why", "What is being done", "Action", "Written by")
			.rows(pack.failing().stream().map((m) -> {
				PackContent.Commentary c = pack.commentary().get(m.code());
				return Arrays.<Object>asList(m.code(), m.title(), (c != null) ? c.why() : "Not written",
						(c != null) ? c.whatIsBeingDone() : "",
						(c != null && c.actionId() != null) ? c.actionPath() : "", (c != null) ? c.writtenBy() : "");
			}).toList());
		Table flags = Table.titled("Flags")
			.text("Unit code", "Unit", "Measure", "Flag")
			.number("Performance %")
			.rows(pack.flags()
				.stream()
				.map((f) -> Arrays.<Object>asList(f.unitCode(), f.unitName(), f.measureCode(), f.kindWords(),
						f.performance()))
				.toList());
		PackContent.AuditActivity a = pack.audits();
		Table audits = Table.titled("Audits")
			.text("Team")
			.number("Planned", "Done", "Late", "Missed")
			.rows(a.teams()
				.stream()
				.map((t) -> Arrays.<Object>asList(t.teamName(), t.planned(), t.done(), t.late(), t.missed()))
				.toList())
			.row("Total", a.planned(), a.done(), a.late(), a.missed());
		Table ratings = Table.titled("Ratings")
			.text("Template", "Standard", "Title", "Rating")
			.rows(a.standards()
				.stream()
				.map((s) -> Arrays.<Object>asList(s.templateCode(), s.code(), s.title(), s.rating()))
				.toList());
		Table alerts = Table.titled("Alert cases")
			.text("CRN", "Team", "Concern", "Raised", "What was done")
			.rows(pack.alertCases()
				.stream()
				.map((c) -> Boolean.TRUE.equals(c.restricted())
						? Arrays.<Object>asList(c.crn(), "", "Restricted case", "", "")
						: Arrays.<Object>asList(c.crn(), c.teamName(), c.reason(), c.raisedOn(), c.outcome()))
				.toList());
		Table red = Table.titled("Red actions")
			.text("Action", "Plan", "Owner", "Target date", "Link")
			.rows(pack.redActions()
				.stream()
				.map((r) -> Boolean.TRUE.equals(r.restricted())
						? Arrays.<Object>asList("Restricted case " + r.crn(), "", "", "", "")
						: Arrays.<Object>asList(r.description(), r.planTitle(), r.owner(), r.targetDate(), r.path()))
				.toList());
		Table equality = Table.titled("Equality")
			.text("Measure", "Characteristic", "Group")
			.number("Numerator", "Denominator", "Performance %", "Rest %", "Difference")
			.text("Direction")
			.rows(pack.equality()
				.stream()
				.map((e) -> Arrays.<Object>asList(e.measureCode(), e.characteristic(), e.group(), e.numerator(),
						e.denominator(), e.performance(), e.restPerformance(), e.difference(), e.direction()))
				.toList());
		return List.of(about, figures, trendTable, commentary, flags, audits, ratings, alerts, red, equality);
	}

	private static List<Object> figureRow(PackContent.MeasureSection m, PackContent.Figure f, String level) {
		return Arrays.asList(m.code(), m.title(), level, f.unitCode(), f.unitName(), f.numerator(), f.denominator(),
				f.performance(), m.target(), m.trigger(), f.ragWord(), f.ratingWord(), f.lastMonth(),
				f.changeFromLastMonth(), f.baseline(), f.changeFromBaseline());
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(Clocks.LONDON));
	}

}
