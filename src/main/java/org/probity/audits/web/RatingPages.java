package org.probity.audits.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.probity.accounts.CurrentUser;
import org.probity.audits.AssuranceReports;
import org.probity.audits.AuditProgrammes;
import org.probity.audits.AuditRatings;
import org.probity.audits.Inspections;
import org.probity.audits.NotFound;
import org.probity.audits.Rating;
import org.probity.audits.RatingRules;
import org.probity.audits.report.AssuranceReportExports;
import org.probity.estate.Visibility;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.shared.web.ProblemPage;
import org.probity.shared.web.Table;
import org.probity.shared.web.TableExport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Ratings by standard, the monthly assurance report and inspection-style ratings. */
@Controller
@ProblemPage("audits/problem")
@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER')")
class RatingPages {

	private final AuditRatings ratings;

	private final AuditProgrammes programmes;

	private final AssuranceReports reports;

	private final AssuranceReportExports exports;

	private final Inspections inspections;

	private final Clock clock;

	private final Visibility visibility;

	private final org.probity.estate.Estate estate;

	RatingPages(AuditRatings ratings, AuditProgrammes programmes, AssuranceReports reports,
			AssuranceReportExports exports, Inspections inspections, Clock clock, Visibility visibility,
			org.probity.estate.Estate estate) {
		this.visibility = visibility;
		this.estate = estate;
		this.ratings = ratings;
		this.programmes = programmes;
		this.reports = reports;
		this.exports = exports;
		this.inspections = inspections;
		this.clock = clock;
	}

	@GetMapping("/audits/ratings")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER')")
	String ratings(@RequestParam(required = false) Long programme, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String staff, @RequestParam(required = false) String period,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		LocalDate from = null;
		LocalDate to = null;
		String error = null;
		if (period != null && !period.isBlank()) {
			try {
				org.probity.shared.Period p = org.probity.shared.Period.parse(period);
				from = p.startDate();
				to = p.endDate();
			}
			catch (IllegalArgumentException ex) {
				error = ex.getMessage();
			}
		}
		if (programme != null) {
			AuditProgrammes.Programme p = this.programmes.find(programme)
				.orElseThrow(() -> new NotFound("No audit programme " + programme));
			checkUnit(user, p.population().unitCode());
		}
		if (blank(staff) != null && !(StaffCode.isValid(blank(staff))
				&& this.visibility.maySeeStaff(user, new StaffCode(blank(staff))))) {
			throw new AccessDeniedException("You may not see the ratings of member of staff " + blank(staff));
		}
		String scopedUnit = (blank(staff) != null || programme != null) ? blank(unit) : unitFor(user, unit);
		if (scopedUnit != null) {
			checkUnit(user, scopedUnit);
		}
		AuditRatings.Scope scope = new AuditRatings.Scope(programme, scopedUnit, blank(staff), from, to, null);
		model.addAttribute("result", this.ratings.rate(scope));
		model.addAttribute("programme", (programme != null) ? this.programmes.find(programme).orElse(null) : null);
		model.addAttribute("unit", scopedUnit);
		model.addAttribute("staff", blank(staff));
		model.addAttribute("period", blank(period));
		model.addAttribute("error", error);
		model.addAttribute("unitOptions", unitOptions(user));
		model.addAttribute("staffOptions", staffOptions(user, scopedUnit));
		model.addAttribute("periodOptions", periodOptions(blank(period)));
		return "audits/ratings";
	}

	@GetMapping("/audits/report")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER')")
	String report(@RequestParam(required = false) String month, @RequestParam(required = false) String unit,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		YearMonth m = month(month);
		model.addAttribute("report", report(m, unit, user, "Audit assurance report"));
		model.addAttribute("month", m.toString());
		model.addAttribute("unit", unitFor(user, unit));
		model.addAttribute("unitOptions", unitOptions(user));
		model.addAttribute("monthOptions", monthOptions(m));
		return "audits/report";
	}

