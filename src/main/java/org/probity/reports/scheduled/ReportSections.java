package org.probity.reports.scheduled;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.probity.audits.AuditAlerts;
import org.probity.audits.AuditRatings;
import org.probity.estate.Estate;
import org.probity.estate.Unit;
import org.probity.estate.Visibility;
import org.probity.improvement.ImprovementReports;
import org.probity.measures.UnitFigures;
import org.probity.reports.obligations.Obligations;
import org.probity.reports.scheduled.ReportContent.CaseShown;
import org.probity.reports.scheduled.ReportContent.GridBuilder;
import org.probity.reports.scheduled.ReportContent.Section;
import org.probity.reports.supplychain.Subcontractors;
import org.probity.shared.Clocks;
import org.probity.shared.Crn;
import org.probity.shared.Dates;
import org.probity.shared.Period;
import org.probity.shared.UnitCode;

import org.springframework.stereotype.Component;

/**
 * Builds the sections of the scheduled reports from the other modules' public APIs. Case
 * rows (alerts, actions raised from a case's audit) are frozen as every reader may see
 * them: a restricted case is one row "Restricted case" and nothing else.
 */
@Component
class ReportSections {

	private final UnitFigures measures;

	private final AuditRatings ratings;

	private final AuditAlerts alerts;

	private final ImprovementReports improvement;

	private final FeedbackHeadlines feedback;

	private final Estate estate;

	private final Visibility visibility;

	private final Obligations obligations;

	ReportSections(UnitFigures measures, AuditRatings ratings, AuditAlerts alerts, ImprovementReports improvement,
			FeedbackHeadlines feedback, Estate estate, Visibility visibility, Obligations obligations) {
		this.measures = measures;
		this.ratings = ratings;
		this.alerts = alerts;
		this.improvement = improvement;
		this.feedback = feedback;
		this.estate = estate;
		this.visibility = visibility;
		this.obligations = obligations;
	}

	/** What one report is being built from, and the cases it names as it goes. */
	final class Draft {

		final ScheduleRules.Due due;

		final UnitCode unit;

		final List<Section> sections = new ArrayList<>();

		final Map<String, Boolean> cases = new LinkedHashMap<>();

		Draft(ScheduleRules.Due due, UnitCode unit) {
			this.due = due;
			this.unit = unit;
		}

		Period period() {
			return ScheduleRules.period(this.due);
		}

		void add(String heading, List<String> paragraphs, GridBuilder... tables) {
			this.sections.add(new Section(heading, List.copyOf(paragraphs),
					java.util.Arrays.stream(tables).filter((t) -> !t.isEmpty()).map(GridBuilder::build).toList()));
		}

		List<CaseShown> caseList() {
			return this.cases.entrySet().stream().map((e) -> new CaseShown(e.getKey(), e.getValue())).toList();
		}

		/** The case's cell as frozen: its CRN, or "Restricted case". */
		String caseCell(String crn, Set<String> restricted) {
			boolean hidden = restricted.contains(crn);
			this.cases.merge(crn, hidden, Boolean::logicalOr);
			return hidden ? ReportContent.RESTRICTED : crn;
		}

	}

	Draft draft(ScheduleRules.Due due, UnitCode unit) {
		return new Draft(due, unit);
	}

	String unitName(UnitCode unit) {
		return this.estate.unit(unit).map(Unit::name).orElse(unit.value());
	}

	/** The unit and every unit below it. */
	Set<String> unitsUnder(UnitCode unit) {
		Set<String> under = new HashSet<>();
		under.add(unit.value());
		for (Unit u : this.estate.units()) {
			if (u.parentCode() != null && under.contains(u.parentCode().value())) {
				under.add(u.code().value());
			}
		}
		return under;
	}

	// ---- measures

	void measures(Draft d, String heading, boolean withPrevious) {
		Period period = d.period();
		List<UnitFigures.Line> lines = this.measures.of(d.unit, period, 1);
		Map<String, UnitFigures.Result> before = new java.util.HashMap<>();
		if (withPrevious) {
			this.measures.of(d.unit, period.previous(), 1).forEach((l) -> before.put(l.code(), l.result()));
		}
		GridBuilder t = new GridBuilder("Service levels, " + d.due.label()).text("Measure", "Title")
			.number("Numerator", "Denominator", "Performance %", "Target %")
			.text("RAG", "Rating");
		if (withPrevious) {
			t.number("Previous period %").text("Previous RAG").number("Change (points)");
		}
		int red = 0;
		int amber = 0;
		for (UnitFigures.Line l : lines) {
			UnitFigures.Result f = l.result();
			red += "RED".equals(f.rag()) ? 1 : 0;
			amber += "AMBER".equals(f.rag()) ? 1 : 0;
			List<Object> row = new ArrayList<>(List.of(l.code(), l.title(), f.numerator(), f.denominator()));
			row.add(round(f.performance()));
			row.add(round(f.target()));
			row.add(f.ragWord());
			row.add(f.ratingWord());
			if (withPrevious) {
				UnitFigures.Result p = before.get(l.code());
				row.add(round(p.performance()));
				row.add(p.ragWord());
				row.add((f.performance() != null && p.performance() != null) ? round(f.performance() - p.performance())
						: null);
			}
			t.row(row.toArray());
		}
		d.add(heading,
				List.of(unitName(d.unit) + ": " + red + " measures Red and " + amber
						+ " Amber, judged against the target in force on the first day of the period"
						+ (withPrevious ? "; beside the period before." : ".")),
				t);
	}

