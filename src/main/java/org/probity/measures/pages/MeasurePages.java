package org.probity.measures.pages;

import java.time.Clock;
import java.time.LocalDate;
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

import org.probity.measures.catalogue.Catalogue;
import org.probity.measures.catalogue.Measures;
import org.probity.measures.catalogue.Target;
import org.probity.measures.flags.MeasureFlags;
import org.probity.measures.results.MeasureResults;
import org.probity.measures.results.ResultView;
import org.probity.accounts.CurrentUser;
import org.probity.estate.Visibility;
import org.probity.accounts.DataScope;
import org.probity.shared.Dates;
import org.probity.shared.Period;
import org.probity.shared.web.Table;
import org.probity.shared.web.TableExport;
import org.probity.shared.web.Format;

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
			return invalidPeriod(format, model, "measures/dashboard");
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
			return export("service-levels-" + focus.period().code(), rows, format, focus.period());
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
			return invalidPeriod(format, model, "measures/measure");
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
			return "trend".equals(table) ? export(code + "-trend", trend, format, null)
					: export(code + "-" + focus.period().code(), breakdown, format, focus.period());
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
			return invalidPeriod(format, model, "measures/cases");
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
		LocalDate today = LocalDate.now(this.clock);
		if (TableExport.wanted(format)) {
			this.access.logShown(user, "Cases behind " + code + " (" + format + ")", all);
			List<CaseLine> lines = lines(code, all, today);
			String periodCode = focus.period().code();
			List<List<Object>> rows = lines.stream()
				.map((l) -> l.restricted()
						? java.util.Arrays.<Object>asList(periodCode, l.row().crn(), "", "", "",
								YearMonth.from(l.row().month()).toString(), l.row().teamCode(), l.team(), "", "",
								l.result(), l.row().numerator(), l.row().denominator(), "", RESTRICTED, "")
						: java.util.Arrays.<Object>asList(periodCode, l.row().crn(), l.person(), l.row().eventId(),
								l.row().subjectId(), YearMonth.from(l.row().month()).toString(), l.row().teamCode(),
								l.team(), l.row().staffCode(), l.practitioner(), l.result(), l.row().numerator(),
								l.row().denominator(), (l.due() != null) ? l.due().toString() : "", l.reason(),
								l.dates()))
				.toList();
			return TableExport.response(code + "-cases-" + focus.period().code(), format,
					Table.titled(code + " cases " + focus.period().code())
						.text("Period", "CRN", "Person", "Event", "Counted item", "Month", "Team", "Team name",
								"Practitioner", "Practitioner name", "Result")
						.number("Numerator", "Denominator")
						.text("Due by", "Reason", "Dates")
						.rows(rows));
		}
		int pages = Math.max(1, (all.size() + CASES_PER_PAGE - 1) / CASES_PER_PAGE);
		int current = Math.min(Math.max(1, page), pages);
		model.addAttribute("measure", measure);
		model.addAttribute("focus", focus);
		List<Visibility.Shown<MeasureResults.CaseRow>> shown = all.subList((current - 1) * CASES_PER_PAGE,
				Math.min(all.size(), current * CASES_PER_PAGE));
		this.access.logShown(user, "Cases behind " + code, shown);
		model.addAttribute("cases", lines(code, shown, today));
		model.addAttribute("total", all.size());
		model.addAttribute("totalText", Format.count(all.size(), "case"));
		model.addAttribute("withDueDates", Catalogue.withDueDates().contains(code));
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
		YearMonth month = this.results.latestCompleteMonth(YearMonth.now(this.clock).minusMonths(1));
		if (period != null && !period.isBlank()) {
			try {
				Period p = Period.parse(period);
				if (p.kind() != Period.Kind.MONTH) {
					throw new IllegalArgumentException("Flags are raised for a month: enter a month like 2024-03");
				}
				month = p.first();
			}
			catch (IllegalArgumentException ex) {
				if (TableExport.wanted(format)) {
					throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
				}
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
		MeasureResults.Names names = this.results.names(
				raised.stream().map(MeasureFlags.Flag::unitCode).filter(java.util.Objects::nonNull).toList(),
				raised.stream().map(MeasureFlags.Flag::staffCode).filter(java.util.Objects::nonNull).toList());
		if (TableExport.wanted(format)) {
			String monthCode = month.toString();
			return TableExport.response("flags-" + month, format, Table.titled("Flags " + month)
				.text("Period", "Flag", "Measure", "Measure title", "Unit", "Unit name", "Practitioner",
						"Practitioner name")
				.number("Performance")
				.rows(raised.stream()
					.map((f) -> java.util.Arrays.<Object>asList(monthCode, flagWord(f.kind()), f.measureCode(),
							titles.getOrDefault(f.measureCode(), ""), (f.unitCode() != null) ? f.unitCode() : "",
							(f.unitCode() != null) ? names.unit(f.unitCode()) : "",
							(f.staffCode() != null) ? f.staffCode() : "",
							(f.staffCode() != null) ? names.staff(f.staffCode()) : "",
							Format.percentValue(f.performance())))
					.toList()));
		}
		model.addAttribute("names", names);
		model.addAttribute("month", month);
		model.addAttribute("monthLabel", Period.month(month).label());
		model.addAttribute("flags", raised);
		model.addAttribute("titles", titles);
		return "measures/flags";
	}

	/**
	 * A period that does not read: the page again with its error, answered 400; an export
	 * is refused with the message (never a page in place of the file).
	 */
	private static Object invalidPeriod(String format, Model model, String view) {
		if (TableExport.wanted(format)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, (String) model.getAttribute("error"));
		}
		return new org.springframework.web.servlet.ModelAndView(view, model.asMap(), HttpStatus.BAD_REQUEST);
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
		YearMonth latest = this.results.latestCompleteMonth(YearMonth.now(this.clock).minusMonths(1));
		Period p = Period.month(latest);
		if (period != null && !period.isBlank()) {
			try {
				p = Period.parse(period);
			}
			catch (IllegalArgumentException ex) {
				model.addAttribute("error", ex.getMessage());
				model.addAttribute("periodValue", period);
				model.addAttribute("periodOptions", periodOptions(latest, null));
				return null;
			}
		}
		model.addAttribute("periodOptions", periodOptions(latest, p));
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
		model.addAttribute("unitOptions", this.results.unitsWithin(this.access.visibleUnits(user)));
		return new Focus(p, u, null, found.name() + " (" + u + ")", found.type());
	}

	/**
	 * A case row as a list shows it: the person's and practitioner's names, the result in
	 * words ("Not yet due" for a case not met whose deadline has not come: the figure
	 * counts it as not met until it is met), the reason as a sentence, and the event's
	 * dates the reason counts from. A restricted row shows none of it.
	 */
	record CaseLine(boolean restricted, MeasureResults.CaseRow row, String person, String team, String practitioner,
			String result, String resultClass, LocalDate due, String reason, String dates) {

		public String dueText() {
			return Format.date(this.due);
		}

	}

	private List<CaseLine> lines(String code, List<Visibility.Shown<MeasureResults.CaseRow>> shown, LocalDate today) {
		List<MeasureResults.CaseRow> open = shown.stream()
			.filter((s) -> !s.restricted())
			.map(Visibility.Shown::row)
			.toList();
		MeasureResults.CaseFacts facts = this.results.caseFacts(code, open);
		MeasureResults.Names names = this.results.names(
				shown.stream().map((s) -> s.row().teamCode()).filter(java.util.Objects::nonNull).toList(),
				open.stream().map(MeasureResults.CaseRow::staffCode).filter(java.util.Objects::nonNull).toList());
		List<CaseLine> lines = new ArrayList<>(shown.size());
		for (Visibility.Shown<MeasureResults.CaseRow> s : shown) {
			MeasureResults.CaseRow r = s.row();
			LocalDate due = s.restricted() ? null : facts.due(r);
			boolean notYetDue = !r.met() && due != null && !due.isBefore(today);
			String result = r.met() ? "Met" : (notYetDue ? "Not yet due" : "Not met");
			String tag = r.met() ? "govuk-tag govuk-tag--green"
					: (notYetDue ? "govuk-tag govuk-tag--blue" : "govuk-tag govuk-tag--red");
			if (s.restricted()) {
				lines.add(new CaseLine(true, r, "", names.unit(r.teamCode()), "", result, tag, null, RESTRICTED, ""));
			}
			else {
				lines.add(new CaseLine(false, r, facts.person(r.crn()), names.unit(r.teamCode()),
						names.staff(r.staffCode()), result, tag, due, Format.sentence(r.reason()),
						facts.dates(r.eventId())));
			}
		}
		return lines;
	}

	/** A choice of a select: its value, its label, and whether it is the one shown. */
	record Option(String value, String label, boolean selected) {
	}

	/**
	 * The periods to choose from: the 24 months to the latest complete month, newest
	 * first, then their quarters and years; the period shown is always among them.
	 */
	static List<Option> periodOptions(YearMonth latest, Period shown) {
		java.util.LinkedHashSet<Period> periods = new java.util.LinkedHashSet<>();
		if (shown != null) {
			periods.add(shown);
		}
		for (int i = 0; i < 24; i++) {
			periods.add(Period.month(latest.minusMonths(i)));
		}
		for (int i = 0; i < 24; i += 3) {
			YearMonth m = latest.minusMonths(i);
			periods.add(Period.quarter(m.getYear(), (m.getMonthValue() - 1) / 3 + 1));
		}
		periods.add(Period.year(latest.getYear()));
		periods.add(Period.year(latest.getYear() - 1));
		return periods.stream()
			.sorted(Comparator.comparing((Period q) -> q.kind().ordinal())
				.thenComparing(Period::startDate, Comparator.reverseOrder()))
			.map((q) -> new Option(q.code(), q.label(), q.equals(shown)))
			.toList();
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

	/**
	 * A table of results: performance, target and trigger as percentages to one decimal
	 * place, all numbers (blank when there is none), and the period of each row (a
	 * trend's month).
	 */
	private static ResponseEntity<byte[]> export(String name, List<ResultView> rows, String format, Period period) {
		return TableExport.response(name, format, Table.titled(name)
			.text("Code", "Name")
			.number("Numerator", "Denominator", "Performance", "Target", "Trigger")
			.text("RAG", "Rating", "Period")
			.rows(rows.stream()
				.map((r) -> java.util.Arrays.<Object>asList(r.code(), r.label(), r.numerator(), r.denominator(),
						Format.percentValue((r.denominator() > 0) ? 100.0 * r.numerator() / r.denominator() : null),
						r.targetValue(), r.triggerValue(), r.ragWord(), r.ratingWord(),
						(period != null) ? period.code() : r.code()))
				.toList()));
	}

}
