package org.probity.improvement.projects;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.probity.improvement.spc.Baseline;
import org.probity.improvement.spc.ChartMonth;
import org.probity.improvement.spc.Rule;
import org.probity.improvement.spc.XmrChart;

/** An XmR chart as JSON (issue 17's fixed shape). */
record ChartBody(String measure, String unit, BaselineBody baseline, List<MonthBody> months, String verdict) {

	record BaselineBody(String from, String to, int points, Double mean, Double mrBar, Double upper, Double lower,
			@JsonProperty("upper_2s") Double upper2s, @JsonProperty("lower_2s") Double lower2s, boolean trial) {
	}

	record MonthBody(String month, Double value, String phase, String signal, List<String> rules) {
	}

	static ChartBody of(String measure, String unit, XmrChart chart) {
		Baseline b = chart.baseline();
		BaselineBody baseline = new BaselineBody(b.from().toString(), b.to().toString(), b.points(), b.mean(),
				b.mrBar(), b.upper(), b.lower(), b.upper2s(), b.lower2s(), b.trial());
		List<MonthBody> months = chart.months().stream().map(ChartBody::month).toList();
		return new ChartBody(measure, unit, baseline, months, chart.verdict().name());
	}

	private static MonthBody month(ChartMonth m) {
		return new MonthBody(m.month().toString(), m.value(), m.phase().name(),
				(m.signal() != null) ? m.signal().name() : null, m.rules().stream().map(Rule::name).toList());
	}

}