	void flagsOfMonth(Draft d) {
		flags(d, this.measures.raisedOnMonth(d.unit, YearMonth.from(d.due.from())), "Flags on the month's results");
	}

	void flagsRaised(Draft d) {
		flags(d, this.measures.raisedBetween(d.unit, d.due.from(), d.due.to()), "Flags raised in the week");
	}

	private void flags(Draft d, List<UnitFigures.RaisedFlag> flags, String heading) {
		GridBuilder t = new GridBuilder(heading).text("Flag", "Measure", "Month", "On").number("Performance %");
		for (UnitFigures.RaisedFlag f : flags) {
			String on = (f.unitCode() != null) ? unitName(new UnitCode(f.unitCode())) : "Practitioner " + f.staffCode();
			t.row(flagWords(f.kind()), f.measureCode() + " " + f.measureTitle(), month(f.month()), on,
					round(f.performance()));
		}
		d.add(heading, List.of(flags.isEmpty() ? "No flags." : flags.size() + " flags."), t);
	}

	// ---- audits and alerts

	void audits(Draft d, String heading) {
		AuditRatings.Result r = this.ratings.rate(AuditRatings.Scope.unit(d.unit, d.due.from(), d.due.to()));
		GridBuilder t = new GridBuilder("Ratings by standard").text("Template", "Standard", "Title", "Rating");
		for (AuditRatings.StandardResult s : r.standards()) {
			t.row(s.templateCode(), s.code(), s.title(), (s.rating() != null) ? s.rating().label() : "No rating");
		}
		d.add(heading,
				List.of(r.auditsCompleted() + " case audits completed, rated under " + r.frameworkVersion() + "."), t);
	}

	/** Alerts raised in the period, and those open and past their due date at its end. */
	void alerts(Draft d) {
		Set<String> under = unitsUnder(d.unit);
		List<AuditAlerts.Alert> all = this.alerts.raisedBetween(d.unit, LocalDate.of(2000, 1, 1), d.due.to());
		Instant end = d.due.to().plusDays(1).atStartOfDay(Clocks.LONDON).toInstant();
		List<AuditAlerts.Alert> raised = all.stream()
			.filter((a) -> !a.raisedAt().isBefore(d.due.from().atStartOfDay(Clocks.LONDON).toInstant()))
			.toList();
		List<AuditAlerts.Alert> overdue = all.stream()
			.filter((a) -> under.contains(a.teamCode()))
			.filter((a) -> a.acknowledgedAt() == null || !a.acknowledgedAt().isBefore(end))
			.filter((a) -> a.dueDate().isBefore(d.due.to()))
			.toList();
		Set<String> restricted = restricted(all.stream().map(AuditAlerts.Alert::crn).toList());
		d.add("Alerts",
				List.of(raised.size() + " alerts raised; " + overdue.size()
						+ " open past their one business day at the end of the period."),
				alertTable(d, "Alerts raised", raised, restricted),
				alertTable(d, "Alerts overdue", overdue, restricted));
	}

	private GridBuilder alertTable(Draft d, String caption, List<AuditAlerts.Alert> alerts, Set<String> restricted) {
		GridBuilder t = new GridBuilder(caption).text("Case", "Team", "Practitioner", "Concern", "Raised", "Respond by",
				"What was done");
		for (AuditAlerts.Alert a : alerts) {
			String cell = d.caseCell(a.crn(), restricted);
			if (ReportContent.RESTRICTED.equals(cell)) {
				t.row(cell, "", "", "", "", "", "");
			}
			else {
				t.row(cell, a.teamName(), a.practitioner(), a.reason(),
						Dates.format(a.raisedAt().atZone(Clocks.LONDON).toLocalDate()), Dates.format(a.dueDate()),
						(a.actionTaken() != null) ? a.actionTaken() : "Not yet recorded");
			}
		}
		return t;
	}

	// ---- actions

	void actions(Draft d, String heading, boolean redOnly) {
		List<ImprovementReports.ReportedAction> open = this.improvement.openUnder(d.unit, d.due.to());
		actionSection(d, heading, open, redOnly);
	}

