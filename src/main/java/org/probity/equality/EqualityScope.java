package org.probity.equality;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.probity.accounts.CurrentUser;
import org.probity.estate.Visibility;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.shared.web.Refused;

/**
 * The equality pages' and API's questions to the one visibility rule
 * ({@link Visibility}), as for measures: a unit the user may see, a practitioner's
 * figures for those who may see them (a manager only the cases held in their units).
 */
@Component
class EqualityScope {

	/** Asked for figures outside the user's data scope. */
	static class OutOfScope extends Refused {

		OutOfScope(String message) {
			super(HttpStatus.FORBIDDEN, message);
		}

	}

	private final Visibility visibility;

	private final JdbcClient jdbc;

	EqualityScope(Visibility visibility, JdbcClient jdbc) {
		this.visibility = visibility;
		this.jdbc = jdbc;
	}

	void checkUnit(CurrentUser user, String unitCode) {
		if (!this.visibility.maySeeUnit(user, new UnitCode(unitCode))) {
			throw new OutOfScope("You may not see the figures of unit " + unitCode);
		}
	}

	void checkStaff(CurrentUser user, String staffCode) {
		if (!this.visibility.maySeeStaff(user, new StaffCode(staffCode))) {
			throw new OutOfScope("You may not see the figures of practitioner " + staffCode);
		}
	}

	/**
	 * The unit under which a manager sees every team, for a practitioner's figures made
	 * of the cases held there only; null when the user sees every unit or is the
	 * practitioner.
	 */
	String within(CurrentUser user) {
		UnitCode root = this.visibility.unitRoot(user);
		return (root != null) ? root.value() : null;
	}

	/** Where a page opens without a unit or practitioner: the user's own unit. */
	@Transactional(readOnly = true)
	String homeUnit(CurrentUser user) {
		if (this.visibility.seesEveryUnit(user)) {
			return this.jdbc
				.sql("select unit_code from estate_unit where unit_type = 'PROVIDER' order by unit_code limit 1")
				.query(String.class)
				.optional()
				.orElse(null);
		}
		UnitCode root = this.visibility.unitRoot(user);
		return (root != null) ? root.value() : null;
	}

}
