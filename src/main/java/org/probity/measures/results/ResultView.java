package org.probity.measures.results;

import java.util.List;
import java.util.Locale;

/**
 * A result as a page shows it: performance to one decimal place, RAG as a tag with its
 * word, and the rating.
 */
public record ResultView(String code, String label, String link, long numerator, long denominator, String performance,
		String target, String trigger, String rag, String ragWord, String ragClass, String rating, String ratingWord,
		List<ResultView> trend, String sparkline, Double targetValue, Double triggerValue) {

	public static ResultView of(MeasureResults.Result r, String code, String label, String link) {
		return of(r, code, label, link, List.of());
	}

	public static ResultView of(MeasureResults.Result r, String code, String label, String link,
			List<ResultView> trend) {
		Assessment a = r.assessment();
		return new ResultView(code, label, link, r.numerator(), r.denominator(), percent(a.performance()),
				number(r.target().target()), number(r.target().trigger()), a.rag().name(), a.rag().word(),
				ragClass(a.rag()), a.rating().name(), a.rating().word(), trend, sparkline(trend), r.target().target(),
				r.target().trigger());
	}

	public static String percent(Double performance) {
		return org.probity.shared.web.Format.percent(performance, "No cases");
	}

	/** Numerator and denominator with thousands separators, for pages. */
	public String numeratorText() {
		return org.probity.shared.web.Format.number(this.numerator);
	}

	public String denominatorText() {
		return org.probity.shared.web.Format.number(this.denominator);
	}

	public static String number(Double value) {
		if (value == null) {
			return "None";
		}
		return (value == Math.rint(value)) ? String.format(Locale.UK, "%.0f%%", value)
				: String.format(Locale.UK, "%s%%", value);
	}

	public static String ragClass(Assessment.Rag rag) {
		return switch (rag) {
			case GREEN -> "govuk-tag govuk-tag--green";
			case AMBER -> "govuk-tag govuk-tag--yellow";
			case RED -> "govuk-tag govuk-tag--red";
			case NO_CASES, NONE -> "govuk-tag govuk-tag--grey";
		};
	}

	/**
	 * SVG polyline points (120 x 30) of the trend's performance; months without cases are
	 * left out.
	 */
	public static String sparkline(List<ResultView> trend) {
		if (trend.isEmpty()) {
			return "";
		}
		StringBuilder points = new StringBuilder();
		double step = (trend.size() > 1) ? 120.0 / (trend.size() - 1) : 0;
		for (int i = 0; i < trend.size(); i++) {
			ResultView t = trend.get(i);
			if (t.denominator() > 0) {
				double p = 100.0 * t.numerator() / t.denominator();
				points.append(String.format(Locale.UK, "%.1f,%.1f ", i * step, 30 - p * 0.3));
			}
		}
		return points.toString().trim();
	}

}