	void actionSection(Draft d, String heading, List<ImprovementReports.ReportedAction> open, boolean redOnly) {
		long red = open.stream().filter((a) -> "RED".equals(a.rag())).count();
		long amber = open.stream().filter((a) -> "AMBER".equals(a.rag())).count();
		List<ImprovementReports.ReportedAction> listed = open.stream()
			.filter((a) -> !redOnly || "RED".equals(a.rag()))
			.toList();
		Set<String> restricted = restricted(listed.stream().map((a) -> Objects.toString(a.crn(), null)).toList());
		GridBuilder t = new GridBuilder(redOnly ? "Red actions" : "Open actions")
			.text("Plan", "Action", "Owner", "Target date", "RAG")
			.number("Days overdue")
			.text("Latest update");
		for (ImprovementReports.ReportedAction a : listed) {
			if (a.crn() != null && ReportContent.RESTRICTED.equals(d.caseCell(a.crn().value(), restricted))) {
				t.row(a.planTitle(), ReportContent.RESTRICTED, a.owner(), Dates.format(a.targetDate()), a.ragWord(),
						a.daysOverdue(), "");
				continue;
			}
			t.row(a.planTitle(), a.description(), a.owner(), Dates.format(a.targetDate()), a.ragWord(), a.daysOverdue(),
					(a.latestUpdate() != null) ? Dates.format(a.latestUpdateOn()) + ": " + a.latestUpdate() : "");
		}
		d.add(heading, List.of(open.size() + " open actions: " + red + " Red (overdue), " + amber
				+ " Amber (due within 14 days), as of " + Dates.format(d.due.to()) + "."), t);
	}

	// ---- feedback (issue #18, point 7)

	void complaintsReceived(Draft d) {
		FeedbackHeadlines.ComplaintTimeliness c = this.feedback.complaints(d.unit, d.due.from(), d.due.to(),
				d.due.to());
		d.add("Complaints received", List.of(c.received() + " complaints received in the period."), timelinessTable(c));
	}

	void complaintTimeliness(Draft d) {
		FeedbackHeadlines.ComplaintTimeliness c = this.feedback.complaints(d.unit, d.due.from(), d.due.to(),
				d.due.to());
		BigDecimal onTime = c.responsesOnTimePercent();
		d.add("Complaint timeliness",
				List.of(c.received() + " complaints received in the period; "
						+ ((onTime != null) ? onTime.toPlainString() + "% of stage 1 responses due were on time"
								: "no stage 1 response was yet due")
						+ ", as of " + Dates.format(d.due.to()) + "."),
				timelinessTable(c));
	}

	private static GridBuilder timelinessTable(FeedbackHeadlines.ComplaintTimeliness c) {
		return new GridBuilder("Complaint stages").text("Stage")
			.number("On time", "Late", "Open", "Overdue")
			.row("Acknowledgement", c.acknowledgedOnTime(), c.acknowledgedLate(), c.acknowledgementOpen(),
					c.acknowledgementOverdue())
			.row("Stage 1 response", c.respondedOnTime(), c.respondedLate(), c.responseOpen(), c.responseOverdue());
	}

	void surveys(Draft d) {
		List<FeedbackHeadlines.SurveyHeadline> headlines = this.feedback.surveys(d.unit, d.period());
		GridBuilder t = new GridBuilder("Survey headlines").text("Questionnaire")
			.number("Respondents")
			.text("Results")
			.number("Mean positive share %", "Engagement index");
		for (FeedbackHeadlines.SurveyHeadline h : headlines) {
			t.row(h.questionnaire(), h.respondents(), h.suppressed() ? "Fewer than 10 respondents: not shown" : "Shown",
					h.positive(), h.engagementIndex());
		}
		d.add("Survey headlines", List.of(headlines.isEmpty() ? "No survey responses in the period." : headlines.size()
				+ " questionnaires answered in the period; results of fewer than 10 respondents are not shown."), t);
	}

	// ---- supply chain

	/** A section per subcontractor running delivery units under the report's unit. */
	void subcontractors(Draft d, List<Subcontractors.Subcontractor> all) {
		Set<String> under = unitsUnder(d.unit);
		for (Subcontractors.Subcontractor s : all) {
			List<UnitCode> units = s.units().stream().filter((u) -> under.contains(u.value())).toList();
			if (!units.isEmpty()) {
				subcontractor(d, s, units);
			}
		}
	}

