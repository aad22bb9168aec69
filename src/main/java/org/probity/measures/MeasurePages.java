package org.probity.measures;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;

import org.probity.accounts.CurrentUser;
import org.probity.estate.Visibility;
import org.probity.accounts.DataScope;
import org.probity.shared.Dates;
import org.probity.shared.Period;
import org.probity.shared.web.Table;
import org.probity.shared.web.TableExport;

/**
 * Service-level pages: the dashboard of every measure for a unit or practitioner, the
 * drill-down of one measure to child units, practitioners and cases, and the flags. Every
 * table exports with {@code ?format=csv}, {@code ?format=xlsx} or {@code ?format=ods}.
 */
@Controller
class MeasurePages {

	static final int CASES_PER_PAGE = 50;

	private final Measures measures;

	private final MeasureResults results;

	private final MeasureFlags flags;

	private final MeasureAccess access;

	private final Clock clock;

	MeasurePages(Measures measures, MeasureResults results, MeasureFlags flags, MeasureAccess access, Clock clock) {
		this.measures = measures;
		this.results = results;
		this.flags = flags;
		this.access = access;
		this.clock = clock;
	}

	/** Where a page is looking: a unit or a practitioner, for a period. */
	record Focus(Period period, String unit, String staff, String name, String type) {

		public String query() {
			return "period=" + this.period.code()
					+ ((this.staff != null) ? "&staff=" + this.staff : "&unit=" + this.unit);
		}

	}

	@GetMapping("/measures")
	@PreAuthorize("isAuthenticated()")
	Object dashboard(@RequestParam(required = false) String period, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String staff, @RequestParam(required = false) String format,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		Focus focus = focus(period, unit, staff, user, model);
		if (focus == null) {
			return "measures/dashboard";
		}
		List<Measures.Measure> all = this.measures.all();
		Map<String, MeasureResults.Line> lines = this.results.dashboard(
				all.stream().map(Measures.Measure::code).toList(),
				(focus.staff() != null) ? focus.staff() : focus.unit(), focus.staff() != null, focus.period(), 12,
				this.access.staffFiguresWithin(user));
		List<ResultView> rows = new ArrayList<>();
		for (Measures.Measure m : all) {
			MeasureResults.Line line = lines.get(m.code());
			List<ResultView> trend = line.trend()
				.stream()
				.map((t) -> ResultView.of(t, t.period().code(), t.period().label(), null))
				.toList();
			rows.add(ResultView.of(line.result(), m.code(), m.title(), "/measures/" + m.code() + "?" + focus.query(),
					trend));
		}
		if (TableExport.wanted(format)) {
			return export("service-levels-" + focus.period().code(), rows, format);
		}
		model.addAttribute("focus", focus);
		model.addAttribute("rows", rows);
		model.addAttribute("periods", periodChoices(focus));
		model.addAttribute("ancestry", trail(focus, user));
		return "measures/dashboard";
	}

	/**
	 * The units above the focus that the person may open, for the breadcrumbs: a link to
	 * a unit outside their scope would only lead to a refusal.
	 */
	private List<MeasureResults.Unit> trail(Focus focus, CurrentUser user) {
		if (focus.unit() == null) {
			return List.of();
		}
		return this.results.ancestry(focus.unit())
			.stream()
			.filter((a) -> !a.code().equals(focus.unit()) && this.access.maySeeUnit(user, a.code()))
			.toList();
	}

