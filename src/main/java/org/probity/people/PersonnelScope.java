package org.probity.people;

import java.util.List;
import java.util.Optional;

import org.probity.accounts.Accounts;
import org.probity.accounts.CaseAccessLog;
import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.estate.Estate;
import org.probity.estate.Staff;
import org.probity.estate.Visibility;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see a member of staff's personnel record (improvement.md, "People"): the staff
 * member themselves, a line manager of their team, a senior manager of a unit above the
 * team, and an API client an administrator has granted personnel access. Nobody else: not
 * the quality team, not administrators. Every decision of this module about personnel
 * data is made here, so that the estate's visibility rule can replace it in one place;
 * every opening and refusal is written to the access log.
 */
@Component
class PersonnelScope {

	private final Estate estate;

	private final Accounts accounts;

	private final CaseAccessLog log;

	private final Visibility visibility;

	PersonnelScope(Estate estate, Accounts accounts, CaseAccessLog log, Visibility visibility) {
		this.estate = estate;
		this.accounts = accounts;
		this.log = log;
		this.visibility = visibility;
	}

	/**
	 * The estate's rule for personnel records, and API clients an administrator granted
	 * personnel access (for HR and workforce tools).
	 */
	boolean maySee(CurrentUser user, Staff staff) {
		if (user == null) {
			return false;
		}
		if (user.role() == Role.API_CLIENT) {
			return this.accounts.hasPersonnelAccess(user.getUsername());
		}
		return this.visibility.maySeePersonnel(user, staff.code());
	}

	/**
	 * Only a line manager of the staff member's team rates them and keeps their plans.
	 */
	boolean mayManage(CurrentUser user, Staff staff) {
		return user != null && user.role() == Role.LINE_MANAGER && staff.teamCode().value().equals(user.unitCode())
				&& !staff.code().value().equals(user.staffCode());
	}

	/**
	 * Opens the staff member's record for the user, logging the opening; a refusal is
	 * logged too and thrown as access denied. Unknown staff are not found.
	 */
	Staff open(CurrentUser user, String staffCode) {
		Staff staff = find(staffCode).orElseThrow(() -> new NotFound("No member of staff " + staffCode));
		if (!maySee(user, staff)) {
			this.log.recordPersonnel(user.getUsername(), staff.code(), CaseAccessLog.Outcome.REFUSED_OUT_OF_SCOPE);
			throw new AccessDeniedException("You may not see the personnel record of " + staffCode);
		}
		this.log.recordPersonnel(user.getUsername(), staff.code(), CaseAccessLog.Outcome.OPENED);
		return staff;
	}

	/** As {@link #open}, and only for a line manager of the staff member's team. */
	Staff openToManage(CurrentUser user, String staffCode) {
		Staff staff = open(user, staffCode);
		if (!mayManage(user, staff)) {
			throw new AccessDeniedException("Only a line manager of " + staff.name() + "'s team may do this");
		}
		return staff;
	}

	Optional<Staff> find(String staffCode) {
		if (staffCode == null || staffCode.length() != 7) {
			return Optional.empty();
		}
		return this.estate.staff(new StaffCode(staffCode));
	}

	/**
	 * The team pages the user may open (every member's personnel figures): the line and
	 * senior managers whose units include the team.
	 */
	boolean maySeeTeam(CurrentUser user, UnitCode team) {
		return maySeeUnit(user, team);
	}

	/** A manager's own unit and the units below it. */
	boolean maySeeUnit(CurrentUser user, UnitCode unit) {
		return user != null && (user.role() == Role.LINE_MANAGER || user.role() == Role.SENIOR_MANAGER)
				&& this.visibility.maySeeUnit(user, unit);
	}

	/**
	 * The training needs analysis and learning plan of a unit: aggregated audit findings,
	 * not one person's record, so the quality team (who run the audits) sees every
	 * unit's; managers see their own units'.
	 */
	boolean maySeeTrainingNeeds(CurrentUser user, UnitCode unit) {
		return user != null && (user.role() == Role.QUALITY_TEAM || maySeeUnit(user, unit));
	}

	/**
	 * The rows of a list of cases the user may see in full, and how many were held back.
	 */
	record Cases<T>(List<T> rows, int restricted) {
	}

	/**
	 * The rows of a list of cases (deadlines, absences, alerts) that the user may see in
	 * full, by the estate's rule for cases: rows out of their scope are left out, rows of
	 * restricted cases they may not open are only counted. The rows shown are written to
	 * the access log as {@code shown}.
	 */
	<T> Cases<T> casesShown(CurrentUser user, String shown, List<T> rows,
			java.util.function.Function<T, Visibility.Holding> holding) {
		List<Visibility.Shown<T>> visible = this.visibility.filter(user, rows, holding);
		List<Visibility.Shown<T>> open = visible.stream().filter((r) -> !r.restricted()).toList();
		this.visibility.logShown(user, shown, open, holding);
		return new Cases<>(open.stream().map(Visibility.Shown::row).toList(), visible.size() - open.size());
	}

	static Visibility.Holding holding(org.probity.measures.ServiceDeadlines.Deadline d) {
		return Visibility.Holding.of(d.crn(), d.teamCode(), d.staffCode());
	}

	static Visibility.Holding holding(org.probity.measures.ServiceDeadlines.Absence a) {
		return Visibility.Holding.of(a.crn(), a.teamCode(), a.staffCode());
	}

	static Visibility.Holding holding(org.probity.improvement.OpenAction a) {
		return new Visibility.Holding(a.crn(), a.teamCode(), a.staffCode());
	}

	static Visibility.Holding holding(org.probity.audits.AuditAlerts.Alert a) {
		return Visibility.Holding.of(a.crn(), a.teamCode(), a.staffCode());
	}

	/** The staff of the line manager's team (empty for anyone else). */
	List<Staff> managedStaff(CurrentUser user) {
		if (user == null || user.role() != Role.LINE_MANAGER || user.unitCode() == null) {
			return List.of();
		}
		return this.estate.staffOfTeam(new UnitCode(user.unitCode()))
			.stream()
			.filter((s) -> !s.code().value().equals(user.staffCode()))
			.toList();
	}

}
