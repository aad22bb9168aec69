package org.probity.reports.sites;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.probity.accounts.CurrentUser;
import org.probity.shared.Period;
import org.probity.shared.UnitCode;
import org.probity.shared.web.Table;
import org.probity.shared.web.TableExport;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The quarterly site quality RAG page: the rule, each site's RAG with its reasons, the
 * grid of sites by quarter, and the table as CSV, XLSX or ODS. Managers see their own
 * units; practitioners none.
 */
@Controller
class SiteRatingPages {

	private final SiteRatings ratings;

	SiteRatingPages(SiteRatings ratings) {
		this.ratings = ratings;
	}

	@GetMapping("/reports/sites")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	Object sites(@RequestParam(required = false) String quarter, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String format, @AuthenticationPrincipal CurrentUser user, Model model) {
		Period period = this.ratings.quarter(quarter);
		UnitCode within = (unit == null || unit.isBlank()) ? null : new UnitCode(unit.strip());
		if (format != null && TableExport.Format.of(format).isEmpty()) {
			throw new IllegalArgumentException("The format must be csv, xlsx or ods");
		}
		SiteRatings.Ratings rated = this.ratings.rate(user, period, within);
		this.ratings.logShown(user, rated);
		if (format != null) {
			return TableExport.response("site-ratings-" + period.code(), TableExport.Format.of(format).orElseThrow(),
					tables(rated));
		}
		model.addAttribute("ratings", rated);
		model.addAttribute("rule", SiteRule.STATED);
		model.addAttribute("unit", (within == null) ? "" : within.value());
		model.addAttribute("previousQuarter", period.previous().code());
		model.addAttribute("nextQuarter", next(period).code());
		model.addAttribute("canSample", user.role() == org.probity.accounts.Role.QUALITY_TEAM
				|| user.role() == org.probity.accounts.Role.ADMIN);
		return "reports/sites";
	}

	static Period next(Period quarter) {
		return new Period(Period.Kind.QUARTER, quarter.first().plusMonths(3), quarter.last().plusMonths(3));
	}

	static List<Table> tables(SiteRatings.Ratings rated) {
		Table grid = Table.titled("Site quality RAG " + rated.quarter().code())
			.text("Unit code", "Unit", "Level", "Part of");
		for (Period q : rated.quarters()) {
			grid = grid.text(q.code());
		}
		grid = grid.text("Reasons in " + rated.quarter().code());
		List<List<Object>> rows = new ArrayList<>();
		Table reasons = Table.titled("Reasons " + rated.quarter().code())
			.text("Unit code", "Unit", "RAG", "Kind", "Reason");
		List<List<Object>> reasonRows = new ArrayList<>();
		for (SiteRatings.Site s : rated.sites()) {
			List<Object> row = new ArrayList<>(List.of(s.unitCode(), s.unitName(), s.unitType().label(),
					(s.parentName() == null) ? "" : s.parentName()));
			s.trend().forEach((t) -> row.add(t.rag().word()));
			row.add(s.reasons().stream().map(SiteRule.Reason::text).collect(Collectors.joining("; ")));
			rows.add(row);
			for (SiteRule.Reason r : s.reasons()) {
				reasonRows.add(List.of(s.unitCode(), s.unitName(), r.rag().word(), r.kind().name(), r.text()));
			}
			for (String n : s.notCounted()) {
				reasonRows.add(List.of(s.unitCode(), s.unitName(), "Not counted", "TOO_FEW", n));
			}
		}
		return List.of(grid.rows(rows), reasons.rows(reasonRows));
	}

}
