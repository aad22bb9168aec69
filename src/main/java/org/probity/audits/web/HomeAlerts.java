package org.probity.audits.web;

import jakarta.servlet.http.HttpServletRequest;
import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.audits.AuditAlerts;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the open alerts a user must act on beside the home page, so that a line manager
 * sees an alert as soon as it is raised (case-audit.md) without the home page depending
 * on audits.
 */
@ControllerAdvice(basePackages = "org.probity")
class HomeAlerts {

	private final AuditAlerts alerts;

	HomeAlerts(AuditAlerts alerts) {
		this.alerts = alerts;
	}

	/** Alerts listed on the home page; the rest are counted and a link leads to them. */
	static final int LISTED = 3;

	@ModelAttribute("auditAlerts")
	AuditAlerts.OpenAlerts auditAlerts(HttpServletRequest request, @AuthenticationPrincipal CurrentUser user) {
		if (user == null || !"/".equals(request.getServletPath())) {
			return null;
		}
		AuditAlerts.OpenAlerts open = this.alerts.openAlertsFor(user, LISTED);
		this.alerts.logShown(user, "Home page: audit alerts", open.first());
		return open;
	}

	/**
	 * Counts beside the home page's overview: open and overdue alerts and overdue audits,
	 * for those who open the audit pages.
	 */
	@ModelAttribute("auditCounts")
	AuditAlerts.Counts auditCounts(HttpServletRequest request, @AuthenticationPrincipal CurrentUser user) {
		if (user == null || !"/".equals(request.getServletPath()) || user.role() == Role.PRACTITIONER
				|| user.role() == Role.API_CLIENT) {
			return null;
		}
		return this.alerts.countsFor(user);
	}

}
