package org.probity.audits.web;

import org.probity.accounts.CurrentUser;
import org.probity.audits.AuditAlerts;
import org.probity.audits.AuditChanged;
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

/** Alerts: line managers record what was done; the quality team sees overdue ones. */
@Controller
@ProblemPage("audits/problem")
@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
class AlertPages {

	private final AuditAlerts alerts;

	AlertPages(AuditAlerts alerts) {
		this.alerts = alerts;
	}

	@GetMapping("/audits/alerts")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	String alerts(@AuthenticationPrincipal CurrentUser user, Model model) {
		java.util.List<AuditAlerts.Alert> visible = this.alerts.visibleTo(user);
		this.alerts.logShown(user, "Audit alerts", visible);
		model.addAttribute("alerts", visible);
		if (!model.containsAttribute("error")) {
			model.addAttribute("error", null);
		}
		return "audits/alerts";
	}

	@PostMapping("/audits/alerts/{auditId}")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	String acknowledge(@PathVariable long auditId, @RequestParam(required = false) String actionTaken,
			@RequestParam(required = false) Integer version, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		try {
			this.alerts.acknowledge(auditId, actionTaken, version, user);
			redirect.addFlashAttribute("acknowledged", auditId);
		}
		catch (IllegalArgumentException | AuditChanged ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			redirect.addFlashAttribute("errorAudit", auditId);
			redirect.addFlashAttribute("unsaved", (ex instanceof AuditChanged) ? actionTaken : null);
		}
		return "redirect:/audits/alerts#alert-" + auditId;
	}

}
