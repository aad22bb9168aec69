package org.probity.improvement.projects;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import org.probity.improvement.spc.MonthValue;
import org.probity.improvement.spc.XmrChart;
import org.probity.measures.MeasureSeries;
import org.probity.shared.Clocks;
import org.probity.shared.MeasureCode;
import org.probity.shared.UnitCode;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The XmR chart of a measure for a unit from its monthly results: the months from the
 * baseline start to the latest month with results, each month's value its performance
 * (none when it had no cases). The month still under way (today's, in Europe/London) is
 * left out: its results count cases whose deadline has not come yet, and would read as a
 * fall.
 */
@Component
public class ProcessCharts {

	private final MeasureSeries series;

	private final Clock clock;

	ProcessCharts(MeasureSeries series, Clock clock) {
		this.series = series;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public XmrChart chart(MeasureCode measure, UnitCode unit, YearMonth baselineFrom, YearMonth changeMonth) {
		if (this.series.measure(measure).isEmpty()) {
			throw new InvalidProject("measure", "There is no measure " + measure);
		}
		YearMonth current = YearMonth.now(this.clock.withZone(Clocks.LONDON));
		List<MonthValue> values = this.series.monthly(measure, unit, baselineFrom)
			.stream()
			.filter((m) -> m.month().isBefore(current))
			.map((m) -> new MonthValue(m.month(), m.performance()))
			.toList();
		return XmrChart.of(baselineFrom, changeMonth, values);
	}

}
