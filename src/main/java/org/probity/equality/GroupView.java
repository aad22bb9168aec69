package org.probity.equality;

import java.util.Locale;

/** A group's figures as a page shows them: "fewer than 5" for a suppressed group. */
record GroupView(GroupFigures figures, String label, String cases, String met, String performance, String share,
		String difference, String rateRatio, String significance, String qValue, String tagClass) {

	static GroupView of(GroupFigures g, long characteristicTotal) {
		String label = Characteristic.groupLabel(g.group());
		if (g.suppressed()) {
			return new GroupView(g, label, "fewer than 5", "", "", "", "", "", "Not shown: fewer than 5 cases", "", "");
		}
		String share = (g.notRecorded() && characteristicTotal > 0)
				? percent(100.0 * g.denominator() / characteristicTotal) + " of cases" : "";
		String significance;
		String tag = "";
		if (g.notRecorded()) {
			significance = "Not compared";
		}
		else if (g.pValue() == null) {
			significance = "No comparison";
		}
		else if (g.direction() == GroupFigures.Direction.LOWER) {
			significance = "Lower than the rest, significant";
			tag = "govuk-tag govuk-tag--red";
		}
		else if (g.direction() == GroupFigures.Direction.HIGHER) {
			significance = "Higher than the rest, significant";
			tag = "govuk-tag govuk-tag--green";
		}
		else {
			significance = "Not significant";
		}
		return new GroupView(g, label, String.valueOf(g.denominator()), String.valueOf(g.numerator()),
				(g.performance() != null) ? percent(g.performance()) : "No cases", share,
				(g.difference() != null) ? points(g.difference()) : "",
				(g.rateRatio() != null) ? String.format(Locale.UK, "%.2f", g.rateRatio()) : "", significance,
				(g.qValue() != null) ? probability(g.qValue()) : "", tag);
	}

	/** A link to the cases is offered for a group shown with cases. */
	public boolean listable() {
		return !this.figures.suppressed() && this.figures.denominator() != null && this.figures.denominator() > 0;
	}

	static String percent(double value) {
		return String.format(Locale.UK, "%.1f%%", value);
	}

	static String points(double value) {
		return String.format(Locale.UK, "%+.1f points", value);
	}

	static String probability(double value) {
		return (value < 0.0001) ? "below 0.0001" : String.format(Locale.UK, "%.4f", value);
	}

}
