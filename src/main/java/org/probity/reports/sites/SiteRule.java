package org.probity.reports.sites;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.probity.audits.AuditRatings;
import org.probity.audits.Rating;
import org.probity.measures.UnitFigures;
import org.probity.shared.Period;

/**
 * The quarterly site quality RAG (issue 15, point 3), the reading of the seeds:
 * RED when any measure is seriously deficient (below its trigger) or any case-audit
 * standard is rated Inadequate in the quarter or an alert was overdue in it; AMBER when
 * any measure is not met (below its target, at or above its trigger) or any standard
 * requires improvement; GREEN otherwise. A measure with no cases or no target, and a
 * standard the audits could not rate, count for nothing.
 * <p>
 * Probity's reading where the seeds are silent: a figure counts only when it rests on
 * enough cases to say something about the site. A measure counts from a quarter's
 * denominator of {@value #MIN_CASES} (the deeper-audit flag's minimum, measures.md); a
 * standard from {@value #MIN_AUDITS} audits of its template in the quarter (the people
 * module says when ratings rest on fewer than five cases). On the demo's data, without
 * these minimums a single NO in the one or two audits of a team's quarter rated a
 * standard Inadequate and 28 of 30 sites were Red. Those not counted are listed as such.
 */
final class SiteRule {

	/** The fewest cases in a quarter's denominator for a measure to count. */
	static final int MIN_CASES = 10;

	/** The fewest audits in a quarter for a standard's rating to count. */
	static final int MIN_AUDITS = 5;

	static final String STATED = "Red if any service level is seriously deficient (below its trigger), any case audit "
			+ "standard is rated Inadequate from the audits completed in the quarter, or an audit alert was overdue "
			+ "(not acknowledged by its due date) on any day of the quarter. Amber if any service level is not met "
			+ "(below its target, at or above its trigger) or any standard is rated Requires improvement. "
			+ "Green otherwise. A service level counts when the quarter has at least " + MIN_CASES
			+ " cases in its denominator, a standard when it is rated from at least " + MIN_AUDITS
			+ " audits of the site in the quarter; those resting on fewer are listed as not counted. "
			+ "An LDU's figures, audits and alerts include every team in it.";

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

	/**
	 * The site's RAG, the reasons for it, and what would have been a reason but rests on
	 * too few cases or audits to count.
	 */
	public record Judgement(SiteRag rag, List<Reason> reasons, List<String> notCounted) {
	}

	private SiteRule() {
	}

	static Judgement judge(List<UnitFigures.Line> measures, List<AuditRatings.StandardResult> standards,
			List<AlertFacts> overdueAlerts) {
		List<Reason> reasons = new ArrayList<>();
		List<String> notCounted = new ArrayList<>();
		for (UnitFigures.Line line : measures) {
			UnitFigures.Result f = line.result();
			boolean shortfall = "SERIOUSLY_DEFICIENT".equals(f.rating()) || "NOT_MET".equals(f.rating());
			if (shortfall && f.denominator() < MIN_CASES) {
				notCounted.add("%s %s: %s%% (%d of %d), %s; fewer than %d cases".formatted(line.code(), line.title(),
						f.percent(), f.numerator(), f.denominator(),
						"SERIOUSLY_DEFICIENT".equals(f.rating()) ? "below its trigger" : "below its target",
						MIN_CASES));
			}
			else if ("SERIOUSLY_DEFICIENT".equals(f.rating())) {
				reasons.add(
						new Reason(SiteRag.RED, Kind.MEASURE, line.code(),
								"%s %s: %s%% (%d of %d), below its trigger of %s%%".formatted(line.code(), line.title(),
										f.percent(), f.numerator(), f.denominator(), number(f.trigger())),
								null, false));
			}
			else if ("NOT_MET".equals(f.rating())) {
				reasons.add(new Reason(SiteRag.AMBER, Kind.MEASURE, line.code(),
						"%s %s: %s%% (%d of %d), below its target of %s%%".formatted(line.code(), line.title(),
								f.percent(), f.numerator(), f.denominator(), number(f.target())),
						null, false));
			}
		}
		for (AuditRatings.StandardResult s : standards) {
			boolean below = s.rating() == Rating.INADEQUATE || s.rating() == Rating.REQUIRES_IMPROVEMENT;
			long audits = audits(s);
			if (below && audits < MIN_AUDITS) {
				notCounted.add("Standard %s %s (%s audits): rated %s from %d %s; fewer than %d audits".formatted(
						s.code(), s.title(), s.templateCode(), s.rating().label(), audits,
						(audits == 1) ? "audit" : "audits", MIN_AUDITS));
			}
			else if (below) {
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
		return new Judgement(rag, List.copyOf(reasons), List.copyOf(notCounted));
	}

	/**
	 * How many audits a standard's rating rests on: each answers each key question once.
	 */
	static long audits(AuditRatings.StandardResult standard) {
		return standard.keyQuestions().stream().mapToLong((q) -> q.yes() + q.no() + q.notApplicable()).max().orElse(0);
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
