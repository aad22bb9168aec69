package org.probity.people;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.estate.Estate;
import org.probity.estate.Staff;
import org.probity.estate.Unit;
import org.probity.improvement.Improvement;
import org.probity.improvement.OpenAction;
import org.probity.measures.MeasureFigures;
import org.probity.shared.Dates;
import org.probity.shared.Period;
import org.probity.shared.UnitCode;
import org.probity.shared.web.ProblemPage;
import org.probity.shared.web.Table;
import org.probity.shared.web.TableExport;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The practitioner's page, the team page, quarterly ratings (with a check-your-answers
 * step) and improvement plans. Who sees what is decided by {@link PersonnelScope}: every
 * handler is open to any signed-in user and the scope refuses (and logs) the rest.
 */
@Controller
@ProblemPage("people/problem")
@PreAuthorize("isAuthenticated()")
class PeoplePages {

	private final PersonnelScope scope;

	private final StaffPerformance performance;

	private final TeamPerformance teams;

	private final PeopleRecords records;

	private final Clock clock;

	private final Improvement improvement;

	PeoplePages(PersonnelScope scope, StaffPerformance performance, TeamPerformance teams, PeopleRecords records,
			Improvement improvement, Clock clock) {
		this.improvement = improvement;
		this.scope = scope;
		this.performance = performance;
		this.teams = teams;
		this.records = records;
		this.clock = clock;
	}

	/** Where "People" leads: a practitioner's own page, a line manager's team. */
	@GetMapping("/people")
	String start(@AuthenticationPrincipal CurrentUser user, Model model) {
		if (user.role() == Role.LINE_MANAGER && user.unitCode() != null) {
			return "redirect:/people/teams/" + user.unitCode();
		}
		if (user.role() == Role.SENIOR_MANAGER && user.unitCode() != null) {
			List<Unit> teams = new ArrayList<>();
			for (UnitCode code : estate().teamsUnder(new UnitCode(user.unitCode()))) {
				estate().unit(code).ifPresent(teams::add);
			}
			model.addAttribute("teams", teams);
			return "people/teams";
		}
		if (user.staffCode() != null) {
			return "redirect:/people/" + user.staffCode();
		}
		throw new AccessDeniedException("Personnel records are seen by staff and their managers only");
	}

	/**
	 * The open actions on the member of staff; those raised from an audit of a case are
	 * case data, shown as the estate's rule for cases says (restricted ones only
	 * counted).
	 */
	private void actions(Model model, CurrentUser user, Staff staff) {
		List<OpenAction> open = this.improvement.openActionsFor(staff.code(), LocalDate.now(this.clock));
		PersonnelScope.Cases<OpenAction> ofCases = this.scope.casesShown(user,
				"People: actions of " + staff.code().value(), open.stream().filter((a) -> a.crn() != null).toList(),
				PersonnelScope::holding);
		java.util.Set<Long> shown = new java.util.HashSet<>();
		ofCases.rows().forEach((a) -> shown.add(a.actionId()));
		model.addAttribute("actions",
				open.stream().filter((a) -> a.crn() == null || shown.contains(a.actionId())).toList());
		model.addAttribute("restrictedActions", ofCases.restricted());
	}

	@GetMapping("/people/{staffCode}")
	Object practitioner(@PathVariable String staffCode, @RequestParam(required = false) String period,
			@RequestParam(required = false) String format, @AuthenticationPrincipal CurrentUser user, Model model) {
		Staff staff = this.scope.open(user, staffCode);
		Period chosen = period(period);
		if (TableExport.wanted(format)) {
			return TableExport.response("performance-" + staffCode + "-" + chosen.code(), format,
					measuresTable(this.performance.measures(staff, chosen)));
		}
		StaffPerformance.Page page = this.performance.page(staff, chosen);
		model.addAttribute("page", page);
		cases(model, user, "People: " + staffCode, page.deadlines(), page.absences());
		PersonnelScope.Cases<org.probity.audits.AuditAlerts.Alert> alerts = this.scope.casesShown(user,
				"People: alerts of " + staffCode, page.openAlerts(), PersonnelScope::holding);
		model.addAttribute("alerts", alerts.rows());
		model.addAttribute("restrictedAlerts", alerts.restricted());
		actions(model, user, staff);
		model.addAttribute("mayManage", this.scope.mayManage(user, staff));
		model.addAttribute("dueQuarter", this.records.ratings().dueQuarter());
		return "people/practitioner";
	}

