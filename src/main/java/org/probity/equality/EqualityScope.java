package org.probity.equality;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.probity.accounts.CurrentUser;
import org.probity.accounts.DataScope;

/**
 * Every scope decision of the equality pages and API, as for measures: everything for the
 * quality team, administrators and API clients; a manager their unit, the units under it
 * and its practitioners; a practitioner their own figures only. One class, so that moving
 * to the estate's visibility rule is a change here alone.
 */
@Component
class EqualityScope {

	/** Asked for figures outside the user's data scope. */
	static class OutOfScope extends RuntimeException {

		OutOfScope(String message) {
			super(message);
		}

	}

	private final JdbcClient jdbc;

	EqualityScope(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public boolean maySeeUnit(CurrentUser user, String unitCode) {
		return switch (user.scope()) {
			case DataScope.Everything e -> true;
			case DataScope.Unit u -> this.jdbc.sql("""
					select exists (select 1 from unit_ancestry where unit_code = :unit and ancestor_code = :ancestor)
					""").param("unit", unitCode).param("ancestor", u.unitCode()).query(Boolean.class).single();
			case DataScope.Practitioner p -> false;
			case DataScope.Nothing n -> false;
		};
	}

	@Transactional(readOnly = true)
	public boolean maySeeStaff(CurrentUser user, String staffCode) {
		return switch (user.scope()) {
			case DataScope.Everything e -> true;
			case DataScope.Unit u -> this.jdbc.sql("""
					select exists (select 1 from estate_staff s join unit_ancestry a on a.unit_code = s.team_code
					               where s.staff_code = :staff and a.ancestor_code = :unit)
					""").param("staff", staffCode).param("unit", u.unitCode()).query(Boolean.class).single();
			case DataScope.Practitioner p -> p.staffCode().equals(staffCode);
			case DataScope.Nothing n -> false;
		};
	}

	void checkUnit(CurrentUser user, String unitCode) {
		if (!maySeeUnit(user, unitCode)) {
			throw new OutOfScope("You may not see the figures of unit " + unitCode);
		}
	}

	void checkStaff(CurrentUser user, String staffCode) {
		if (!maySeeStaff(user, staffCode)) {
			throw new OutOfScope("You may not see the figures of practitioner " + staffCode);
		}
	}

	/** Where a page opens without a unit or practitioner: the user's own. */
	String homeUnit(CurrentUser user) {
		return switch (user.scope()) {
			case DataScope.Everything e -> this.jdbc
				.sql("select unit_code from estate_unit where unit_type = 'PROVIDER' order by unit_code limit 1")
				.query(String.class)
				.optional()
				.orElse(null);
			case DataScope.Unit u -> u.unitCode();
			case DataScope.Practitioner p -> null;
			case DataScope.Nothing n -> null;
		};
	}

	/** Whether the user may see a restricted case's reference in a list of cases. */
	boolean mayListRestricted(CurrentUser user) {
		return user.mayOpenAnyRestrictedCase();
	}

}
