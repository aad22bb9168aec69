package org.probity.audits;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.probity.accounts.CurrentUser;
import org.probity.shared.web.Table;
import org.probity.shared.web.TableExport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

	RatingPages(AuditRatings ratings, AuditProgrammes programmes, AssuranceReports reports,
			AssuranceReportExports exports, Inspections inspections, Clock clock) {
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
			@RequestParam(required = false) String staff, @RequestParam(required = false) String period, Model model) {
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
		AuditRatings.Scope scope = new AuditRatings.Scope(programme, blank(unit), blank(staff), from, to, null);
		model.addAttribute("result", this.ratings.rate(scope));
		model.addAttribute("programme", (programme != null) ? this.programmes.find(programme).orElse(null) : null);
		model.addAttribute("unit", blank(unit));
		model.addAttribute("staff", blank(staff));
		model.addAttribute("period", blank(period));
		model.addAttribute("error", error);
		return "audits/ratings";
	}

	@GetMapping("/audits/report")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER')")
	String report(@RequestParam(required = false) String month, @RequestParam(required = false) String unit,
			Model model) {
		YearMonth m = month(month);
		model.addAttribute("report", this.reports.report(m, blank(unit)));
		model.addAttribute("month", m.toString());
		model.addAttribute("unit", blank(unit));
		return "audits/report";
	}

	@GetMapping("/audits/report.pdf")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER')")
	ResponseEntity<byte[]> reportPdf(@RequestParam(required = false) String month,
			@RequestParam(required = false) String unit) {
		YearMonth m = month(month);
		byte[] pdf = this.exports.pdf(this.reports.report(m, blank(unit)));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-assurance-" + m + ".pdf\"")
			.body(pdf);
	}

	@GetMapping({ "/audits/report.xlsx", "/audits/report.ods", "/audits/report.csv" })
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER')")
	ResponseEntity<byte[]> reportTables(@RequestParam(required = false) String month,
			@RequestParam(required = false) String unit, HttpServletRequest request) {
		YearMonth m = month(month);
		String uri = request.getRequestURI();
		return TableExport.response("audit-assurance-" + m, uri.substring(uri.lastIndexOf('.') + 1),
				this.exports.tables(this.reports.report(m, blank(unit))).toArray(Table[]::new));
	}

	@GetMapping("/audits/inspections")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER')")
	String inspections(Model model) {
		model.addAttribute("inspections",
				this.inspections.all().stream().map((id) -> this.inspections.find(id).orElseThrow()).toList());
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
			inspections(model);
			model.addAttribute("errors", Map.of("name", ex.getMessage()));
			model.addAttribute("form", form);
			return "audits/inspections";
		}
	}

	@GetMapping("/audits/inspections/{id}")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER')")
	String inspection(@PathVariable long id, Model model) {
		model.addAttribute("inspection",
				this.inspections.find(id).orElseThrow(() -> new NotFound("No inspection " + id)));
		return "audits/inspection";
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