	@GetMapping("/people/teams/{teamCode}")
	Object team(@PathVariable String teamCode, @RequestParam(required = false) String period,
			@RequestParam(defaultValue = "name") String sort, @RequestParam(required = false) String format,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		Unit team = estate().unit(unitCode(teamCode))
			.filter(Unit::isTeam)
			.orElseThrow(() -> new NotFound("No team " + teamCode));
		if (!this.scope.maySeeTeam(user, team.code())) {
			throw new AccessDeniedException("You may not see the team page of " + team.name());
		}
		Period chosen = period(period);
		TeamPerformance.Page page = this.teams.page(team, chosen).sortedBy(sort);
		// the page shows each member's personnel figures: each is an opening of their
		// record
		page.members().forEach((m) -> this.scope.open(user, m.staff().code().value()));
		if (TableExport.wanted(format)) {
			return TableExport.response("team-" + team.code().value() + "-" + chosen.code(), format, teamTable(page));
		}
		model.addAttribute("page", page);
		cases(model, user, "People: team " + teamCode, page.deadlines(), page.absences());
		model.addAttribute("manager", user.role() == Role.LINE_MANAGER);
		model.addAttribute("sort", sort);
		return "people/team";
	}

	@GetMapping("/people/{staffCode}/ratings/new")
	String ratingForm(@PathVariable String staffCode, @RequestParam(required = false) String quarter,
			@RequestParam(required = false) Long corrects, @AuthenticationPrincipal CurrentUser user, Model model) {
		Staff staff = this.scope.openToManage(user, staffCode);
		String q = (quarter != null) ? quarter : this.records.ratings().dueQuarter().code();
		return form(model, staff, new RatingForm(q, null, null, corrects, null, null, null, null, null, null, null),
				Map.of());
	}

	@PostMapping("/people/{staffCode}/ratings/check")
	String checkRating(@PathVariable String staffCode, RatingForm form, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		Staff staff = this.scope.openToManage(user, staffCode);
		Map<String, String> errors = new LinkedHashMap<>(form.dateErrors());
		errors.putAll(this.records.ratings().problems(staff, form.input()));
		if (!errors.isEmpty()) {
			return form(model, staff, form, errors);
		}
		model.addAttribute("staff", staff);
		model.addAttribute("form", form);
		model.addAttribute("rag", Rag.parse(form.rag()));
		model.addAttribute("quarterLabel", Period.parse(form.quarter()).label());
		model.addAttribute("opensPlan",
				Rag.parse(form.rag()) == Rag.AMBER && this.records.plans().openPlanOf(staff.code().value()).isEmpty());
		model.addAttribute("stage", CapabilityStage.parse(form.capabilityStage()));
		model.addAttribute("capabilityStartText",
				(form.input().capabilityStart() != null) ? Dates.format(form.input().capabilityStart()) : null);
		return "people/rating-check";
	}

	@PostMapping("/people/{staffCode}/ratings")
	String rate(@PathVariable String staffCode, RatingForm form, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes redirect) {
		Staff staff = this.scope.openToManage(user, staffCode);
		Map<String, String> errors = form.dateErrors();
		if (!errors.isEmpty()) {
			return form(model, staff, form, errors);
		}
		try {
			Ratings.Recorded recorded = this.records.ratings().rate(user, staff, form.input());
			redirect.addFlashAttribute("success", staff.name() + " is rated " + recorded.rating().rag().word() + " for "
					+ recorded.rating().quarterLabel());
			if (recorded.planId() != null) {
				return "redirect:/people/plans/" + recorded.planId();
			}
			return "redirect:/people/" + staffCode;
		}
		catch (InvalidInput ex) {
			return form(model, staff, form, ex.errors());
		}
		catch (StaleEdit ex) {
			return form(model, staff, form, Map.of("quarter", ex.getMessage()));
		}
	}

