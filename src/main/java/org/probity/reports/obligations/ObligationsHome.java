package org.probity.reports.obligations;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.probity.accounts.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the user's overdue obligation reviews beside the home page (the obligations they
 * own whose next review has passed), without the home page depending on reports.
 */
@ControllerAdvice(basePackages = "org.probity")
class ObligationsHome {

	private final Obligations obligations;

	ObligationsHome(Obligations obligations) {
		this.obligations = obligations;
	}

	@ModelAttribute("obligationReviews")
	List<Obligations.Obligation> overdueReviews(HttpServletRequest request, @AuthenticationPrincipal CurrentUser user) {
		if (user == null || !"/".equals(request.getServletPath())) {
			return null;
		}
		List<Obligations.Obligation> overdue = this.obligations.overdueFor(user.getUsername());
		return overdue.isEmpty() ? null : overdue;
	}

}
