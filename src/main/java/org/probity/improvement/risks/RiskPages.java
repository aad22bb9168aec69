package org.probity.improvement.risks;

import java.time.Clock;
import java.time.LocalDate;

import org.probity.accounts.CurrentUser;
import org.probity.improvement.plans.InvalidPlan;
import org.probity.improvement.plans.NotFound;
import org.probity.improvement.plans.Plans;
import org.probity.shared.web.ProblemPage;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The risk register of a risk assurance plan as of a date, with risks added and reviewed.
 */
@Controller
@ProblemPage("improvement/problem")
@PreAuthorize("isAuthenticated()")
class RiskPages {

	private final Risks risks;

	private final Plans plans;

	private final Clock clock;

	RiskPages(Risks risks, Plans plans, Clock clock) {
		this.risks = risks;
		this.plans = plans;
		this.clock = clock;
	}

	@GetMapping("/improvement/plans/{id}/risks")
	@PreAuthorize("isAuthenticated()")
	String register(@PathVariable long id, @RequestParam(name = "as_of", required = false) LocalDate asOf,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		Plans.Plan plan = this.plans.visible(id, user).orElseThrow(() -> new NotFound("No plan " + id));
		LocalDate day = (asOf != null) ? asOf : LocalDate.now(this.clock);
		model.addAttribute("plan", plan);
		model.addAttribute("asOf", day);
		model.addAttribute("risks", this.risks.register(id, day));
		if (!model.containsAttribute("error")) {
			model.addAttribute("error", null);
		}
		return "improvement/risks";
	}

	@PostMapping("/improvement/plans/{id}/risks")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	String add(@PathVariable long id, @RequestParam(required = false) String description,
			@RequestParam(required = false) String owner, @RequestParam(required = false) Integer likelihood,
			@RequestParam(required = false) Integer impact, @RequestParam(required = false) String controls,
			@RequestParam(required = false) LocalDate reviewDate, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		try {
			this.risks.add(id, new Risks.Assessment(description, owner, likelihood, impact, controls, reviewDate, null,
					null, null), user);
		}
		catch (InvalidPlan ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/improvement/plans/" + id + "/risks";
	}

	@PostMapping("/improvement/risks/{riskId}/reviews")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	String review(@PathVariable long riskId, @RequestParam(required = false) Integer likelihood,
			@RequestParam(required = false) Integer impact, @RequestParam(required = false) String controls,
			@RequestParam(required = false) LocalDate reviewDate, @RequestParam(required = false) String note,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		Risks.Risk risk = this.risks.visible(riskId, user, LocalDate.of(9999, 12, 31))
			.orElseThrow(() -> new NotFound("No risk " + riskId));
		try {
			this.risks.review(riskId,
					new Risks.Assessment(null, null, likelihood, impact,
							(controls != null && !controls.isBlank()) ? controls : null, reviewDate, null, note, null),
					user);
		}
		catch (InvalidPlan ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/improvement/plans/" + risk.planId() + "/risks";
	}

}
