package org.probity.audits.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.probity.accounts.CurrentUser;
import org.probity.estate.Visibility;
import org.probity.shared.Crn;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts on a case's page the audits of the person's events (planned, in progress, done or
 * missed), for a user the visibility rule lets open the case; the case page does not
 * depend on the audits.
 */
@ControllerAdvice(basePackages = "org.probity")
class CaseAuditsPanel {

	private static final Pattern CASE_PAGE = Pattern.compile("/cases/([A-Z][0-9]{6})");

	/** An audit of the case. */
	record CaseAudit(long auditId, String template, String programme, String eventId, String status, LocalDate dueDate,
			Instant completedAt, boolean alert) {

		public String statusWord() {
			return new PageFormat().status(this.status);
		}

		public String statusTag() {
			return new PageFormat().statusTag(this.status);
		}

		public String due() {
			return new PageFormat().date(this.dueDate);
		}

		public String completed() {
			return new PageFormat().dateTime(this.completedAt);
		}

	}

	private final JdbcClient jdbc;

	private final Visibility visibility;

	CaseAuditsPanel(JdbcClient jdbc, Visibility visibility) {
		this.jdbc = jdbc;
		this.visibility = visibility;
	}

	@ModelAttribute("caseAudits")
	List<CaseAudit> caseAudits(HttpServletRequest request, @AuthenticationPrincipal CurrentUser user) {
		var m = CASE_PAGE.matcher(request.getServletPath());
		if (user == null || !m.matches() || !Crn.isValid(m.group(1))
				|| !this.visibility.mayOpen(user, new Crn(m.group(1)))) {
			return null;
		}
		return this.jdbc.sql("""
				select a.audit_id, t.name as template, coalesce(p.name, 'Individual audit') as programme, a.event_id,
				       a.status, a.due_date, a.completed_at, a.alert
				from case_audit a join audit_template t on t.template_code = a.template_code
				left join audit_programme p on p.programme_id = a.programme_id
				where a.crn = :crn
				order by a.due_date desc, a.audit_id desc
				""").param("crn", m.group(1)).query(CaseAudit.class).list();
	}

}
