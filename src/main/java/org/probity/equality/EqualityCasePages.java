package org.probity.equality;

import java.util.List;

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
import org.probity.estate.Visibility;
import org.probity.shared.web.ProblemPage;
import org.probity.shared.web.Table;
import org.probity.shared.web.TableExport;

/**
 * The cases behind one group's figure: listed only for a group that is shown (never for
 * one suppressed, whatever the role), in the user's scope (the estate's visibility rule:
 * restricted cases shown as such), every list shown written to the case access log.
 */
@ProblemPage("equality/problem")
@Controller
class EqualityCasePages {

	static final int PER_PAGE = 50;

	private final EqualityPages pages;

	private final EqualityFigures figures;

	private final EqualityCases cases;

	private final Visibility visibility;

	private final EqualityCaseloads caseloads;

	EqualityCasePages(EqualityPages pages, EqualityFigures figures, EqualityCases cases, Visibility visibility,
			EqualityCaseloads caseloads) {
		this.pages = pages;
		this.figures = figures;
		this.cases = cases;
		this.visibility = visibility;
		this.caseloads = caseloads;
	}

	/** The case-mix profile of a unit's caseload on the last day of the period. */
	@GetMapping("/equality/caseload")
	@PreAuthorize("isAuthenticated()")
	Object caseload(@RequestParam(required = false) String period, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String format, @AuthenticationPrincipal CurrentUser user, Model model) {
		EqualityPages.Place place = this.pages.place(period, unit, null, user, model);
		if (place == null) {
			return "equality/caseload";
		}
		if (place.focus().unit() == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The case-mix profile is of a unit's caseload");
		}
		java.time.LocalDate day = place.period().endDate();
		List<EqualityCaseloads.Profile> profiles = this.caseloads.profile(place.focus().unit(), day);
		if (TableExport.wanted(format)) {
			Table table = Table.titled("Caseload " + place.focus().unit() + " " + place.period().code())
				.text("Characteristic", "Group", "People (unit)", "Share (unit)", "People (provider)",
						"Share (provider)");
			for (EqualityCaseloads.Profile p : profiles) {
				for (EqualityCaseloads.Row r : p.rows()) {
					table = table.row(p.characteristic().name(), r.group(), r.unit(), r.unitShare(), r.provider(),
							r.providerShare());
				}
			}
			return TableExport.response("caseload-" + place.focus().unit() + "-" + place.period().code(), format,
					table);
		}
		model.addAttribute("place", place);
		model.addAttribute("day", org.probity.shared.Dates.format(day));
		model.addAttribute("profiles", profiles);
		return "equality/caseload";
	}

	@GetMapping("/equality/{code}/cases")
	@PreAuthorize("isAuthenticated()")
	Object cases(@PathVariable String code, @RequestParam(required = false) String period,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String staff,
			@RequestParam(required = false) String characteristic, @RequestParam(required = false) String group,
			@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String format,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		EqualityFigures.Measure measure = this.figures.measure(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No measure " + code));
		model.addAttribute("measure", measure);
		EqualityPages.Place place = this.pages.place(period, unit, staff, user, model);
		if (place == null) {
			return "equality/cases";
		}
		Characteristic c = characteristic(characteristic);
		if (group == null || !c.groups().contains(group)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No group " + group + " of " + c.label());
		}
		GroupFigures figures = this.figures.tables(measure.code(), place.period(), place.focus())
			.stream()
			.filter((t) -> t.characteristic() == c)
			.flatMap((t) -> t.groups().stream())
			.filter((g) -> g.group().equals(group))
			.findFirst()
			.orElseThrow();
		if (figures.suppressed()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND,
					"This group has fewer than 5 cases for the period: its cases are not listed here. The measure's own case list has every case.");
		}
		List<Visibility.Shown<EqualityCases.CaseRow>> all = this.visibility.filter(user,
				this.cases.of(measure.code(), place.period(), place.focus(), c, group), EqualityCasePages::holding);
		String name = measure.code() + "-" + c.name() + "-" + group + "-" + place.period().code();
		if (TableExport.wanted(format)) {
			this.visibility.logShown(user, "equality cases export " + name, all, EqualityCasePages::holding);
			Table table = Table.titled(measure.code() + " " + c.name() + " " + group)
				.text("CRN", "Event", "Month", "Team", "Practitioner", "Result")
				.number("Numerator", "Denominator");
			for (Visibility.Shown<EqualityCases.CaseRow> shown : all) {
				EqualityCases.CaseRow r = shown.row();
				table = shown.restricted() ? table.row(r.crn(), "restricted case", null, null, null, null, null, null)
						: table.row(r.crn(), r.eventId(), r.month().toString().substring(0, 7), r.teamCode(),
								r.staffCode(), r.met() ? "Met" : "Not met", r.numerator(), r.denominator());
			}
			return TableExport.response(name, format, table);
		}
		int pages = Math.max(1, (all.size() + PER_PAGE - 1) / PER_PAGE);
		int current = Math.min(Math.max(1, page), pages);
		List<Visibility.Shown<EqualityCases.CaseRow>> shown = all.subList((current - 1) * PER_PAGE,
				Math.min(all.size(), current * PER_PAGE));
		this.visibility.logShown(user, "equality cases " + name + " page " + current, shown,
				EqualityCasePages::holding);
		model.addAttribute("place", place);
		model.addAttribute("characteristic", c);
		model.addAttribute("group", GroupView.of(figures, 0));
		model.addAttribute("groupCode", group);
		model.addAttribute("cases", shown);
		model.addAttribute("total", all.size());
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("baseQuery", place.query() + "&characteristic=" + c.name() + "&group=" + group);
		return "equality/cases";
	}

	private static Visibility.Holding holding(EqualityCases.CaseRow row) {
		return Visibility.Holding.of(row.crn(), row.teamCode(), row.staffCode());
	}

	static Characteristic characteristic(String name) {
		try {
			return Characteristic.valueOf(String.valueOf(name));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No characteristic " + name);
		}
	}

}
