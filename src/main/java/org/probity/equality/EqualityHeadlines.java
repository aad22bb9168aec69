package org.probity.equality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.probity.shared.MeasureCode;
import org.probity.shared.Period;
import org.probity.shared.UnitCode;

import org.springframework.stereotype.Service;

/**
 * The equality headlines for other modules (the reports' monthly pack): every group
 * flagged significantly different from the rest of its characteristic for a unit and
 * period, as the overview page lists them (suppressed groups are never significant).
 */
@Service
public class EqualityHeadlines {

	/**
	 * One significant group: {@code direction} LOWER or HIGHER than the rest; figures are
	 * unrounded.
	 */
	public record Headline(MeasureCode measureCode, String measureTitle, String characteristic, String group,
			long numerator, long denominator, Double performance, Double restPerformance, Double difference,
			Double qValue, String direction) {
	}

	private final EqualityFigures figures;

	EqualityHeadlines(EqualityFigures figures) {
		this.figures = figures;
	}

	/**
	 * The significant groups of every measure, in catalogue then characteristic order.
	 */
	public List<Headline> significant(UnitCode unit, Period period) {
		Map<String, List<EqualityTables.Table>> tables = this.figures.everyMeasure(period,
				EqualityFigures.Focus.unit(unit.value()));
		List<Headline> found = new ArrayList<>();
		for (EqualityFigures.Measure m : this.figures.measures()) {
			for (EqualityTables.Table t : tables.getOrDefault(m.code(), List.of())) {
				for (GroupFigures g : t.groups()) {
					if (g.significant()) {
						Double rest = (g.restDenominator() != null && g.restDenominator() > 0)
								? 100.0 * g.restNumerator() / g.restDenominator() : null;
						found.add(new Headline(new MeasureCode(m.code()), m.title(), t.characteristic().label(),
								g.label(), g.numerator(), g.denominator(), g.performance(), rest, g.difference(),
								g.qValue(), g.direction().name()));
					}
				}
			}
		}
		return found;
	}

}
