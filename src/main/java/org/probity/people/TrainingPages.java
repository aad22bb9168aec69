package org.probity.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.probity.accounts.CurrentUser;
import org.probity.estate.Estate;
import org.probity.estate.Grade;
import org.probity.estate.Unit;
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

/** The training needs analysis of a unit and quarter, and its learning plan items. */
@Controller
@ProblemPage("people/problem")
@PreAuthorize("hasAnyRole('QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
class TrainingPages {

	private final TrainingNeeds needs;

	private final PersonnelScope scope;

	private final Estate estate;

	private final Clock clock;

	TrainingPages(TrainingNeeds needs, PersonnelScope scope, Estate estate, Clock clock) {
		this.needs = needs;
		this.scope = scope;
		this.estate = estate;
		this.clock = clock;
	}

	@GetMapping("/people/training")
	Object analysis(@RequestParam(required = false) String unit, @RequestParam(required = false) String quarter,
			@RequestParam(required = false) String format, @AuthenticationPrincipal CurrentUser user, Model model) {
		Unit chosen = unit(user, unit);
		Period q = quarter(quarter);
		List<TrainingNeeds.Need> needs = this.needs.needs(chosen.code().value(), q);
		if (TableExport.wanted(format)) {
			return TableExport.response("training-needs-" + chosen.code().value() + "-" + q.code(), format,
					table(needs));
		}
		model.addAttribute("unit", chosen);
		model.addAttribute("quarter", q);
		model.addAttribute("needs", needs);
		model.addAttribute("items", this.needs.items(chosen.code().value()));
		model.addAttribute("units", units(user));
		return "people/training";
	}

	@GetMapping("/people/training/items/new")
	String itemForm(@RequestParam String unit, @RequestParam String template, @RequestParam String kind,
			@RequestParam String theme, @AuthenticationPrincipal CurrentUser user, Model model) {
		Unit chosen = unit(user, unit);
		return form(model, chosen, new TrainingNeeds.ItemInput(chosen.code().value(), template, kind, theme, null, null,
				null, null, null, "PLANNED"), Map.of(), "", "", "");
	}

	@PostMapping("/people/training/items")
	String addItem(@RequestParam String unit, @RequestParam String template, @RequestParam String kind,
			@RequestParam String theme, @RequestParam(defaultValue = "") String course,
			@RequestParam(defaultValue = "") String audienceGrade,
			@RequestParam(defaultValue = "") String audienceStaff,
			@RequestParam(name = "trainingDate-day", defaultValue = "") String day,
			@RequestParam(name = "trainingDate-month", defaultValue = "") String month,
			@RequestParam(name = "trainingDate-year", defaultValue = "") String year,
			@RequestParam(defaultValue = "") String owner, @RequestParam(defaultValue = "PLANNED") String status,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
		Unit chosen = unit(user, unit);
		TrainingNeeds.ItemInput input = new TrainingNeeds.ItemInput(chosen.code().value(), template, kind, theme,
				course, audienceGrade, audienceStaff, PeoplePages.date(day, month, year), owner, status);
		try {
			this.needs.add(input, user.getUsername());
		}
		catch (InvalidInput ex) {
			return form(model, chosen, input, ex.errors(), day, month, year);
		}
		redirect.addFlashAttribute("success", "Added to the learning and development plan");
		return "redirect:/people/training?unit=" + chosen.code().value();
	}

	@PostMapping("/people/training/items/{itemId}/status")
	String status(@PathVariable long itemId, @RequestParam int version, @RequestParam String status,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		String unit = this.needs.unitOfItem(itemId).orElseThrow(() -> new NotFound("No item " + itemId));
		unit(user, unit);
		this.needs.changeStatus(itemId, version, status);
		redirect.addFlashAttribute("success", "Status changed");
		return "redirect:/people/training?unit=" + unit;
	}

	private String form(Model model, Unit unit, TrainingNeeds.ItemInput input, Map<String, String> errors, String day,
			String month, String year) {
		model.addAttribute("unit", unit);
		model.addAttribute("item", input);
		model.addAttribute("errors", errors);
		model.addAttribute("grades", Grade.values());
		model.addAttribute("statuses", TrainingNeeds.Status.values());
		model.addAttribute("day", day);
		model.addAttribute("month", month);
		model.addAttribute("year", year);
		return "people/training-item";
	}

	private Unit unit(CurrentUser user, String code) {
		String chosen = code;
		if (chosen == null || chosen.isBlank()) {
			chosen = (user.unitCode() != null) ? user.unitCode()
					: this.estate.units().stream().findFirst().map((u) -> u.code().value()).orElse(null);
		}
		if (chosen == null) {
			throw new NotFound("No units have been imported");
		}
		UnitCode unitCode;
		try {
			unitCode = new UnitCode(chosen);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFound("No unit " + chosen);
		}
		Unit unit = this.estate.unit(unitCode).orElseThrow(() -> new NotFound("No unit " + code));
		if (!this.scope.maySeeTrainingNeeds(user, unit.code())) {
			throw new AccessDeniedException("You may not see the training needs of " + unit.name());
		}
		return unit;
	}

	/** The units the user may choose: their own and every unit below it. */
	private List<Unit> units(CurrentUser user) {
		List<Unit> units = new ArrayList<>();
		for (Unit u : this.estate.units()) {
			if (this.scope.maySeeTrainingNeeds(user, u.code())) {
				units.add(u);
			}
		}
		return units;
	}

	private Period quarter(String text) {
		if (text == null || text.isBlank()) {
			// the last quarter that has ended: a whole quarter of audits
			return Ratings.quarterOf(LocalDate.now(this.clock)).previous();
		}
		Period p = Period.parse(text);
		if (p.kind() != Period.Kind.QUARTER) {
			throw new IllegalArgumentException("Choose a quarter, like 2024-Q1");
		}
		return p;
	}

	static Table table(List<TrainingNeeds.Need> needs) {
		Table table = Table.titled("Training needs")
			.text("Template", "Theme", "Code", "Text")
			.number("Audits failing it", "Audits", "Share (%)", "Previous quarter failing", "Previous quarter audits")
			.text("Trend", "Learning plan items");
		for (TrainingNeeds.Need n : needs) {
			table = table.row(n.templateCode(), n.kindLabel(), n.themeCode(), n.themeText(), n.failed(), n.audits(),
					Math.round(n.share() * 10) / 10.0, n.previousFailed(), n.previousAudits(), n.trend(),
					String.join("; ", n.items().stream().map((i) -> i.course() + " (" + i.date() + ")").toList()));
		}
		return table;
	}

	static Map<String, String> none() {
		return new LinkedHashMap<>();
	}

}
