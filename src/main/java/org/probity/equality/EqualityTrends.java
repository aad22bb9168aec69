package org.probity.equality;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.probity.equality.EqualityFigures.Focus;
import org.probity.equality.EqualityTables.Count;

/**
 * The 12-month trend of one group against its rest (the other recorded groups) for a
 * measure. Each month is its own table for suppression: a month where the group is
 * suppressed shows neither its figures nor its rest's.
 */
@Component
class EqualityTrends {

	static final int MONTHS = 12;

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

	record Choice(String measure, String title, Characteristic characteristic, String group) {

		public String groupLabel() {
			return Characteristic.groupLabel(this.group);
		}

	}

	record Month(YearMonth month, String label, boolean suppressed, Long cases, Long met, Double performance,
			Long restCases, Long restMet, Double restPerformance) {

		public String performanceText() {
			return this.suppressed ? "fewer than 5"
					: (this.performance != null) ? GroupView.percent(this.performance) : "No cases";
		}

		public String restPerformanceText() {
			return this.suppressed ? ""
					: (this.restPerformance != null) ? GroupView.percent(this.restPerformance) : "No cases";
		}

	}

	record Trend(Choice choice, List<Month> months, String chart) {
	}

	private final EqualityFigures figures;

	EqualityTrends(EqualityFigures figures) {
		this.figures = figures;
	}

	/**
	 * The group asked for when it is one, else the first group flagged lower than its
	 * rest, else the first group of ethnicity for the first measure.
	 */
	Choice choose(String measure, String characteristic, String group, Map<String, List<EqualityTables.Table>> tables) {
		List<EqualityFigures.Measure> measures = this.figures.measures();
		for (EqualityFigures.Measure m : measures) {
			if (m.code().equals(measure)) {
				for (Characteristic c : Characteristic.values()) {
					if (c.name().equals(characteristic) && c.groups().contains(group)
							&& !Characteristic.NOT_RECORDED.equals(group)) {
						return new Choice(m.code(), m.title(), c, group);
					}
				}
			}
		}
		for (EqualityFigures.Measure m : measures) {
			for (EqualityTables.Table t : tables.getOrDefault(m.code(), List.of())) {
				for (GroupFigures g : t.groups()) {
					if (g.lower()) {
						return new Choice(m.code(), m.title(), t.characteristic(), g.group());
					}
				}
			}
		}
		EqualityFigures.Measure first = measures.get(0);
		return new Choice(first.code(), first.title(), Characteristic.ETHNICITY,
				Characteristic.ETHNICITY.groups().get(0));
	}

	Trend trend(Choice choice, YearMonth last, Focus focus) {
		YearMonth first = last.minusMonths(MONTHS - 1);
		Map<YearMonth, Map<String, Count>> monthly = this.figures.monthly(choice.measure(), choice.characteristic(),
				first, last, focus);
		List<Month> months = new ArrayList<>();
		for (var e : monthly.entrySet()) {
			Map<String, Count> counts = e.getValue();
			Set<String> hidden = EqualityTables.suppressed(choice.characteristic(), counts);
			String label = e.getKey().format(MONTH);
			if (hidden.contains(choice.group())) {
				months.add(new Month(e.getKey(), label, true, null, null, null, null, null, null));
				continue;
			}
			Count group = counts.getOrDefault(choice.group(), Count.NONE);
			Count rest = Count.NONE;
			for (String g : choice.characteristic().groups()) {
				if (!g.equals(choice.group()) && !Characteristic.NOT_RECORDED.equals(g)) {
					rest = rest.plus(counts.getOrDefault(g, Count.NONE));
				}
			}
			months.add(new Month(e.getKey(), label, false, group.denominator(), group.numerator(), performance(group),
					rest.denominator(), rest.numerator(), performance(rest)));
		}
		return new Trend(choice, months, chart(months));
	}

	private static Double performance(Count c) {
		return (c.denominator() == 0) ? null : 100.0 * c.numerator() / c.denominator();
	}

	private static String chart(List<Month> months) {
		StringBuilder labels = new StringBuilder();
		StringBuilder group = new StringBuilder();
		StringBuilder rest = new StringBuilder();
		for (int i = 0; i < months.size(); i++) {
			Month m = months.get(i);
			String sep = (i > 0) ? "," : "";
			labels.append(sep).append('"').append(m.month()).append('"');
			group.append(sep).append((m.performance() != null) ? m.performance().toString() : "null");
			rest.append(sep).append((m.restPerformance() != null) ? m.restPerformance().toString() : "null");
		}
		return "{\"labels\":[" + labels + "],\"group\":[" + group + "],\"rest\":[" + rest + "]}";
	}

}
