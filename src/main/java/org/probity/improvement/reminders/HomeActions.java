package org.probity.improvement.reminders;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.probity.accounts.CurrentUser;
import org.probity.improvement.plans.ActionView;
import org.probity.improvement.plans.Actions;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the actions due soon (amber) and overdue (red) beside the home page: an owner's
 * own, a line manager's team's, everything for the quality team.
 */
@ControllerAdvice(basePackages = "org.probity")
class HomeActions {

	/**
	 * Actions listed on the panel, the most urgent first; the rest are counted and a link
	 * leads to them.
	 */
	static final int LISTED = 3;

	private final Actions actions;

	private final Clock clock;

	HomeActions(Actions actions, Clock clock) {
		this.actions = actions;
		this.clock = clock;
	}

	@ModelAttribute("improvementActions")
	Actions.Due improvementActions(HttpServletRequest request, @AuthenticationPrincipal CurrentUser user) {
		if (user == null || !"/".equals(request.getServletPath())) {
			return new Actions.Due(0, 0, List.of());
		}
		return this.actions.due(user, LocalDate.now(this.clock), LISTED);
	}

}
