package org.probity.measures;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.probity.measures.results.MeasureResults;
import org.probity.shared.Period;

/** Reading results back in measure tests. */
final class MeasureTestSupport {

	private MeasureTestSupport() {
	}

	/** The cases of a measure for a unit in a period: subject id to met. */
	static Map<String, Boolean> metBySubject(MeasureResults results, String measure, String period, String unit) {
		return results.cases(measure, Period.parse(period), unit, null)
			.stream()
			.collect(Collectors.toMap(MeasureResults.CaseRow::subjectId, MeasureResults.CaseRow::met));
	}

	static List<MeasureResults.CaseRow> cases(MeasureResults results, String measure, String period, String unit) {
		return results.cases(measure, Period.parse(period), unit, null);
	}

}
