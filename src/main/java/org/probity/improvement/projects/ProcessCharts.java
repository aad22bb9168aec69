package org.probity.improvement.projects;

import java.time.YearMonth;
import java.util.List;

import org.probity.improvement.spc.MonthValue;
import org.probity.improvement.spc.XmrChart;
import org.probity.measures.MeasureSeries;
import org.probity.shared.UnitCode;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The XmR chart of a measure for a unit from its monthly results: the months from the
 * baseline start to the latest month with results, each month's value its performance
 * (none when it had no cases).
 */
@Component
public class ProcessCharts {

	private final MeasureSeries series;

	ProcessCharts(MeasureSeries series) {
		this.series = series;
	}

	@Transactional(readOnly = true)
	public XmrChart chart(String measureCode, UnitCode unit, YearMonth baselineFrom, YearMonth changeMonth) {
		if (this.series.measure(measureCode).isEmpty()) {
			throw new InvalidProject("measure", "There is no measure " + measureCode);
		}
		List<MonthValue> values = this.series.monthly(measureCode, unit, baselineFrom)
			.stream()
			.map((m) -> new MonthValue(m.month(), m.performance()))
			.toList();
		return XmrChart.of(baselineFrom, changeMonth, values);
	}

}
