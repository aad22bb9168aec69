package org.probity.audits;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.probity.accounts.CurrentUser;
import org.probity.estate.Visibility;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
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
@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER')")
class RatingPages {

	private final AuditRatings ratings;

	private final AuditProgrammes programmes;

	private final AssuranceReports reports;

	private final AssuranceReportExports exports;

	private final Inspections inspections;

	private final Clock clock;

	private final Visibility visibility;

	RatingPages(AuditRatings ratings, AuditProgrammes programmes, AssuranceReports reports,
			AssuranceReportExports exports, Inspections inspections, Clock clock, Visibility visibility) {
		this.visibility = visibility;
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
		AssuranceReports.Report report = this.reports.report(month, scoped, user);
		this.reports.logShown(user, shown, report);
		return report;
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

	private YearMonth month(String month) {
		if (month == null || month.isBlank()) {
			return YearMonth.now(this.clock).minusMonths(1);
		}
		return org.probity.shared.Period.parseMonth(month);
	}

	private static String blank(String s) {
		return (s == null || s.isBlank()) ? null : s.trim();
	}

}