	@GetMapping("/measures/{code}")
	@PreAuthorize("isAuthenticated()")
	Object measure(@PathVariable String code, @RequestParam(required = false) String period,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String staff,
			@RequestParam(required = false) String format, @RequestParam(required = false) String table,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		Measures.Measure measure = this.measures.find(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No measure " + code));
		Focus focus = focus(period, unit, staff, user, model);
		if (focus == null) {
			model.addAttribute("measure", measure);
			return "measures/measure";
		}
		Set<String> within = this.access.staffFiguresWithin(user);
		ResultView result = ResultView.of(result(code, focus, within), code, measure.title(), null);
		List<ResultView> breakdown = new ArrayList<>();
		String breakdownKind = null;
		if (focus.unit() != null) {
			if ("TEAM".equals(focus.type())) {
				breakdownKind = "Practitioner";
				for (MeasureResults.Result r : this.results.practitionerResults(code, focus.period(), focus.unit(),
						within)) {
					String name = this.results.staff(r.staffCode())
						.map(MeasureResults.Staff::name)
						.orElse(r.staffCode());
					breakdown.add(ResultView.of(r, r.staffCode(), name,
							"/measures/" + code + "?period=" + focus.period().code() + "&staff=" + r.staffCode()));
				}
			}
			else {
				breakdownKind = "Unit";
				for (MeasureResults.Result r : this.results.childResults(code, focus.period(), focus.unit())) {
					String name = this.results.unit(r.unitCode()).map(MeasureResults.Unit::name).orElse(r.unitCode());
					breakdown.add(ResultView.of(r, r.unitCode(), name,
							"/measures/" + code + "?period=" + focus.period().code() + "&unit=" + r.unitCode()));
				}
			}
		}
		List<ResultView> trend = this.results
			.trend(code, (focus.staff() != null) ? focus.staff() : focus.unit(), focus.staff() != null,
					focus.period().last(), 24, within)
			.stream()
			.map((t) -> ResultView.of(t, t.period().code(), t.period().label(), null))
			.toList();
		if (TableExport.wanted(format)) {
			return "trend".equals(table) ? export(code + "-trend", trend, format)
					: export(code + "-" + focus.period().code(), breakdown, format);
		}
		model.addAttribute("measure", measure);
		model.addAttribute("focus", focus);
		model.addAttribute("result", result);
		model.addAttribute("breakdown", breakdown);
		model.addAttribute("breakdownKind", breakdownKind);
		model.addAttribute("trend", trend);
		model.addAttribute("chart", chartData(trend));
		model.addAttribute("periods", periodChoices(focus));
		model.addAttribute("targetRule", targetRule(code, focus.period()));
		model.addAttribute("ancestry", trail(focus, user));
		return "measures/measure";
	}

	@GetMapping("/measures/{code}/cases")
	@PreAuthorize("isAuthenticated()")
	Object cases(@PathVariable String code, @RequestParam(required = false) String period,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String staff,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "met") String sort,
			@RequestParam(required = false) String show, @RequestParam(required = false) String format,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		Measures.Measure measure = this.measures.find(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No measure " + code));
		Focus focus = focus(period, unit, staff, user, model);
		if (focus == null) {
			model.addAttribute("measure", measure);
			return "measures/cases";
		}
		List<Visibility.Shown<MeasureResults.CaseRow>> all = new ArrayList<>(
				this.access.visibleCases(user, this.results.cases(code, focus.period(), focus.unit(), focus.staff())));
		if ("met".equals(show) || "not-met".equals(show)) {
			boolean met = "met".equals(show);
			all.removeIf((c) -> c.row().met() != met);
		}
		Comparator<MeasureResults.CaseRow> order = switch (sort) {
			case "crn" -> Comparator.comparing(MeasureResults.CaseRow::crn);
			case "month" -> Comparator.comparing(MeasureResults.CaseRow::month);
			case "reason" -> Comparator.comparing(MeasureResults.CaseRow::reason);
			case "staff" -> Comparator.comparing(MeasureResults.CaseRow::staffCode);
			default -> Comparator.comparing(MeasureResults.CaseRow::met);
		};
		// restricted rows say nothing but that they are there: they sort last whatever
		// the order, so that their place says nothing either
		all.sort(Comparator.<Visibility.Shown<MeasureResults.CaseRow>, Boolean>comparing(Visibility.Shown::restricted)
			.thenComparing(Visibility.Shown::row,
					order.thenComparing(MeasureResults.CaseRow::crn).thenComparing(MeasureResults.CaseRow::subjectId)));
		if (TableExport.wanted(format)) {
			this.access.logShown(user, "Cases behind " + code + " (" + format + ")", all);
			List<List<Object>> rows = all.stream()
				.map((s) -> s.restricted() ? java.util.Arrays.<Object>asList(s.row().crn(), "", "",
						YearMonth.from(s.row().month()).toString(), s.row().teamCode(), "",
						s.row().met() ? "Met" : "Not met", s.row().numerator(), s.row().denominator(), RESTRICTED)
						: java.util.Arrays.<Object>asList(s.row().crn(), s.row().eventId(), s.row().subjectId(),
								YearMonth.from(s.row().month()).toString(), s.row().teamCode(), s.row().staffCode(),
								s.row().met() ? "Met" : "Not met", s.row().numerator(), s.row().denominator(),
								s.row().reason()))
				.toList();
			return TableExport.response(code + "-cases-" + focus.period().code(), format,
					Table.titled(code + " cases " + focus.period().code())
						.text("CRN", "Event", "Counted item", "Month", "Team", "Practitioner", "Result")
						.number("Numerator", "Denominator")
						.text("Reason")
						.rows(rows));
		}
		int pages = Math.max(1, (all.size() + CASES_PER_PAGE - 1) / CASES_PER_PAGE);
		int current = Math.min(Math.max(1, page), pages);
		model.addAttribute("measure", measure);
		model.addAttribute("focus", focus);
		List<Visibility.Shown<MeasureResults.CaseRow>> shown = all.subList((current - 1) * CASES_PER_PAGE,
				Math.min(all.size(), current * CASES_PER_PAGE));
		this.access.logShown(user, "Cases behind " + code, shown);
		model.addAttribute("cases", shown);
		model.addAttribute("total", all.size());
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("sort", sort);
		model.addAttribute("show", show);
		model.addAttribute("baseQuery", focus.query() + ((show != null) ? "&show=" + show : ""));
		return "measures/cases";
	}

	@GetMapping("/measures/flags")
	@PreAuthorize("isAuthenticated()")
	Object flags(@RequestParam(required = false) String period, @RequestParam(required = false) String format,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		YearMonth month = YearMonth.now(this.clock).minusMonths(1);
		if (period != null && !period.isBlank()) {
			try {
				Period p = Period.parse(period);
				if (p.kind() != Period.Kind.MONTH) {
					throw new IllegalArgumentException("Flags are raised for a month: enter a month like 2024-03");
				}
				month = p.first();
			}
			catch (IllegalArgumentException ex) {
				model.addAttribute("error", ex.getMessage());
			}
		}
		Map<String, String> titles = new java.util.HashMap<>();
		this.measures.all().forEach((m) -> titles.put(m.code(), m.title()));
		List<MeasureFlags.Flag> raised = this.flags.forMonth(month)
			.stream()
			.filter((f) -> (user.scope() instanceof DataScope.Everything) || ((f.unitCode() != null)
					? this.access.maySeeUnit(user, f.unitCode()) : this.access.maySeeStaff(user, f.staffCode())))
			.toList();
		if (TableExport.wanted(format)) {
			return TableExport.response("flags-" + month, format,
					Table.titled("Flags " + month)
						.text("Flag", "Measure", "Unit", "Practitioner")
						.number("Performance")
						.rows(raised.stream()
							.map((f) -> java.util.Arrays.<Object>asList(flagWord(f.kind()), f.measureCode(),
									(f.unitCode() != null) ? f.unitCode() : "",
									(f.staffCode() != null) ? f.staffCode() : "", f.performance()))
							.toList()));
		}
		model.addAttribute("month", month);
		model.addAttribute("monthLabel", Period.month(month).label());
		model.addAttribute("flags", raised);
		model.addAttribute("titles", titles);
		return "measures/flags";
	}

	/** What a list says in place of a restricted case's details. */
	static final String RESTRICTED = "Restricted case";

	static String flagWord(String kind) {
		return "DEEPER_AUDIT".equals(kind) ? "Deeper audit" : "Sustained shortfall";
	}

	@ExceptionHandler(MeasureAccess.OutOfScope.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String outOfScope(MeasureAccess.OutOfScope ex, Model model) {
		model.addAttribute("status", 403);
		model.addAttribute("message", ex.getMessage());
		return "measures/problem";
	}

	@ExceptionHandler(ResponseStatusException.class)
	String notFound(ResponseStatusException ex, Model model, jakarta.servlet.http.HttpServletResponse response) {
		response.setStatus(ex.getStatusCode().value());
		model.addAttribute("status", ex.getStatusCode().value());
		model.addAttribute("message", ex.getReason());
		return "measures/problem";
	}

	/**
	 * Reads the period and the unit or practitioner, defaulting to last month and the
	 * user's own place: a practitioner their own results, a manager their unit, everyone
	 * else the provider. Null (with an error in the model) when the period is not valid.
	 */
	private Focus focus(String period, String unit, String staff, CurrentUser user, Model model) {
		Period p = Period.month(YearMonth.now(this.clock).minusMonths(1));
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
		if (staff == null && unit == null) {
			switch (user.scope()) {
				case DataScope.Practitioner pr -> staff = pr.staffCode();
				case DataScope.Unit u -> unit = u.unitCode();
				default -> unit = this.results.providers()
					.stream()
					.findFirst()
					.map(MeasureResults.Unit::code)
					.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
							"There is no estate yet: import units first"));
			}
		}
		if (staff != null) {
			String code = staff;
			MeasureResults.Staff s = this.results.staff(code)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No member of staff " + code));
			this.access.checkStaff(user, code);
			return new Focus(p, null, code, s.name() + " (" + code + ")", "PRACTITIONER");
		}
		String u = unit;
		MeasureResults.Unit found = this.results.unit(u)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No unit " + u));
		this.access.checkUnit(user, u);
		return new Focus(p, u, null, found.name() + " (" + u + ")", found.type());
	}

