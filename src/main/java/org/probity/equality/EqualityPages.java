package org.probity.equality;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import org.probity.accounts.CurrentUser;
import org.probity.accounts.DataScope;
import org.probity.equality.EqualityFigures.Focus;
import org.probity.shared.web.ProblemPage;
import org.probity.shared.web.Table;
import org.probity.shared.web.TableExport;
import org.probity.shared.Period;

/**
 * Equality pages: the overview of every measure by characteristic with a 12-month trend
 * of one group against its rest, and one measure's tables, significant groups first.
 * Every table exports with {@code ?format=csv} or {@code ?format=xlsx}; the overview also
 * as a PDF for the board ({@code ?format=pdf}).
 */
@ProblemPage("equality/problem")
@Controller
class EqualityPages {

	private final EqualityFigures figures;

	private final EqualityRequests requests;

	private final EqualityScope scope;

	private final EqualityTrends trends;

	private final EqualityPdf pdf;

	private final Clock clock;

	EqualityPages(EqualityFigures figures, EqualityRequests requests, EqualityScope scope, EqualityTrends trends,
			EqualityPdf pdf, Clock clock) {
		this.figures = figures;
		this.requests = requests;
		this.scope = scope;
		this.trends = trends;
		this.pdf = pdf;
		this.clock = clock;
	}

	/** Where a page is looking, with the words for it. */
	record Place(Period period, Focus focus, String name) {

		public String query() {
			return "period=" + this.period.code()
					+ ((this.focus.staff() != null) ? "&staff=" + this.focus.staff() : "&unit=" + this.focus.unit());
		}

	}

	/**
	 * One measure's row of the overview: groups significantly lower, per characteristic.
	 */
	record OverviewRow(String code, String title, List<Long> lower) {
	}

	/** One characteristic's table of a measure, groups flagged significant first. */
	record TableView(Characteristic characteristic, List<GroupView> groups, long total) {
	}

	@GetMapping("/equality")
	@PreAuthorize("isAuthenticated()")
	Object overview(@RequestParam(required = false) String period, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String staff, @RequestParam(required = false) String format,
			@RequestParam(required = false) String measure, @RequestParam(required = false) String characteristic,
			@RequestParam(required = false) String group, @AuthenticationPrincipal CurrentUser user, Model model) {
		Place place = place(period, unit, staff, user, model);
		if (place == null) {
			return "equality/overview";
		}
		Map<String, List<EqualityTables.Table>> tables = this.figures.everyMeasure(place.period(), place.focus());
		List<OverviewRow> rows = new ArrayList<>();
		for (EqualityFigures.Measure m : this.figures.measures()) {
			List<Long> lower = tables.get(m.code())
				.stream()
				.map((t) -> t.groups().stream().filter(GroupFigures::lower).count())
				.toList();
			rows.add(new OverviewRow(m.code(), m.title(), lower));
		}
		if ("pdf".equals(format)) {
			return this.pdf.overview(place, rows, significant(tables));
		}
		if (TableExport.wanted(format)) {
			Table table = Table.titled("Equality " + place.period().code()).text("Measure", "Title");
			for (Characteristic c : Characteristic.values()) {
				table = table.number(c.label() + ": groups significantly lower");
			}
			for (OverviewRow r : rows) {
				List<Object> row = new ArrayList<>(List.of(r.code(), r.title()));
				row.addAll(r.lower());
				table = table.row(row.toArray());
			}
			return TableExport.response("equality-" + place.period().code(), format, table);
		}
		// the trend's group comes from the page's list as CHARACTERISTIC.GROUP
		if (group != null && group.contains(".")) {
			characteristic = group.substring(0, group.indexOf('.'));
			group = group.substring(group.indexOf('.') + 1);
		}
		EqualityTrends.Choice choice = this.trends.choose(measure, characteristic, group, tables);
		EqualityTrends.Trend trend = this.trends.trend(choice, place.period().last(), place.focus());
		model.addAttribute("place", place);
		model.addAttribute("rows", rows);
		model.addAttribute("characteristics", Characteristic.values());
		model.addAttribute("significant", significant(tables));
		model.addAttribute("measures", this.figures.measures());
		model.addAttribute("trend", trend);
		model.addAttribute("periods", periodChoices(place));
		return "equality/overview";
	}