	@GetMapping("/people/plans/{planId}")
	String plan(@PathVariable long planId, @AuthenticationPrincipal CurrentUser user, Model model) {
		ImprovementPlans.Plan plan = this.records.plans()
			.find(planId)
			.orElseThrow(() -> new NotFound("No improvement plan " + planId));
		Staff staff = this.scope.open(user, plan.staffCode());
		return planPage(model, user, staff, plan, Map.of());
	}

	@PostMapping("/people/plans/{planId}/reviews/{reviewNo}")
	String review(@PathVariable long planId, @PathVariable int reviewNo, @RequestParam int version,
			@RequestParam(name = "reviewedOn-day", defaultValue = "") String day,
			@RequestParam(name = "reviewedOn-month", defaultValue = "") String month,
			@RequestParam(name = "reviewedOn-year", defaultValue = "") String year,
			@RequestParam(defaultValue = "") String note, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes redirect) {
		ImprovementPlans.Plan plan = this.records.plans()
			.find(planId)
			.orElseThrow(() -> new NotFound("No improvement plan " + planId));
		Staff staff = this.scope.openToManage(user, plan.staffCode());
		LocalDate on = date(day, month, year);
		try {
			if (on == null && !(day + month + year).isBlank()) {
				throw new InvalidInput(Map.of("reviewedOn", "Enter a real date, like 2 4 2024"));
			}
			this.records.plans().recordReview(user, planId, version, reviewNo, on, note);
		}
		catch (InvalidInput ex) {
			model.addAttribute("reviewNo", reviewNo);
			model.addAttribute("note", note);
			return planPage(model, user, staff, plan, ex.errors());
		}
		catch (StaleEdit ex) {
			return planPage(model, user, staff, this.records.plans().find(planId).orElseThrow(),
					Map.of("stale", ex.getMessage()));
		}
		redirect.addFlashAttribute("success", "Review " + reviewNo + " recorded");
		return "redirect:/people/plans/" + planId;
	}

	@PostMapping("/people/plans/{planId}/outcome")
	String outcome(@PathVariable long planId, @RequestParam int version,
			@RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String outcomeNote,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
		ImprovementPlans.Plan plan = this.records.plans()
			.find(planId)
			.orElseThrow(() -> new NotFound("No improvement plan " + planId));
		Staff staff = this.scope.openToManage(user, plan.staffCode());
		try {
			this.records.plans().recordOutcome(user, planId, version, outcome, outcomeNote);
		}
		catch (InvalidInput ex) {
			return planPage(model, user, staff, plan, ex.errors());
		}
		catch (StaleEdit ex) {
			return planPage(model, user, staff, this.records.plans().find(planId).orElseThrow(),
					Map.of("stale", ex.getMessage()));
		}
		redirect.addFlashAttribute("success", "Outcome recorded");
		return "redirect:/people/plans/" + planId;
	}

	@PostMapping("/people/{staffCode}/prompts/{promptId}/opened")
	String promptOpened(@PathVariable String staffCode, @PathVariable long promptId,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		Staff staff = this.scope.openToManage(user, staffCode);
		if (!this.records.reviews().markOpened(promptId, staff.code().value(), user.getUsername())) {
			throw new NotFound("No open prompt " + promptId + " for " + staffCode);
		}
		redirect.addFlashAttribute("success", "Formal review recorded as opened");
		return "redirect:/people/" + staffCode;
	}

	private String planPage(Model model, CurrentUser user, Staff staff, ImprovementPlans.Plan plan,
			Map<String, String> errors) {
		model.addAttribute("staff", staff);
		model.addAttribute("plan", plan);
		model.addAttribute("rating",
				this.records.ratings()
					.history(staff.code().value())
					.stream()
					.filter((r) -> r.ratingId() == plan.ratingId())
					.findFirst()
					.orElse(null));
		model.addAttribute("mayManage", this.scope.mayManage(user, staff));
		model.addAttribute("errors", errors);
		model.addAttribute("nextReview", plan.reviews().stream().filter((r) -> !r.done()).findFirst().orElse(null));
		model.addAttribute("outcomes", ImprovementPlans.Outcome.values());
		return "people/plan";
	}

