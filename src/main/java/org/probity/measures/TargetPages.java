package org.probity.measures;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import org.probity.accounts.CurrentUser;
import org.probity.shared.Dates;

/**
 * Contract variations: an administrator changes a measure's target and trigger from a
 * date, checks the answers, then confirms. Results of periods that start before the date
 * keep the old values; every change is kept with who made it and when.
 */
@Controller
class TargetPages {

	/** What the form holds, as typed. */
	record TargetForm(String day, String month, String year, String target, String trigger) {

		static TargetForm empty() {
			return new TargetForm("", "", "", "", "");
		}

	}

	private final Measures measures;

	private final MeasureRecomputation recomputation;

	private final Clock clock;

	TargetPages(Measures measures, MeasureRecomputation recomputation, Clock clock) {
		this.measures = measures;
		this.recomputation = recomputation;
		this.clock = clock;
	}

	@GetMapping("/measures/targets")
	@PreAuthorize("hasRole('ADMIN')")
	String targets(Model model) {
		Map<String, Target> current = this.measures.targetsOn(LocalDate.now(this.clock));
		model.addAttribute("measures", this.measures.all());
		model.addAttribute("current", current);
		return "measures/targets";
	}

	@GetMapping("/measures/{code}/target")
	@PreAuthorize("hasRole('ADMIN')")
	String form(@PathVariable String code, @RequestParam(required = false) String changed, Model model) {
		model.addAttribute("form", TargetForm.empty());
		model.addAttribute("changed", changed != null);
		return formPage(code, Map.of(), model);
	}

	@PostMapping("/measures/{code}/target")
	@PreAuthorize("hasRole('ADMIN')")
	String check(@PathVariable String code, TargetForm form, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate from = date(form, errors);
		Double target = number(form.target(), "target", "Target", errors);
		Double trigger = number(form.trigger(), "trigger", "Trigger", errors);
		if (target == null && trigger != null && !errors.containsKey("trigger")) {
			errors.put("trigger", "Enter a target as well as a trigger, or leave both empty for no target");
		}
		if (target != null && trigger != null && trigger > target) {
			errors.put("trigger", "Trigger must not be above the target");
		}
		model.addAttribute("form", form);
		if (!errors.isEmpty()) {
			model.addAttribute("changed", false);
			return formPage(code, errors, model);
		}
		model.addAttribute("measure", measure(code));
		model.addAttribute("from", from);
		model.addAttribute("fromText", Dates.format(from));
		model.addAttribute("appliesFrom", Dates.format(firstPeriodStart(from)));
		model.addAttribute("target", target);
		model.addAttribute("trigger", trigger);
		model.addAttribute("targetText", ResultView.number(target));
		model.addAttribute("triggerText", ResultView.number(trigger));
		return "measures/target-check";
	}

	@PostMapping("/measures/{code}/target/confirm")
	@PreAuthorize("hasRole('ADMIN')")
	String confirm(@PathVariable String code, @RequestParam LocalDate from,
			@RequestParam(required = false) Double target, @RequestParam(required = false) Double trigger,
			@AuthenticationPrincipal CurrentUser user) {
		measure(code);
		this.measures.changeTarget(code, from, target, trigger, user.getUsername(), this.clock.instant());
		this.recomputation.targetChanged(from);
		return "redirect:/measures/" + code + "/target?changed";
	}

	/** Monthly results use the target in force on the first day of the month. */
	static LocalDate firstPeriodStart(LocalDate from) {
		return (from.getDayOfMonth() == 1) ? from : from.withDayOfMonth(1).plusMonths(1);
	}

	private String formPage(String code, Map<String, String> errors, Model model) {
		model.addAttribute("measure", measure(code));
		model.addAttribute("errors", errors);
		List<Measures.TargetChange> history = this.measures.history(code);
		model.addAttribute("history", history);
		model.addAttribute("current", this.measures.targetOn(code, LocalDate.now(this.clock)));
		return "measures/target-form";
	}

	private Measures.Measure measure(String code) {
		return this.measures.find(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No measure " + code));
	}

	private static LocalDate date(TargetForm form, Map<String, String> errors) {
		try {
			return LocalDate.of(Integer.parseInt(form.year().trim()), Integer.parseInt(form.month().trim()),
					Integer.parseInt(form.day().trim()));
		}
		catch (NumberFormatException | DateTimeException | NullPointerException ex) {
			errors.put("from-day", "Enter a real date from which the new values apply, for example 1 4 2025");
			return null;
		}
	}

	private static Double number(String text, String field, String label, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			double value = Double.parseDouble(text.trim().replace("%", ""));
			if (value < 0 || value > 100) {
				errors.put(field, label + " must be a percentage from 0 to 100");
				return null;
			}
			return value;
		}
		catch (NumberFormatException ex) {
			errors.put(field, label + " must be a number, like 93 or 92.5");
			return null;
		}
	}

}
