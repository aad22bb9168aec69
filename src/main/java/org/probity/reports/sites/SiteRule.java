package org.probity.reports.sites;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.probity.audits.AuditRatings;
import org.probity.audits.Rating;
import org.probity.measures.UnitResults;
import org.probity.shared.Period;

/**
 * The quarterly site quality RAG (issue 15, point 3), the reading of the seeds:
 * RED when any measure is seriously deficient (below its trigger) or any case-audit
 * standard is rated Inadequate in the quarter or an alert was overdue in it; AMBER when
 * any measure is not met (below its target, at or above its trigger) or any standard
 * requires improvement; GREEN otherwise. A measure with no cases or no target, and a
 * standard the audits could not rate, count for nothing.
 */
final class SiteRule {

	static final String STATED = "Red if any service level is seriously deficient (below its trigger), any case audit "
			+ "standard is rated Inadequate from the audits completed in the quarter, or an audit alert was overdue "
			+ "(not acknowledged by its due date) on any day of the quarter. Amber if any service level is not met "
			+ "(below its target, at or above its trigger) or any standard is rated Requires improvement. "
			+ "Green otherwise. An LDU's figures, audits and alerts include every team in it.";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	/** What made a site the colour it is. */
	public enum Kind {

		MEASURE, STANDARD, ALERT

	}

	/**
	 * One reason: for an alert, its case's CRN and whether the reader may see only that
	 * it is a restricted case.
	 */
	public record Reason(SiteRag rag, Kind kind, String code, String text, String crn, boolean restricted) {
	}

	/** An alert as the rule reads it. */
	public record AlertFacts(long auditId, String crn, LocalDate dueDate, LocalDate acknowledgedOn,
			boolean restricted) {
	}

	public record Judgement(SiteRag rag, List<Reason> reasons) {
	}

	private SiteRule() {
	}

	static Judgement judge(List<UnitResults.Figure> figures, List<AuditRatings.StandardResult> standards,
			List<AlertFacts> overdueAlerts) {
		List<Reason> reasons = new ArrayList<>();
		for (UnitResults.Figure f : figures) {
			if ("SERIOUSLY_DEFICIENT".equals(f.rating())) {
				reasons.add(
						new Reason(SiteRag.RED, Kind.MEASURE, f.measureCode(),
								"%s %s: %s%% (%d of %d), below its trigger of %s%%".formatted(f.measureCode(),
										f.title(), f.percent(), f.numerator(), f.denominator(), number(f.trigger())),
								null, false));
			}
			else if ("NOT_MET".equals(f.rating())) {
				reasons.add(new Reason(SiteRag.AMBER, Kind.MEASURE, f.measureCode(),
						"%s %s: %s%% (%d of %d), below its target of %s%%".formatted(f.measureCode(), f.title(),
								f.percent(), f.numerator(), f.denominator(), number(f.target())),
						null, false));
			}
		}
		for (AuditRatings.StandardResult s : standards) {
			if (s.rating() == Rating.INADEQUATE || s.rating() == Rating.REQUIRES_IMPROVEMENT) {
				reasons.add(new Reason((s.rating() == Rating.INADEQUATE) ? SiteRag.RED : SiteRag.AMBER, Kind.STANDARD,
						s.code(), "Standard %s %s (%s audits): rated %s".formatted(s.code(), s.title(),
								s.templateCode(), s.rating().label()),
						null, false));
			}
		}
		for (AlertFacts a : overdueAlerts) {
			String who = a.restricted() ? "a restricted case" : a.crn();
			String done = (a.acknowledgedOn() == null) ? "not yet acknowledged"
					: "acknowledged on " + DAY.format(a.acknowledgedOn());
			reasons.add(new Reason(SiteRag.RED, Kind.ALERT, Long.toString(a.auditId()),
					"Alert on %s due by %s, %s".formatted(who, DAY.format(a.dueDate()), done), a.crn(),
					a.restricted()));
		}
		reasons.sort(Comparator.comparing(Reason::rag));
		SiteRag rag = reasons.isEmpty() ? SiteRag.GREEN : reasons.get(0).rag();
		return new Judgement(rag, List.copyOf(reasons));
	}

	/**
	 * Whether an alert was overdue on some day of the quarter up to today: a day after
	 * its due date on which it had not yet been acknowledged (the audits module's
	 * "overdue": unacknowledged and due before today). An alert due today is not overdue.
	 */
	static boolean overdueIn(LocalDate dueDate, LocalDate acknowledgedOn, Period quarter, LocalDate today) {
		LocalDate firstOverdue = dueDate.plusDays(1);
		LocalDate last = quarter.endDate().isBefore(today) ? quarter.endDate() : today;
		if (firstOverdue.isAfter(last)) {
			return false;
		}
		if (acknowledgedOn == null) {
			return true;
		}
		// overdue from the day after its due date until the day it was acknowledged
		return acknowledgedOn.isAfter(dueDate) && !acknowledgedOn.isBefore(quarter.startDate());
	}

	private static String number(Double value) {
		if (value == null) {
			return "";
		}
		return (value == Math.rint(value)) ? Long.toString(value.longValue()) : value.toString();
	}

}
