package org.probity.measures.pages;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

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

import org.probity.measures.MeasureRecomputation;
import org.probity.measures.catalogue.Measures;
import org.probity.measures.catalogue.Target;
import org.probity.measures.results.ResultView;
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
		Map<String, String> titles = new LinkedHashMap<>();
		List<TargetRow> rows = this.measures.all().stream().map((m) -> {
			titles.put(m.code(), m.title());
			Target t = current.getOrDefault(m.code(), Target.NONE);
			return new TargetRow(m.code(), m.title(), TargetText.value(t.target()),
					TargetText.trigger(t.target(), t.trigger()), TargetText.from(t.effectiveFrom()));
		}).toList();
		List<ChangeRow> changes = this.measures.allHistory()
			.stream()
			.map((h) -> changeRow(titles.getOrDefault(h.code(), h.code()), h))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("changes", changes);
		return "measures/targets";
	}

	/** A measure's target in force today, as the page words it. */
	record TargetRow(String code, String title, String target, String trigger, String from) {
	}

	/** One stored change of a target, as the page words it. */
	record ChangeRow(String code, String title, String from, String target, String trigger, String changedBy,
			String changedAt) {
	}

	static ChangeRow changeRow(String title, Measures.TargetChange h) {
		return new ChangeRow(h.code(), title, TargetText.from(h.effectiveFrom()), TargetText.value(h.target()),
				TargetText.trigger(h.target(), h.trigger()), TargetText.changedBy(h.changedBy()),
				TargetText.changedAt(h.changedAt()));
	}

	@GetMapping("/measures/{code}/target")
	@PreAuthorize("hasRole('ADMIN')")
	String form(@PathVariable String code, @RequestParam(required = false) String changed, Model model) {
		model.addAttribute("form", TargetForm.empty());
		model.addAttribute("changed", changed != null);
		model.addAttribute("version", this.measures.targetVersion(code));
		return formPage(code, Map.of(), model);
	}

	@PostMapping("/measures/{code}/target")
	@PreAuthorize("hasRole('ADMIN')")
	String check(@PathVariable String code, TargetForm form, @RequestParam(required = false) Integer version,
			Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate from = date(form, errors);
		Values values = values(form.target(), form.trigger(), errors);
		model.addAttribute("form", form);
		int seen = (version != null) ? version : this.measures.targetVersion(code);
		model.addAttribute("version", seen);
		if (!errors.isEmpty()) {
			model.addAttribute("changed", false);
			return formPage(code, errors, model);
		}
		model.addAttribute("measure", measure(code));
		model.addAttribute("from", from);
		model.addAttribute("fromText", Dates.format(from));
		model.addAttribute("appliesFrom", Dates.format(firstPeriodStart(from)));
		model.addAttribute("target", values.target());
		model.addAttribute("trigger", values.trigger());
		model.addAttribute("targetText", ResultView.number(values.target()));
		model.addAttribute("triggerText", ResultView.number(values.trigger()));
		return "measures/target-check";
	}

	/**
	 * Changes the target as checked. The values come back from hidden fields, so they are
	 * validated again here as on the form (a request need not come from the check page),
	 * and the change is refused when someone else changed the targets since the form was
	 * opened ({@code version}).
	 */
	@PostMapping("/measures/{code}/target/confirm")
	@PreAuthorize("hasRole('ADMIN')")
	String confirm(@PathVariable String code, @RequestParam(required = false) String from,
			@RequestParam(required = false) String target, @RequestParam(required = false) String trigger,
			@RequestParam(required = false) Integer version, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response) {
		measure(code);
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate day = isoDate(from, errors);
		Values values = values(target, trigger, errors);
		TargetForm form = (day != null)
				? new TargetForm(String.valueOf(day.getDayOfMonth()), String.valueOf(day.getMonthValue()),
						String.valueOf(day.getYear()), text(target), text(trigger))
				: new TargetForm("", "", "", text(target), text(trigger));
		int current = this.measures.targetVersion(code);
		if (errors.isEmpty()) {
			try {
				// a request without the version (not from the check page) is taken as
				// made
				// from the targets in force now
				this.measures.changeTarget(code, day, values.target(), values.trigger(), user.getUsername(),
						this.clock.instant(), (version != null) ? version : current);
				this.recomputation.targetChanged(day);
				return "redirect:/measures/" + code + "/target?changed";
			}
			catch (Measures.TargetChanged ex) {
				response.setStatus(HttpStatus.CONFLICT.value());
				errors.put("from-day", ex.getMessage());
			}
		}
		else {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		model.addAttribute("form", form);
		model.addAttribute("changed", false);
		model.addAttribute("version", current);
		return formPage(code, errors, model);
	}

	/** Monthly results use the target in force on the first day of the month. */
	static LocalDate firstPeriodStart(LocalDate from) {
		return (from.getDayOfMonth() == 1) ? from : from.withDayOfMonth(1).plusMonths(1);
	}

	private String formPage(String code, Map<String, String> errors, Model model) {
		model.addAttribute("measure", measure(code));
		model.addAttribute("errors", errors);
		String title = measure(code).title();
		model.addAttribute("history", this.measures.history(code).stream().map((h) -> changeRow(title, h)).toList());
		model.addAttribute("current", this.measures.targetOn(code, LocalDate.now(this.clock)));
		return "measures/target-form";
	}

	private Measures.Measure measure(String code) {
		return this.measures.find(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No measure " + code));
	}

	private static LocalDate date(TargetForm form, Map<String, String> errors) {
		try {
			int year = Integer.parseInt(form.year().trim());
			if (year < 1000 || year > 9999) {
				throw new DateTimeException("year out of range");
			}
			return LocalDate.of(year, Integer.parseInt(form.month().trim()), Integer.parseInt(form.day().trim()));
		}
		catch (NumberFormatException | DateTimeException | NullPointerException ex) {
			errors.put("from-day", "Enter a real date from which the new values apply, for example 1 4 2025");
			return null;
		}
	}

	/** A target and a trigger as typed, checked together. */
	record Values(Double target, Double trigger) {
	}

	private static Values values(String targetText, String triggerText, Map<String, String> errors) {
		Double target = number(targetText, "target", "Target", errors);
		Double trigger = number(triggerText, "trigger", "Trigger", errors);
		if (target == null && trigger != null && !errors.containsKey("trigger") && !errors.containsKey("target")) {
			errors.put("trigger", "Enter a target as well as a trigger, or leave both empty for no target");
		}
		if (target != null && trigger != null && trigger > target) {
			errors.put("trigger", "Trigger must not be above the target");
		}
		return new Values(target, trigger);
	}

	private static Double number(String text, String field, String label, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			double value = Double.parseDouble(text.trim().replace("%", ""));
			if (Double.isNaN(value) || value < 0 || value > 100) {
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

	private static LocalDate isoDate(String text, Map<String, String> errors) {
		try {
			LocalDate day = LocalDate.parse((text != null) ? text.trim() : "");
			if (day.getYear() >= 1000 && day.getYear() <= 9999) {
				return day;
			}
		}
		catch (DateTimeException ex) {
			// the message below
		}
		errors.put("from-day", "Enter a real date from which the new values apply, for example 1 4 2025");
		return null;
	}

	private static String text(String value) {
		return (value != null) ? value : "";
	}

}