	private String form(Model model, Staff staff, RatingForm form, Map<String, String> errors) {
		model.addAttribute("staff", staff);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("rags", Rag.values());
		model.addAttribute("stages", CapabilityStage.values());
		model.addAttribute("current",
				(form.quarter() != null && form.corrects() != null) ? this.records.ratings()
					.history(staff.code().value())
					.stream()
					.filter((r) -> r.ratingId() == form.corrects())
					.findFirst()
					.orElse(null) : null);
		model.addAttribute("openPlan", this.records.plans().openPlanOf(staff.code().value()).orElse(null));
		return "people/rating-form";
	}

	/**
	 * The deadlines and absences the user may see in full, and how many were held back.
	 */
	private void cases(Model model, CurrentUser user, String shown,
			List<org.probity.measures.ServiceDeadlines.Deadline> deadlines,
			List<org.probity.measures.ServiceDeadlines.Absence> absences) {
		PersonnelScope.Cases<org.probity.measures.ServiceDeadlines.Deadline> d = this.scope.casesShown(user,
				shown + " deadlines", deadlines, PersonnelScope::holding);
		PersonnelScope.Cases<org.probity.measures.ServiceDeadlines.Absence> a = this.scope.casesShown(user,
				shown + " absences", absences, PersonnelScope::holding);
		model.addAttribute("deadlines", d.rows());
		model.addAttribute("absences", a.rows());
		model.addAttribute("restrictedCases", d.restricted() + a.restricted());
	}

	private Estate estate() {
		return this.records.estate();
	}

	Period period(String text) {
		if (text == null || text.isBlank()) {
			return Ratings.quarterOf(LocalDate.now(this.clock).minusMonths(1));
		}
		return Period.parse(text);
	}

	private static UnitCode unitCode(String code) {
		try {
			return new UnitCode(code);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFound("No team " + code);
		}
	}

	static LocalDate date(String day, String month, String year) {
		try {
			return LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()),
					Integer.parseInt(day.strip()));
		}
		catch (NumberFormatException | DateTimeException ex) {
			return null;
		}
	}

	static Table measuresTable(List<MeasureFigures.Line> lines) {
		Table table = Table.titled("Service levels")
			.text("Measure", "Title")
			.number("Numerator", "Denominator", "Performance (%)")
			.text("RAG")
			.number("Target (%)", "Team (%)", "Provider (%)", "Months below target");
		for (MeasureFigures.Line l : lines) {
			table = table.row(l.code(), l.title(), l.own().numerator(), l.own().denominator(),
					rounded(l.own().performance()), l.own().ragWord(), l.target(),
					(l.team() != null) ? rounded(l.team().performance()) : null,
					(l.provider() != null) ? rounded(l.provider().performance()) : null, l.monthsBelowTarget());
		}
		return table;
	}

	static Table teamTable(TeamPerformance.Page page) {
		Table table = Table.titled("Team " + page.period().code())
			.text("Staff code", "Name", "Grade", "Rating", "Rating due");
		for (String code : page.measureCodes()) {
			table = table.number(code + " (%)");
		}
		table = table.text("Below target");
		for (TeamPerformance.Member m : page.members()) {
			List<Object> row = new ArrayList<>(List.of(m.staff().code().value(), m.staff().name(),
					m.staff().grade().label(), (m.currentRating() != null) ? m.currentRating().rag().word() : "",
					m.ratingDue() ? "Yes" : "No"));
			m.measures().forEach((l) -> row.add(rounded(l.own().performance())));
			row.add(String.join("; ", m.belowTarget().stream().map(TeamPerformance.Shortfall::text).toList()));
			table = table.row(row.toArray());
		}
		return table;
	}

	/** Performance to one decimal place, as the pages show it; null for no cases. */
	static Double rounded(Double performance) {
		return (performance != null) ? Math.round(performance * 10) / 10.0 : null;
	}

}
