package org.probity.measures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.probity.accounts.CurrentUser;
import org.probity.accounts.DataScope;

/**
 * Who may see which results: everything for the quality team, administrators and API
 * clients; a manager their unit, the units under it and its practitioners; a practitioner
 * their own results and cases only.
 */
@Component
class MeasureAccess {

	/** Asked for results outside the user's data scope. */
	static class OutOfScope extends RuntimeException {

		OutOfScope(String message) {
			super(message);
		}

	}

	private final JdbcClient jdbc;

	MeasureAccess(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	boolean maySeeUnit(CurrentUser user, String unitCode) {
		return switch (user.scope()) {
			case DataScope.Everything e -> true;
			case DataScope.Unit u -> within(unitCode, u.unitCode());
			case DataScope.Practitioner p -> false;
			case DataScope.Nothing n -> false;
		};
	}

	@Transactional(readOnly = true)
	boolean maySeeStaff(CurrentUser user, String staffCode) {
		return switch (user.scope()) {
			case DataScope.Everything e -> true;
			case DataScope.Unit u -> this.jdbc.sql("""
					select exists (select 1 from staff s join unit_ancestry a on a.unit_code = s.team_code
					               where s.staff_code = :staff and a.ancestor_code = :unit)
					""").param("staff", staffCode).param("unit", u.unitCode()).query(Boolean.class).single();
			case DataScope.Practitioner p -> p.staffCode().equals(staffCode);
			case DataScope.Nothing n -> false;
		};
	}

	void checkUnit(CurrentUser user, String unitCode) {
		if (!maySeeUnit(user, unitCode)) {
			throw new OutOfScope("You may not see the results of unit " + unitCode);
		}
	}

	void checkStaff(CurrentUser user, String staffCode) {
		if (!maySeeStaff(user, staffCode)) {
			throw new OutOfScope("You may not see the results of practitioner " + staffCode);
		}
	}

	/**
	 * The unit under which the user may see every unit, or null when they may see all;
	 * refused for a practitioner.
	 */
	String unitsWithin(CurrentUser user) {
		return switch (user.scope()) {
			case DataScope.Everything e -> null;
			case DataScope.Unit u -> u.unitCode();
			case DataScope.Practitioner p -> throw new OutOfScope("A practitioner sees their own results only");
			case DataScope.Nothing n -> throw new OutOfScope("Your account is not linked to a unit");
		};
	}

	private boolean within(String unitCode, String ancestor) {
		return this.jdbc.sql("""
				select exists (select 1 from unit_ancestry where unit_code = :unit and ancestor_code = :ancestor)
				""").param("unit", unitCode).param("ancestor", ancestor).query(Boolean.class).single();
	}

}