	private MeasureResults.Result result(String code, Focus focus, Set<String> within) {
		return (focus.staff() != null) ? this.results.staffResult(code, focus.period(), focus.staff(), within)
				: this.results.unitResult(code, focus.period(), focus.unit());
	}

	/** The month, its quarter and its year, and the month before and after. */
	private List<Map<String, String>> periodChoices(Focus focus) {
		YearMonth m = focus.period().first();
		List<Period> choices = List.of(Period.month(m.minusMonths(1)), Period.month(m),
				Period.quarter(m.getYear(), (m.getMonthValue() - 1) / 3 + 1), Period.year(m.getYear()));
		String holder = (focus.staff() != null) ? "&staff=" + focus.staff() : "&unit=" + focus.unit();
		return choices.stream()
			.map((p) -> Map.of("label", p.label(), "query", "period=" + p.code() + holder, "current",
					String.valueOf(p.equals(focus.period()))))
			.toList();
	}

	private String targetRule(String code, Period period) {
		Target t = this.measures.targetOn(code, period.startDate());
		if (t.effectiveFrom() == null) {
			return "This measure has no target.";
		}
		return "Target and trigger in force on " + Dates.format(period.startDate())
				+ ", the first day of the period (set from " + Dates.format(t.effectiveFrom()) + ").";
	}