	/**
	 * The subcontractor's delivery units: their measures, audits, contract obligations
	 * (as the register stands when the report is made) and actions.
	 */
	void subcontractor(Draft d, Subcontractors.Subcontractor s, List<UnitCode> units) {
		Period period = d.period();
		GridBuilder measures = new GridBuilder("Service levels of " + s.name()).text("Unit", "Measure")
			.number("Numerator", "Denominator", "Performance %", "Target %")
			.text("RAG");
		GridBuilder audits = new GridBuilder("Case audits of " + s.name()).text("Unit")
			.number("Audits completed")
			.text("Standards inadequate or requiring improvement");
		List<ImprovementReports.ReportedAction> actions = new ArrayList<>();
		Map<UnitCode, List<UnitFigures.Line>> figures = this.measures.of(units, period);
		for (UnitCode u : units) {
			String name = unitName(u);
			for (UnitFigures.Line l : figures.get(u)) {
				UnitFigures.Result f = l.result();
				if (f.denominator() > 0) {
					measures.row(name, l.code() + " " + l.title(), f.numerator(), f.denominator(),
							round(f.performance()), round(f.target()), f.ragWord());
				}
			}
			AuditRatings.Result r = this.ratings.rate(AuditRatings.Scope.unit(u, d.due.from(), d.due.to()));
			List<String> weak = r.standards()
				.stream()
				.filter((st) -> st.rating() != null && (st.rating().name().equals("INADEQUATE")
						|| st.rating().name().equals("REQUIRES_IMPROVEMENT")))
				.map((st) -> st.code() + " " + st.rating().label())
				.toList();
			audits.row(name, r.auditsCompleted(), weak.isEmpty() ? "None" : String.join("; ", weak));
			actions.addAll(this.improvement.openUnder(u, d.due.to()));
		}
		List<Obligations.Obligation> held = this.obligations.ofDeliveryUnits(units);
		GridBuilder obligations = new GridBuilder("Contract obligations of " + s.name()).text("Clause", "Requirement",
				"Delivery unit", "RAG at last review", "Last reviewed", "Next review", "Review overdue");
		for (Obligations.Obligation o : held) {
			Obligations.Review r = o.lastReview();
			obligations.row(o.clause(), o.requirement(), o.deliveryUnitName(),
					(r == null) ? "Not yet reviewed" : r.rag().word(), (r == null) ? "" : Dates.format(r.reviewedOn()),
					Dates.format(o.nextReviewOn()), o.overdue() ? "Overdue" : "No");
		}
		long overdue = held.stream().filter(Obligations.Obligation::overdue).count();
		List<String> names = units.stream().map(this::unitName).toList();
		d.add("Subcontractor: " + s.name(), List.of(s.name() + " runs " + String.join(", ", names) + ".",
				held.isEmpty() ? "It holds no contract obligations of the register." : "It holds " + held.size()
						+ ((held.size() == 1) ? " contract obligation" : " contract obligations") + " of the register, "
						+ overdue + " with a review overdue on " + Dates.format(this.obligations.today()) + "."),
				measures, audits, obligations);
		actionSection(d, "Actions of " + s.name(), actions, false);
	}

	// ---- committee

	void committee(Draft d) {
		ImprovementReports.Committee c = this.improvement.committee(d.due.to());
		Set<String> under = unitsUnder(d.unit);
		List<ImprovementReports.ReportedAction> red = c.redActions()
			.stream()
			.filter((a) -> a.unitCode() != null && under.contains(a.unitCode().value().strip()))
			.toList();
		actionSection(d, "Red actions", red, true);
		GridBuilder risks = new GridBuilder("Risks scored 15 or more").text("Plan")
			.number("No")
			.text("Risk", "Owner")
			.number("Likelihood", "Impact", "Score")
			.text("Controls", "Review date");
		for (ImprovementReports.ReportedRisk r : c.risks()) {
			risks.row(r.planTitle(), r.riskNo(), r.description(), r.owner(), r.likelihood(), r.impact(), r.score(),
					r.controls(), Dates.format(r.reviewDate()));
		}
		d.add("Risks", List.of(c.risks().size() + " risks scored 15 or more (likelihood x impact) on "
				+ Dates.format(d.due.to()) + "."), risks);
		List<AuditAlerts.Alert> open = c.openAlerts().stream().filter((a) -> under.contains(a.teamCode())).toList();
		Set<String> restricted = restricted(open.stream().map(AuditAlerts.Alert::crn).toList());
		d.add("Open alert cases", List.of(open.size() + " alert cases open on " + Dates.format(d.due.to()) + "."),
				alertTable(d, "Open alert cases", open, restricted));
	}

	// ---- helpers

	private Set<String> restricted(Collection<String> crns) {
		return this.visibility
			.restrictedForEveryReader(crns.stream().filter(java.util.Objects::nonNull).map(Crn::new).toList());
	}

	static BigDecimal round(Double value) {
		return (value == null) ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
	}

	private static String month(YearMonth month) {
		return month.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.UK));
	}

	private static String flagWords(String kind) {
		return switch (kind) {
			case "DEEPER_AUDIT" -> "Deeper audit";
			case "SUSTAINED_SHORTFALL" -> "Sustained shortfall";
			default -> kind;
		};
	}

}
