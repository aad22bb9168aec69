package org.probity.reports.baseline;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.probity.accounts.CurrentUser;
import org.probity.estate.Estate;
import org.probity.estate.Unit;
import org.probity.estate.UnitType;
import org.probity.estate.Visibility;
import org.probity.measures.UnitFigures;
import org.probity.reports.archive.ReportRefused;
import org.probity.reports.packs.PackFormat;
import org.probity.shared.Clocks;
import org.probity.shared.Period;
import org.probity.shared.UnitCode;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The baseline year (issue #15, point 4): an administrator sets it, every change kept;
 * every measure's figure for a period and unit is shown against its figure for the same
 * period of the baseline year.
 */
@Controller
class BaselinePages {

	/** A measure's figure against its baseline figure. */
	record Line(String code, String title, UnitFigures.Result now, UnitFigures.Result baseline, Double change) {
	}

	private final BaselineYears years;

	private final UnitFigures figures;

	private final Estate estate;

	private final Visibility visibility;

	private final Clock clock;

	BaselinePages(BaselineYears years, UnitFigures figures, Estate estate, Visibility visibility, Clock clock) {
		this.years = years;
		this.figures = figures;
		this.estate = estate;
		this.visibility = visibility;
		this.clock = clock;
	}

	@GetMapping("/reports/baseline")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER')")
	String page(@RequestParam(required = false) String period, @RequestParam(required = false) String unit,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		YearMonth lastMonth = YearMonth.now(this.clock.withZone(Clocks.LONDON)).minusMonths(1);
		Period p = (period == null || period.isBlank()) ? Period.month(lastMonth) : Period.parse(period);
		List<Unit> choices = choices(user);
		Unit chosen = chosen(unit, choices, user);
		BaselineYears.Baseline baseline = this.years.current();
		List<Line> lines = new ArrayList<>();
		Period basePeriod = null;
		if (chosen != null) {
			Map<String, UnitFigures.Result> base = new HashMap<>();
			if (baseline.year() != null) {
				basePeriod = sameIn(p, baseline.year());
				this.figures.of(chosen.code(), basePeriod, 1).forEach((l) -> base.put(l.code(), l.result()));
			}
			for (UnitFigures.Line l : this.figures.of(chosen.code(), p, 1)) {
				UnitFigures.Result b = base.get(l.code());
				Double change = (b != null && b.performance() != null && l.result().performance() != null)
						? l.result().performance() - b.performance() : null;
				lines.add(new Line(l.code(), l.title(), l.result(), b, change));
			}
		}
		model.addAttribute("baseline", baseline);
		model.addAttribute("history", this.years.history());
		model.addAttribute("period", p);
		model.addAttribute("basePeriod", basePeriod);
		model.addAttribute("units", choices);
		model.addAttribute("unit", chosen);
		model.addAttribute("lines", lines);
		model.addAttribute("fmt", PackFormat.INSTANCE);
		model.addAttribute("mayChange", user.role() == org.probity.accounts.Role.ADMIN);
		return "reports/baseline";
	}

	@PostMapping("/reports/baseline")
	@PreAuthorize("hasRole('ADMIN')")
	String set(@RequestParam(required = false) String year, @RequestParam(required = false) String version,
			@RequestParam(required = false) String reason, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		int y;
		int v;
		try {
			y = Integer.parseInt((year == null) ? "" : year.strip());
		}
		catch (NumberFormatException ex) {
			redirect.addFlashAttribute("problem", "Enter the baseline year as four digits, like 2024");
			return "redirect:/reports/baseline";
		}
		try {
			v = Integer.parseInt((version == null) ? "" : version.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("The form is missing the version of the baseline year: reload it");
		}
		try {
			this.years.set(y, v, reason, user.getUsername());
		}
		catch (ReportRefused ex) {
			if (ex.kind() != ReportRefused.Kind.NOT_ALLOWED) {
				throw ex;
			}
			redirect.addFlashAttribute("problem", ex.getMessage());
			return "redirect:/reports/baseline";
		}
		redirect.addFlashAttribute("done", "The baseline year is now " + y);
		return "redirect:/reports/baseline";
	}

	/** The same period of another year: a month, quarter or the whole year. */
	static Period sameIn(Period period, int year) {
		int shift = year - period.first().getYear();
		return new Period(period.kind(), period.first().plusYears(shift), period.last().plusYears(shift));
	}

	/** The provider, regions and LDUs the user sees, parents first. */
	private List<Unit> choices(CurrentUser user) {
		return this.estate.units()
			.stream()
			.filter((u) -> u.type() != UnitType.TEAM)
			.filter((u) -> this.visibility.maySeeUnit(user, u.code()))
			.toList();
	}

	private Unit chosen(String unit, List<Unit> choices, CurrentUser user) {
		if (unit == null || unit.isBlank()) {
			return choices.isEmpty() ? null : choices.get(0);
		}
		UnitCode code;
		try {
			code = new UnitCode(unit.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("There is no unit " + unit.strip());
		}
		Unit found = this.estate.unit(code)
			.orElseThrow(() -> new IllegalArgumentException("There is no unit " + unit.strip()));
		if (!this.visibility.maySeeUnit(user, code)) {
			throw new AccessDeniedException("That unit is not one of yours");
		}
		return found;
	}

}
