package org.probity.feedback;

import org.probity.accounts.CurrentUser;
import org.probity.accounts.DataScope;
import org.probity.accounts.Role;
import org.probity.estate.Estate;
import org.probity.estate.Staff;
import org.probity.shared.StaffCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every scope decision of the feedback module, in one place until the estate's single
 * visibility rule replaces it. Units: a manager sees their unit and the units below it.
 * Complaints about a member of staff are personnel data (feedback.md): the quality team,
 * the staff member's line manager and senior managers over the staff member's team see
 * them; colleagues and peers do not, whatever their unit.
 */
@Component
class FeedbackScope {

	private final JdbcClient jdbc;

	private final Estate estate;

	FeedbackScope(JdbcClient jdbc, Estate estate) {
		this.jdbc = jdbc;
		this.estate = estate;
	}

	/** The unit whose tree the user may see: null for everything. */
	String rootUnit(CurrentUser user) {
		return switch (user.scope()) {
			case DataScope.Everything e -> null;
			case DataScope.Unit u -> u.unitCode();
			default -> NOTHING;
		};
	}

	/** A code no unit has: the root of a user who sees no unit. */
	static final String NOTHING = "-";

	boolean maySeeUnit(CurrentUser user, String unitCode) {
		return switch (user.scope()) {
			case DataScope.Everything e -> true;
			case DataScope.Unit u -> under(unitCode, u.unitCode());
			default -> false;
		};
	}

	boolean maySee(CurrentUser user, Complaint complaint) {
		if (!complaint.aboutStaff()) {
			return maySeeUnit(user, complaint.unitCode());
		}
		if (user.scope() instanceof DataScope.Everything) {
			return true;
		}
		Staff staff = this.estate.staff(new StaffCode(complaint.staffCode())).orElse(null);
		if (staff == null || complaint.staffCode().equals(user.staffCode())) {
			return false;
		}
		if (user.role() == Role.SENIOR_MANAGER && user.scope() instanceof DataScope.Unit u) {
			return under(staff.teamCode().value(), u.unitCode());
		}
		if (user.role() == Role.LINE_MANAGER && user.staffCode() != null) {
			return this.estate.lineManagerOf(staff.code())
				.map((manager) -> manager.code().value().equals(user.staffCode()))
				.orElse(false);
		}
		return false;
	}

	private boolean under(String unitCode, String ancestor) {
		return this.jdbc.sql("select count(*) from unit_ancestry where unit_code = :unit and ancestor_code = :ancestor")
			.param("unit", unitCode)
			.param("ancestor", ancestor)
			.query(Long.class)
			.single() > 0;
	}

}
