package org.probity.improvement.projects;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import org.probity.improvement.spc.Baseline;
import org.probity.improvement.spc.ChartMonth;
import org.probity.improvement.spc.Phase;
import org.probity.improvement.spc.Rule;
import org.probity.improvement.spc.Signal;
import org.probity.improvement.spc.XmrChart;
import org.probity.shared.web.Table;
import org.probity.shared.web.TableExport;

import org.springframework.http.ResponseEntity;

/**
 * An XmR chart for a page: the verdict in words, the baseline's figures, the table of
 * every month with its signal in words, and the data the chart script draws.
 */
public record ChartView(String verdict, String verdictWords, String verdictTag, Baseline baseline, String baselineFrom,
		String baselineTo, String changeMonth, List<Row> rows, String data) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

	/** A month of the table. */
	record Row(String month, String value, String phase, String signal, String signalTag, String rules) {
	}

	static ChartView of(XmrChart chart) {
		Baseline b = chart.baseline();
		List<Row> rows = new ArrayList<>();
		for (ChartMonth m : chart.months()) {
			rows.add(new Row(month(m.month()), percent(m.value()),
					(m.phase() == Phase.BASELINE) ? "Baseline" : "After the change", signalWords(m.signal()),
					(m.signal() == Signal.IMPROVEMENT) ? "govuk-tag--blue"
							: (m.signal() == Signal.CONCERN) ? "govuk-tag--orange" : "",
					m.rules().stream().map(Rule::words).collect(Collectors.joining("; "))));
		}
		String tag = switch (chart.verdict()) {
			case IMPROVED -> "govuk-tag--green";
			case WORSE -> "govuk-tag--red";
			case MIXED -> "govuk-tag--yellow";
			case NO_CHANGE -> "govuk-tag--grey";
		};
		return new ChartView(verdictWord(chart), chart.verdictInWords(), tag, b, month(b.from()), month(b.to()),
				month(chart.changeMonth()), rows, data(chart));
	}

	static String verdictWord(XmrChart chart) {
		return switch (chart.verdict()) {
			case IMPROVED -> "Improved";
			case WORSE -> "Worse";
			case MIXED -> "Mixed";
			case NO_CHANGE -> "No change";
		};
	}

	public String figure(Double value) {
		return (value != null) ? String.format(Locale.UK, "%.1f", value) : "None";
	}

	/** The table of the chart's numbers as CSV, XLSX or ODS. */
	ResponseEntity<byte[]> export(String name, String format) {
		Table table = Table.titled("Process chart").text("Month", "Performance", "Phase", "Signal", "Rules");
		for (Row r : this.rows) {
			table = table.row(r.month(), r.value(), r.phase(), r.signal(), r.rules());
		}
		return TableExport.response(name, format, table);
	}

	private static String data(XmrChart chart) {
		Baseline b = chart.baseline();
		Map<String, Object> data = new LinkedHashMap<>();
		List<String> labels = new ArrayList<>();
		List<Double> values = new ArrayList<>();
		List<String> signals = new ArrayList<>();
		for (ChartMonth m : chart.months()) {
			labels.add(m.month().format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK)));
			values.add(m.value());
			signals.add((m.signal() != null) ? m.signal().name() : null);
		}
		data.put("labels", labels);
		data.put("values", values);
		data.put("signals", signals);
		data.put("mean", b.mean());
		data.put("upper", b.upper());
		data.put("lower", b.lower());
		data.put("upper2s", b.upper2s());
		data.put("lower2s", b.lower2s());
		data.put("trial", b.trial());
		return JSON.writeValueAsString(data);
	}

	private static String signalWords(Signal signal) {
		if (signal == null) {
			return "";
		}
		return (signal == Signal.IMPROVEMENT) ? "Improvement" : "Concern";
	}

	public static String month(YearMonth month) {
		return (month != null) ? month.format(MONTH) : "";
	}

	static String percent(Double value) {
		return (value != null) ? String.format(Locale.UK, "%.1f%%", value) : "No cases";
	}

}
