package org.probity.feedback;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;
import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.shared.UnitCode;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the complaints that need an answer beside the home page (open and overdue stages
 * of the complaints the user may see), without the home page depending on feedback.
 */
@ControllerAdvice(basePackages = "org.probity")
class FeedbackHome {

	/** What the home page shows: null when there is nothing for this user. */
	public record Panel(int open, int overdue) {
	}

	private final Complaints complaints;

	private final FeedbackScope scope;

	private final Clock clock;

	FeedbackHome(Complaints complaints, FeedbackScope scope, Clock clock) {
		this.complaints = complaints;
		this.scope = scope;
		this.clock = clock;
	}

	@ModelAttribute("feedbackPanel")
	Panel feedbackPanel(HttpServletRequest request, @AuthenticationPrincipal CurrentUser user) {
		if (user == null || !"/".equals(request.getServletPath()) || user.role() == Role.PRACTITIONER
				|| user.role() == Role.API_CLIENT) {
			return null;
		}
		LocalDate today = LocalDate.now(this.clock);
		String root = this.scope.rootUnit(user);
		if (FeedbackScope.NOTHING.equals(root)) {
			return null;
		}
		int open = 0;
		int overdue = 0;
		// a complaint still waiting is counted however old it is
		for (Complaint c : this.complaints.waitingUnder((root != null) ? new UnitCode(root) : null, today)) {
			if (!this.scope.maySee(user, c)) {
				continue;
			}
			ComplaintTimescales.Timeliness t = this.complaints.timeliness(c, today);
			ComplaintStatus stage = (t.appealResponse() != null) ? t.appealResponse() : t.stage1();
			if (stage == ComplaintStatus.OVERDUE) {
				overdue++;
			}
			else if (stage == ComplaintStatus.OPEN) {
				open++;
			}
		}
		return new Panel(open, overdue);
	}

}
