package org.probity.reports.sites;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.probity.accounts.CurrentUser;
import org.probity.shared.Period;
import org.probity.shared.UnitCode;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The quarterly site quality RAG as JSON, for every site the caller may see. */
@RestController
@Tag(name = "Site ratings", description = "Quarterly site quality RAG of teams and LDUs, with reasons and trend")
class SiteRatingsApi {

	record ReasonJson(String rag, String kind, String code, String text, String crn, boolean restricted) {
	}

	record TrendJson(String quarter, String rag) {
	}

	record SiteJson(String unitCode, String unitName, String unitType, String parentCode, String rag,
			List<ReasonJson> reasons, List<String> notCounted, List<TrendJson> trend, String sampleLink) {
	}

	record RatingsJson(String quarter, String rule, List<String> quarters, Map<String, Long> counts,
			List<SiteJson> sites) {
	}

	private final SiteRatings ratings;

	SiteRatingsApi(SiteRatings ratings) {
		this.ratings = ratings;
	}

	@GetMapping("/api/v1/site-ratings")
	@PreAuthorize("hasAnyRole('API_CLIENT','ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	@Operation(summary = "Site quality RAG for a quarter",
			description = "Every team and LDU the caller may see (optionally those in `unit`), with its RAG, the reasons "
					+ "and the RAG of the four quarters to this one; 400 for a malformed quarter, 403 for a unit out of scope")
	RatingsJson siteRatings(@RequestParam(required = false) String quarter, @RequestParam(required = false) String unit,
			@AuthenticationPrincipal CurrentUser user) {
		Period period = this.ratings.quarter(quarter);
		UnitCode within = (unit == null || unit.isBlank()) ? null : new UnitCode(unit.strip());
		SiteRatings.Ratings rated = this.ratings.rate(user, period, within);
		this.ratings.logShown(user, rated);
		List<SiteJson> sites = rated.sites()
			.stream()
			.map((s) -> new SiteJson(s.unitCode(), s.unitName(), s.unitType().name(), s.parentCode(), s.rag().name(),
					s.reasons()
						.stream()
						.map((r) -> new ReasonJson(r.rag().name(), r.kind().name(), r.code(), r.text(), r.crn(),
								r.restricted()))
						.toList(),
					s.notCounted(), s.trend().stream().map((t) -> new TrendJson(t.quarter(), t.rag().name())).toList(),
					s.red() ? "/audits/samples/new?unitCode=" + s.unitCode() : null))
			.toList();
		return new RatingsJson(period.code(), SiteRule.STATED, rated.quarters().stream().map(Period::code).toList(),
				Map.of("red", rated.count(SiteRag.RED), "amber", rated.count(SiteRag.AMBER), "green",
						rated.count(SiteRag.GREEN)),
				sites);
	}

}
