package org.probity.reports.scheduled;

import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.estate.Visibility;
import org.probity.reports.archive.ReportKind;
import org.probity.reports.archive.StoredReport;
import org.probity.shared.Crn;
import org.probity.shared.UnitCode;

import org.springframework.stereotype.Component;

/**
 * Who may open a scheduled report: the quality team and administrators every one; a
 * senior manager those whose units (every unit the report covers) are all theirs; a line
 * manager the monthly report of their own units only. Opening one writes the cases it
 * names to the access log, restricted ones as refused.
 */
@Component
class ReportAccess {

	private final Visibility visibility;

	ReportAccess(Visibility visibility) {
		this.visibility = visibility;
	}

	boolean mayOpen(CurrentUser user, StoredReport report, ReportContent content) {
		return switch (user.role()) {
			case ADMIN, QUALITY_TEAM -> true;
			case SENIOR_MANAGER -> coversAll(user, content);
			case LINE_MANAGER -> report.kind() == ReportKind.MONTHLY_UNIT && coversAll(user, content);
			default -> false;
		};
	}

	private boolean coversAll(CurrentUser user, ReportContent content) {
		return !content.units().isEmpty() && content.units()
			.stream()
			.allMatch((u) -> UnitCode.isValid(u) && this.visibility.maySeeUnit(user, new UnitCode(u)));
	}

	void logOpening(CurrentUser user, StoredReport report, ReportContent content, String how) {
		this.visibility.logCases(user, how + " " + report.kind().words().toLowerCase() + " " + report.id(),
				content.cases()
					.stream()
					.filter((c) -> !c.restricted())
					.map(ReportContent.CaseShown::crn)
					.map(Crn::new)
					.toList(),
				content.cases()
					.stream()
					.filter(ReportContent.CaseShown::restricted)
					.map(ReportContent.CaseShown::crn)
					.map(Crn::new)
					.toList());
	}

	static boolean isManager(Role role) {
		return role == Role.SENIOR_MANAGER || role == Role.LINE_MANAGER;
	}

}
