package org.probity.accounts;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignInPages {

	private final SignInReadiness readiness;

	private final SingleSignOnSettings settings;

	SignInPages(SignInReadiness readiness, SingleSignOnSettings settings) {
		this.readiness = readiness;
		this.settings = settings;
	}

	/** A button on the sign-in page: the provider's registration id and name. */
	record ProviderButton(String id, String name) {
	}

	/**
	 * The sign-in form; while the accounts are still being created (the demo's first
	 * start), a 503 page that says so instead, so nobody signs in too early.
	 * @param wait minutes this address must wait before trying again (from
	 * {@link SignInGuard}); anything but a small number is ignored
	 */
	@GetMapping("/sign-in")
	@PreAuthorize("permitAll()")
	String signIn(@RequestParam(required = false) String wait, Model model, HttpServletResponse response) {
		var waitingFor = this.readiness.waitingFor();
		if (waitingFor.isPresent()) {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader("Retry-After", "30");
			model.addAttribute("reason", waitingFor.get());
			return "accounts/still-loading";
		}
		if (wait != null && wait.matches("[0-9]{1,2}")) {
			model.addAttribute("waitMinutes", Integer.parseInt(wait));
		}
		model.addAttribute("localAccounts", this.settings.localAccounts());
		model.addAttribute("providers",
				this.settings.configuredProviders()
					.entrySet()
					.stream()
					.map((e) -> new ProviderButton(e.getKey(), e.getValue().displayName()))
					.toList());
		return "accounts/sign-in";
	}

	/**
	 * Where a sign-in through the identity provider ends when Probity refuses it: says
	 * why (403; 503 while the provider cannot be reached), in words, from the reason code
	 * {@link SingleSignOn.Refusals} gives; an unknown code reads as the provider's
	 * failure.
	 */
	@GetMapping("/sign-in/refused")
	@PreAuthorize("permitAll()")
	String refused(@RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
		ClaimMapping.Refusal refusal = ClaimMapping.Refusal.ofCode((reason != null) ? reason : "")
			.orElse(ClaimMapping.Refusal.PROVIDER);
		if (refusal == ClaimMapping.Refusal.UNAVAILABLE) {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader("Retry-After", "60");
		}
		else {
			response.setStatus(HttpStatus.FORBIDDEN.value());
		}
		model.addAttribute("reason", refusal.code());
		return "accounts/refused";
	}

}
