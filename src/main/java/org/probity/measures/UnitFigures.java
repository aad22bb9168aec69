package org.probity.measures;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.probity.shared.Period;
import org.probity.shared.UnitCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit's measures for other modules (the reports' monthly pack to the Authority): every
 * measure's result for a period, judged exactly as the measures API judges it, with a
 * monthly trend, and the flags a month's results raised.
 */
@Service
public class UnitFigures {

	/**
	 * One result as {@code GET /api/v1/measures/{code}/results} gives it. RAG is GREEN,
	 * AMBER, RED, NO_CASES or NONE (no target); rating EXCEEDED, MET, NOT_MET,
	 * SERIOUSLY_DEFICIENT, NO_CASES or NONE.
	 */
	public record Result(String period, long numerator, long denominator, Double performance, Double target,
			Double trigger, String rag, String ragWord, String rating, String ratingWord) {

		static Result of(MeasureResults.Result r) {
			Assessment a = r.assessment();
			return new Result(r.period().code(), r.numerator(), r.denominator(), a.performance(), r.target().target(),
					r.target().trigger(), a.rag().name(), a.rag().word(), a.rating().name(), a.rating().word());
		}

		/** Below its target (no target or no cases is not below). */
		public boolean belowTarget() {
			return this.performance != null && this.target != null && this.performance < this.target;
		}

	}

	/**
	 * A measure's result for the period with its monthly trend to the period's last
	 * month.
	 */
	public record Line(String code, String title, Result result, List<Result> trend) {
	}

	/** A flag raised by a month's results, on a unit or (staffCode) a practitioner. */
	public record Flag(String kind, String measureCode, String unitCode, String staffCode, double performance) {
	}

	private final MeasureResults results;

	private final Measures measures;

	private final MeasureFlags flags;

	UnitFigures(MeasureResults results, Measures measures, MeasureFlags flags) {
		this.results = results;
		this.measures = measures;
		this.flags = flags;
	}

	/** Every measure of the catalogue for the unit, with a trend of {@code months}. */
	@Transactional(readOnly = true)
	public List<Line> of(UnitCode unit, Period period, int months) {
		List<Measures.Measure> all = this.measures.all();
		Map<String, MeasureResults.Line> lines = this.results
			.dashboard(all.stream().map(Measures.Measure::code).toList(), unit.value(), false, period, months, null);
		List<Line> out = new ArrayList<>();
		for (Measures.Measure m : all) {
			MeasureResults.Line line = lines.get(m.code());
			out.add(new Line(m.code(), m.title(), Result.of(line.result()),
					line.trend().stream().map(Result::of).toList()));
		}
		return out;
	}

	/** The flags the results of the month raise, by measure, kind and unit. */
	@Transactional(readOnly = true)
	public List<Flag> flags(YearMonth month) {
		return this.flags.forMonth(month)
			.stream()
			.map((f) -> new Flag(f.kind(), f.measureCode(), f.unitCode(), f.staffCode(), f.performance()))
			.toList();
	}

}
