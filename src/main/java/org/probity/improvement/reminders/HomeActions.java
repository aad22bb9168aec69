package org.probity.improvement.reminders;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.probity.accounts.CurrentUser;
import org.probity.improvement.plans.ActionView;
import org.probity.improvement.plans.Actions;
import org.probity.improvement.plans.Rag;

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

	public record Panel(long red, long amber, List<ActionView> first) {

		public boolean empty() {
			return this.red == 0 && this.amber == 0;
		}

	}

	private final Actions actions;

	private final Clock clock;

	HomeActions(Actions actions, Clock clock) {
		this.actions = actions;
		this.clock = clock;
	}

	@ModelAttribute("improvementActions")
	Panel improvementActions(HttpServletRequest request, @AuthenticationPrincipal CurrentUser user) {
		if (user == null || !"/".equals(request.getServletPath())) {
			return new Panel(0, 0, List.of());
		}
		List<ActionView> due = this.actions.visibleTo(user, null, LocalDate.now(this.clock))
			.stream()
			.filter((a) -> a.open() && a.rag() != Rag.GREEN)
			.sorted(Comparator.comparing((ActionView a) -> a.rag() != Rag.RED).thenComparing(ActionView::ragDate))
			.toList();
		long red = due.stream().filter((a) -> a.rag() == Rag.RED).count();
		return new Panel(red, due.size() - red, due.stream().limit(LISTED).toList());
	}

}
