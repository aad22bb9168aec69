package org.probity.measures;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.probity.measures.catalogue.Catalogue;
import org.probity.measures.catalogue.Measures;
import org.probity.measures.results.Assessment;
import org.probity.measures.results.MeasureResults;
import org.probity.measures.results.ResultView;
import org.probity.shared.Period;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A practitioner's measures for other modules (the people module's performance pages):
 * each measure's result for a period with the figures of the practitioner's team and
 * provider beside it and a monthly trend, judged as the measures' own pages judge them.
 */
@Service
public class MeasureFigures {

	/** One result: RAG is GREEN, AMBER, RED, NO_CASES or NONE (no target). */
	public record Figure(long numerator, long denominator, Double performance, String rag, String ragWord,
			boolean belowTarget) {

		static Figure of(MeasureResults.Result r) {
			Assessment a = r.assessment();
			Double target = r.target().target();
			boolean below = a.performance() != null && target != null && a.performance() < target;
			return new Figure(r.numerator(), r.denominator(), a.performance(), a.rag().name(), a.rag().word(), below);
		}

		/** Performance to one decimal place, or "No cases". */
		public String percent() {
			return ResultView.percent(this.performance);
		}

	}

	public record Month(YearMonth month, Figure figure) {
	}

	/**
	 * A measure's line: the practitioner's own figure, their team's and provider's, the
	 * target in force on the period's first day, and the trend to the period's last
	 * month.
	 */
	public record Line(String code, String title, Double target, Double trigger, Figure own, Figure team,
			Figure provider, List<Month> trend, YearMonth lastEnded) {

		public String targetText() {
			return ResultView.number(this.target);
		}

		/**
		 * Consecutive months below target up to the trend's last month that has ended (a
		 * month with no cases ends the run, as it does for the sustained-shortfall flag).
		 */
		public int monthsBelowTarget() {
			int i = this.trend.size() - 1;
			while (i >= 0 && this.trend.get(i).month().isAfter(this.lastEnded)) {
				i--;
			}
			int run = 0;
			for (; i >= 0 && this.trend.get(i).figure().belowTarget(); i--) {
				run++;
			}
			return run;
		}

	}

	private final MeasureResults results;

	private final Measures measures;

	private final Clock clock;

	MeasureFigures(MeasureResults results, Measures measures, Clock clock) {
		this.results = results;
		this.measures = measures;
		this.clock = clock;
	}

	/**
	 * A measure's title with its code, as pages name a measure ("Monthly contact
	 * (AM_K)"); the code alone for one not in the catalogue.
	 */
	public static String named(String code) {
		return Catalogue.find(code).map((m) -> m.title() + " (" + m.code() + ")").orElse(code);
	}

	/**
	 * Every measure for the practitioner in the period, with the figures of the team (a
	 * unit code) and of its provider, and a trend of {@code months} months. These are the
	 * practitioner's figures over all their cases: their personnel record, for those the
	 * people module lets see it.
	 */
	@Transactional(readOnly = true)
	public List<Line> practitioner(StaffCode staff, UnitCode unit, Period period, int months) {
		String staffCode = staff.value();
		String teamCode = (unit != null) ? unit.value() : null;
		List<Measures.Measure> all = this.measures.all();
		List<String> codes = all.stream().map(Measures.Measure::code).toList();
		Map<String, MeasureResults.Line> own = this.results.dashboard(codes, staffCode, true, period, months, null);
		Map<String, MeasureResults.Line> team = (teamCode != null)
				? this.results.dashboard(codes, teamCode, false, period, 1, null) : Map.of();
		List<MeasureResults.Unit> ancestry = (teamCode != null) ? this.results.ancestry(teamCode) : List.of();
		Map<String, MeasureResults.Line> provider = ancestry.isEmpty() ? Map.of()
				: this.results.dashboard(codes, ancestry.get(0).code(), false, period, 1, null);
		List<Line> lines = new ArrayList<>();
		YearMonth lastEnded = YearMonth.now(this.clock).minusMonths(1);
		for (Measures.Measure m : all) {
			MeasureResults.Line line = own.get(m.code());
			List<Month> trend = line.trend().stream().map((r) -> new Month(r.period().first(), Figure.of(r))).toList();
			lines.add(new Line(m.code(), m.title(), line.result().target().target(), line.result().target().trigger(),
					Figure.of(line.result()),
					team.containsKey(m.code()) ? Figure.of(team.get(m.code()).result()) : null,
					provider.containsKey(m.code()) ? Figure.of(provider.get(m.code()).result()) : null, trend,
					lastEnded));
		}
		return lines;
	}

	/** The practitioner's own figures only, with a trend of {@code months} months. */
	@Transactional(readOnly = true)
	public List<Line> own(StaffCode staff, Period period, int months) {
		return practitioner(staff, null, period, months);
	}

}