	@GetMapping("/equality/{code}")
	@PreAuthorize("isAuthenticated()")
	Object measure(@PathVariable String code, @RequestParam(required = false) String period,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String staff,
			@RequestParam(required = false) String format, @AuthenticationPrincipal CurrentUser user, Model model) {
		EqualityFigures.Measure measure = this.requests.measure(code);
		model.addAttribute("measure", measure);
		Place place = place(period, unit, staff, user, model);
		if (place == null) {
			return "equality/measure";
		}
		List<EqualityTables.Table> tables = this.figures.tables(measure.code(), place.period(), place.focus());
		if (TableExport.wanted(format)) {
			Table table = Table.titled(measure.code() + " by characteristic " + place.period().code())
				.text("Characteristic", "Group", "Suppressed")
				.number("Cases", "Met", "Performance", "Rest cases", "Rest met", "Difference (points)", "Rate ratio",
						"p-value", "q-value")
				.text("Significant", "Direction");
			for (EqualityTables.Table t : tables) {
				for (GroupFigures g : t.groups()) {
					table = table.row(exportRow(t.characteristic(), g).toArray());
				}
			}
			return TableExport.response(measure.code() + "-equality-" + place.period().code(), format, table);
		}
		List<TableView> views = tables.stream().map(EqualityPages::view).toList();
		model.addAttribute("place", place);
		model.addAttribute("tables", views);
		model.addAttribute("periods", periodChoices(place));
		return "equality/measure";
	}

	static TableView view(EqualityTables.Table table) {
		List<GroupFigures> ordered = new ArrayList<>(table.groups());
		// groups flagged significant first, the rest in the table's order (a stable sort)
		ordered.sort(Comparator.comparing((GroupFigures g) -> !g.significant()));
		// the share not recorded is of every case, suppressed rows included: the
		// measure's own denominator, shown anyway
		return new TableView(table.characteristic(),
				ordered.stream().map((g) -> GroupView.of(g, table.total())).toList(), table.total());
	}

	static List<Object> exportRow(Characteristic c, GroupFigures g) {
		if (g.suppressed()) {
			List<Object> hidden = new ArrayList<>(List.of(c.name(), g.group(), "fewer than 5"));
			for (int i = 0; i < 11; i++) {
				hidden.add(null);
			}
			return hidden;
		}
		List<Object> row = new ArrayList<>();
		row.add(c.name());
		row.add(g.group());
		row.add("");
		row.add(g.denominator());
		row.add(g.numerator());
		row.add(g.performance());
		row.add(g.restDenominator());
		row.add(g.restNumerator());
		row.add(g.difference());
		row.add(g.rateRatio());
		row.add(g.pValue());
		row.add(g.qValue());
		row.add(g.significant() ? "Yes" : "No");
		row.add(g.direction().name());
		return row;
	}

	/** Every group flagged significant, for the overview's list and the PDF. */
	record Significant(String measure, String title, Characteristic characteristic, GroupView group) {
	}

	private List<Significant> significant(Map<String, List<EqualityTables.Table>> tables) {
		List<Significant> found = new ArrayList<>();
		for (EqualityFigures.Measure m : this.figures.measures()) {
			for (EqualityTables.Table t : tables.get(m.code())) {
				for (GroupFigures g : t.groups()) {
					if (g.significant()) {
						found.add(new Significant(m.code(), m.title(), t.characteristic(), GroupView.of(g, 0)));
					}
				}
			}
		}
		return found;
	}

	/**
	 * The period and the unit or practitioner, defaulting to the last full quarter and
	 * the user's own place. Null (with an error in the model) when the period does not
	 * read.
	 */
	Place place(String period, String unit, String staff, CurrentUser user, Model model) {
		YearMonth lastMonth = YearMonth.now(this.clock).minusMonths(1);
		Period p = lastFullQuarter(lastMonth);
		if (period != null && !period.isBlank()) {
			try {
				p = Period.parse(period);
			}
			catch (IllegalArgumentException ex) {
				model.addAttribute("error", ex.getMessage());
				model.addAttribute("periodValue", period);
				return null;
			}
		}
		if (unit == null && staff == null) {
			if (user.scope() instanceof DataScope.Practitioner pr) {
				staff = pr.staffCode();
			}
			else {
				unit = this.scope.homeUnit(user);
				if (unit == null) {
					throw new ResponseStatusException(HttpStatus.NOT_FOUND,
							"There is no estate yet: import units first");
				}
			}
		}
		Focus focus = this.requests.focus(unit, staff, user);
		String name = (focus.staff() != null) ? this.requests.staffName(focus.staff()) + " (" + focus.staff() + ")"
				: this.requests.unitName(focus.unit()) + " (" + focus.unit() + ")";
		return new Place(p, focus, name);
	}

	static Period lastFullQuarter(YearMonth lastMonth) {
		YearMonth m = lastMonth;
		while (m.getMonthValue() % 3 != 0) {
			m = m.minusMonths(1);
		}
		return Period.quarter(m.getYear(), m.getMonthValue() / 3);
	}

	static List<Map<String, String>> periodChoices(Place place) {
		YearMonth m = place.period().last();
		List<Period> choices = List.of(Period.month(m), Period.quarter(m.getYear(), (m.getMonthValue() - 1) / 3 + 1),
				Period.quarter(m.minusMonths(3).getYear(), (m.minusMonths(3).getMonthValue() - 1) / 3 + 1),
				Period.year(m.getYear()));
		String holder = (place.focus().staff() != null) ? "&staff=" + place.focus().staff()
				: "&unit=" + place.focus().unit();
		return choices.stream().map((p) -> Map.of("label", p.label(), "query", "period=" + p.code() + holder)).toList();
	}

}
