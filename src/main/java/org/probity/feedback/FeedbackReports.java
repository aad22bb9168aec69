package org.probity.feedback;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.probity.shared.Period;
import org.probity.shared.UnitCode;
import org.probity.shared.web.PdfDocuments;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * The quarterly feedback report (end-of-supervision feedback is "reported quarterly"):
 * complaint timeliness, survey headlines with suppression, and the councils and forums of
 * the quarter, as PDF from an XHTML template.
 */
@Component
class FeedbackReports {

	record Report(Period quarter, String unitName, List<Complaints.TimelinessRow> timeliness,
			List<SurveyResults.Results> surveys, List<Meeting> meetings, LocalDate asOf) {
	}

	private final Complaints complaints;

	private final SurveyResults results;

	private final Questionnaires questionnaires;

	private final Meetings meetings;

	private final ITemplateEngine templates;

	FeedbackReports(Complaints complaints, SurveyResults results, Questionnaires questionnaires, Meetings meetings,
			ITemplateEngine templates) {
		this.complaints = complaints;
		this.results = results;
		this.questionnaires = questionnaires;
		this.meetings = meetings;
		this.templates = templates;
	}

	/**
	 * The report for complaints and meetings the user may see (filtered by the caller).
	 */
	Report report(Period quarter, String unitCode, String unitName, List<Complaint> visibleComplaints, LocalDate asOf) {
		List<SurveyResults.Results> surveys = this.questionnaires.latest()
			.stream()
			.map((q) -> this.results.results(q.code(), quarter, (unitCode != null) ? new UnitCode(unitCode) : null))
			.toList();
		List<Meeting> held = this.meetings.meetings(unitCode)
			.stream()
			.filter((m) -> !m.heldOn().isBefore(quarter.startDate()) && !m.heldOn().isAfter(quarter.endDate()))
			.toList();
		return new Report(quarter, unitName, this.complaints.timeliness(visibleComplaints, asOf), surveys, held, asOf);
	}

	List<Complaint> complaintsOf(String unitCode, Period quarter) {
		return this.complaints.receivedUnder((unitCode != null) ? new UnitCode(unitCode) : null, quarter.startDate(),
				quarter.endDate());
	}

	byte[] pdf(Report report, FeedbackFormat format) {
		Context context = new Context(Locale.UK);
		context.setVariable("report", report);
		context.setVariable("fmt", format);
		String xhtml = this.templates.process("feedback/report-pdf", context);
		return PdfDocuments.render(xhtml);
	}

}
