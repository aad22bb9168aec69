package org.probity.improvement.risks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.probity.accounts.CurrentUser;
import org.probity.improvement.plans.NotFound;
import org.probity.improvement.plans.Plans;
import org.probity.improvement.plans.Rag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The risk register of a risk assurance plan over JSON. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Risk register", description = "Risks of risk assurance plans, their reviews and the register as of a date")
@PreAuthorize("isAuthenticated()")
class RisksApi {

	record RiskJson(String description, String owner, Integer likelihood, Integer impact, String controls,
			LocalDate reviewDate, LocalDate reviewedOn, String note, List<Long> actionIds) {

		Risks.Assessment assessment() {
			return new Risks.Assessment(this.description, this.owner, this.likelihood, this.impact, this.controls,
					this.reviewDate, this.reviewedOn, this.note, this.actionIds);
		}

	}

	record RiskResponse(long riskId, long planId, int riskNo, String description, String owner, int likelihood,
			int impact, int score, Rag rag, String controls, LocalDate reviewDate, LocalDate reviewedOn,
			boolean pastReview, int reviews, List<Long> actionIds) {

		static RiskResponse of(Risks.Risk r) {
			return new RiskResponse(r.riskId(), r.planId(), r.riskNo(), r.description(), r.owner(), r.likelihood(),
					r.impact(), r.score(), r.rag(), r.controls(), r.reviewDate(), r.reviewedOn(), r.pastReview(),
					r.reviews(), r.actionIds());
		}

	}

	record Register(long planId, LocalDate asOf, List<RiskResponse> risks) {
	}

	private final Risks risks;

	private final Plans plans;

	private final Clock clock;

	RisksApi(Risks risks, Plans plans, Clock clock) {
		this.risks = risks;
		this.plans = plans;
		this.clock = clock;
	}

	@PostMapping("/plans/{id}/risks")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a risk to a risk assurance plan: likelihood and impact 1-5, controls, review date")
	@PreAuthorize("hasAnyRole('API_CLIENT','ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	RiskResponse add(@PathVariable long id, @RequestBody RiskJson body, @AuthenticationPrincipal CurrentUser user) {
		long riskId = this.risks.add(id, body.assessment(), user);
		return RiskResponse.of(this.risks.visible(riskId, user, LocalDate.of(9999, 12, 31)).orElseThrow());
	}

	@PostMapping("/risks/{id}/reviews")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a review of a risk as a new row (what is left out is carried over)")
	@PreAuthorize("hasAnyRole('API_CLIENT','ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	RiskResponse review(@PathVariable long id, @RequestBody RiskJson body, @AuthenticationPrincipal CurrentUser user) {
		this.risks.review(id, body.assessment(), user);
		return RiskResponse.of(this.risks.visible(id, user, LocalDate.of(9999, 12, 31)).orElseThrow());
	}

	@GetMapping("/plans/{id}/risks")
	@Operation(summary = "The register as of a date (default today): each risk as last reviewed on or before it")
	@PreAuthorize("isAuthenticated()")
	Register register(@PathVariable long id, @RequestParam(name = "as_of", required = false) LocalDate asOf,
			@AuthenticationPrincipal CurrentUser user) {
		this.plans.visible(id, user).orElseThrow(() -> new NotFound("No plan " + id));
		LocalDate day = (asOf != null) ? asOf : LocalDate.now(this.clock);
		return new Register(id, day, this.risks.register(id, day).stream().map(RiskResponse::of).toList());
	}

}