	@GetMapping("/audits/report.pdf")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER')")
	ResponseEntity<byte[]> reportPdf(@RequestParam(required = false) String month,
			@RequestParam(required = false) String unit, @AuthenticationPrincipal CurrentUser user) {
		YearMonth m = month(month);
		byte[] pdf = this.exports.pdf(report(m, unit, user, "Audit assurance report (PDF)"));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-assurance-" + m + ".pdf\"")
			.body(pdf);
	}

	@GetMapping({ "/audits/report.xlsx", "/audits/report.ods", "/audits/report.csv" })
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER')")
	ResponseEntity<byte[]> reportTables(@RequestParam(required = false) String month,
			@RequestParam(required = false) String unit, @AuthenticationPrincipal CurrentUser user,
			HttpServletRequest request) {
		YearMonth m = month(month);
		String uri = request.getRequestURI();
		String format = uri.substring(uri.lastIndexOf('.') + 1);
		AssuranceReports.Report report = report(m, unit, user,
				"Audit assurance report (" + format.toUpperCase(java.util.Locale.ROOT) + ")");
		return TableExport.response("audit-assurance-" + m, format, this.exports.tables(report).toArray(Table[]::new));
	}

	@GetMapping("/audits/inspections")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER')")
	String inspections(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("inspections",
				this.inspections.all()
					.stream()
					.map((id) -> this.inspections.find(id).orElseThrow())
					.filter((i) -> maySeeUnit(user, i.unitCode()))
					.toList());
		model.addAttribute("errors", Map.of());
		model.addAttribute("form", Map.of());
		return "audits/inspections";
	}

	@PostMapping("/audits/inspections")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String createInspection(@RequestParam Map<String, String> form, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		try {
			Map<String, Rating> judgements = new LinkedHashMap<>();
			for (String standard : RatingRules.ORGANISATIONAL_STANDARDS) {
				String value = form.get("judgement-" + standard);
				if (value != null && !value.isBlank()) {
					judgements.put(standard, AuditPages.enumOf(Rating.class, value, "Choose a rating for " + standard));
				}
			}
			org.probity.shared.Period period = org.probity.shared.Period.parse(form.get("period"));
			long id = this.inspections.create(form.get("name"), blank(form.get("unitCode")), period.startDate(),
					period.endDate(), judgements, user.getUsername());
			return "redirect:/audits/inspections/" + id;
		}
		catch (IllegalArgumentException ex) {
			inspections(user, model);
			model.addAttribute("errors", Map.of("name", ex.getMessage()));
			model.addAttribute("form", form);
			return "audits/inspections";
		}
	}

	@GetMapping("/audits/inspections/{id}")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER')")
	String inspection(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Inspections.Inspection inspection = this.inspections.find(id)
			.orElseThrow(() -> new NotFound("No inspection " + id));
		checkUnit(user, inspection.unitCode());
		model.addAttribute("inspection", inspection);
		return "audits/inspection";
	}

	/**
	 * The report for the unit asked for (by default the user's own unit, or every unit
	 * for those who see them all), its alert rows as the visibility rule shows them, and
	 * the access log written for them.
	 */
	private AssuranceReports.Report report(YearMonth month, String unit, CurrentUser user, String shown) {
		String scoped = unitFor(user, unit);
		if (scoped != null) {
			checkUnit(user, scoped);
		}
		AssuranceReports.Report report = this.reports.report(month, unitCode(scoped), user);
		this.reports.logShown(user, shown, report);
		return report;
	}

	/** A code that no unit could have is not found, as an unknown unit's is. */
	private static UnitCode unitCode(String code) {
		if (code == null) {
			return null;
		}
		try {
			return new UnitCode(code);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFound("No unit " + code);
		}
	}

	/** The unit asked for, or the user's own unit when none is (null: every unit). */
	private String unitFor(CurrentUser user, String unit) {
		if (blank(unit) != null) {
			return blank(unit);
		}
		UnitCode root = this.visibility.unitRoot(user);
		return (root != null) ? root.value() : null;
	}

	private boolean maySeeUnit(CurrentUser user, String unitCode) {
		return (unitCode == null) ? this.visibility.seesEveryUnit(user)
				: UnitCode.isValid(unitCode) && this.visibility.maySeeUnit(user, new UnitCode(unitCode));
	}

	private void checkUnit(CurrentUser user, String unitCode) {
		if (!maySeeUnit(user, unitCode)) {
			throw new AccessDeniedException(
					(unitCode == null) ? "You may not see every unit" : "You may not see unit " + unitCode);
		}
	}

	/** A choice of a select. */
	record Option(String value, String label) {
	}

	/** The units the user may see, larger units first, then by name. */
	private List<Option> unitOptions(CurrentUser user) {
		java.util.Set<String> visible = this.visibility.visibleUnits(user);
		return this.estate.units()
			.stream()
			.filter((u) -> visible == null || visible.contains(u.code().value()))
			.sorted(java.util.Comparator.comparing((org.probity.estate.Unit u) -> u.type().ordinal())
				.thenComparing(org.probity.estate.Unit::name))
			.map((u) -> new Option(u.code().value(),
					org.probity.shared.web.Format.unitName(u.name(), typeWord(u.type().name()))))
			.toList();
	}

	/** The staff of a team the user may see, by surname; none for a larger unit. */
	private List<Option> staffOptions(CurrentUser user, String unit) {
		if (unit == null || !UnitCode.isValid(unit)) {
			return List.of();
		}
		return this.estate.unit(new UnitCode(unit))
			.filter(org.probity.estate.Unit::isTeam)
			.map((team) -> this.estate.staffOfTeam(team.code())
				.stream()
				.filter((s) -> this.visibility.maySeeStaff(user, s.code()))
				.map((s) -> new Option(s.code().value(), s.name() + " (" + s.code().value() + ")"))
				.toList())
			.orElse(List.of());
	}

	private static String typeWord(String type) {
		return switch (type) {
			case "PROVIDER" -> "Provider";
			case "REGION" -> "Region";
			case "LDU" -> "LDU";
			default -> "Team";
		};
	}

	/** The 24 months to the later of the month shown and last month, newest first. */
	private List<Option> monthOptions(YearMonth shown) {
		YearMonth last = YearMonth.now(this.clock);
		YearMonth newest = shown.isAfter(last) ? shown : last;
		java.util.LinkedHashSet<YearMonth> months = new java.util.LinkedHashSet<>();
		for (int i = 0; i < 24; i++) {
			months.add(newest.minusMonths(i));
		}
		months.add(shown);
		return months.stream()
			.sorted(java.util.Comparator.reverseOrder())
			.map((m) -> new Option(m.toString(), org.probity.shared.web.Format.month(m)))
			.toList();
	}

	/**
	 * Every time, then the last 24 months, their quarters and years; the one asked kept.
	 */
	private List<Option> periodOptions(String asked) {
		List<Option> options = new java.util.ArrayList<>();
		options.add(new Option("", "Any time"));
		YearMonth now = YearMonth.now(this.clock);
		java.util.LinkedHashSet<org.probity.shared.Period> periods = new java.util.LinkedHashSet<>();
		for (int i = 0; i < 24; i++) {
			periods.add(org.probity.shared.Period.month(now.minusMonths(i)));
		}
		for (int i = 0; i < 24; i += 3) {
			YearMonth m = now.minusMonths(i);
			periods.add(org.probity.shared.Period.quarter(m.getYear(), (m.getMonthValue() - 1) / 3 + 1));
		}
		periods.add(org.probity.shared.Period.year(now.getYear()));
		periods.add(org.probity.shared.Period.year(now.getYear() - 1));
		try {
			if (asked != null) {
				periods.add(org.probity.shared.Period.parse(asked));
			}
		}
		catch (IllegalArgumentException ex) {
			// the error summary says why; the select keeps its choices
		}
		periods.stream()
			.sorted(java.util.Comparator.comparing((org.probity.shared.Period q) -> q.kind().ordinal())
				.thenComparing(org.probity.shared.Period::startDate, java.util.Comparator.reverseOrder()))
			.forEach((q) -> options.add(new Option(q.code(), q.label())));
		return options;
	}

	private YearMonth month(String month) {
		if (month == null || month.isBlank()) {
			return this.reports.latestMonthWithCompletedAudits();
		}
		return org.probity.shared.Period.parseMonth(month);
	}

	private static String blank(String s) {
		return (s == null || s.isBlank()) ? null : s.trim();
	}

}