	private static String chartData(List<ResultView> trend) {
		StringBuilder json = new StringBuilder("{\"labels\":[");
		StringBuilder perf = new StringBuilder();
		StringBuilder target = new StringBuilder();
		StringBuilder trigger = new StringBuilder();
		for (int i = 0; i < trend.size(); i++) {
			ResultView t = trend.get(i);
			String sep = (i > 0) ? "," : "";
			json.append(sep).append('"').append(t.code()).append('"');
			perf.append(sep)
				.append((t.denominator() > 0) ? String.valueOf(100.0 * t.numerator() / t.denominator()) : "null");
			target.append(sep).append(t.target().equals("None") ? "null" : t.target().replace("%", ""));
			trigger.append(sep).append(t.trigger().equals("None") ? "null" : t.trigger().replace("%", ""));
		}
		return json.append("],\"performance\":[")
			.append(perf)
			.append("],\"target\":[")
			.append(target)
			.append("],\"trigger\":[")
			.append(trigger)
			.append("]}")
			.toString();
	}

	private static ResponseEntity<byte[]> export(String name, List<ResultView> rows, String format) {
		return TableExport.response(name, format,
				Table.titled(name)
					.text("Code", "Name")
					.number("Numerator", "Denominator", "Performance")
					.text("Target", "Trigger", "RAG", "Rating")
					.rows(rows.stream()
						.map((r) -> java.util.Arrays.<Object>asList(r.code(), r.label(), r.numerator(), r.denominator(),
								(r.denominator() > 0) ? 100.0 * r.numerator() / r.denominator() : null, r.target(),
								r.trigger(), r.ragWord(), r.ratingWord()))
						.toList()));
	}

}
