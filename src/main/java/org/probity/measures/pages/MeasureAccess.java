package org.probity.measures.pages;

import java.util.Set;

import org.probity.measures.results.MeasureResults;
import org.probity.accounts.CurrentUser;
import org.probity.estate.Visibility;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.shared.web.Refused;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The measures' questions to the one visibility rule ({@link Visibility}), with the
 * refusal the pages and API turn into a 403.
 */
@Component
class MeasureAccess {

	/** Asked for results outside the user's data scope. */
	static class OutOfScope extends Refused {

		OutOfScope(String message) {
			super(HttpStatus.FORBIDDEN, message);
		}

	}

	private final Visibility visibility;

	MeasureAccess(Visibility visibility) {
		this.visibility = visibility;
	}

	boolean maySeeUnit(CurrentUser user, String unitCode) {
		return UnitCode.isValid(unitCode) && this.visibility.maySeeUnit(user, new UnitCode(unitCode));
	}

	boolean maySeeStaff(CurrentUser user, String staffCode) {
		return StaffCode.isValid(staffCode) && this.visibility.maySeeStaff(user, new StaffCode(staffCode));
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
	 * The units whose cases count in a practitioner's figures for this user: a manager's
	 * own units, or null (every case) for everyone else.
	 */
	Set<String> staffFiguresWithin(CurrentUser user) {
		return (this.visibility.unitRoot(user) != null) ? this.visibility.visibleUnits(user) : null;
	}

	/**
	 * The unit under which the user may see every unit, or null when they may see all;
	 * refused for a practitioner.
	 */
	String unitsWithin(CurrentUser user) {
		if (this.visibility.seesEveryUnit(user)) {
			return null;
		}
		UnitCode root = this.visibility.unitRoot(user);
		if (root == null) {
			throw new OutOfScope("A practitioner sees their own results only");
		}
		return root.value();
	}

	/** The codes of every unit the user sees (null: every unit). */
	Set<String> visibleUnits(CurrentUser user) {
		return this.visibility.visibleUnits(user);
	}

	/** The rows of a case list the user may see, restricted ones marked. */
	java.util.List<Visibility.Shown<MeasureResults.CaseRow>> visibleCases(CurrentUser user,
			java.util.List<MeasureResults.CaseRow> rows) {
		return this.visibility.filter(user, rows, MeasureAccess::holding);
	}

	/** Logs that a response showed these rows. */
	void logShown(CurrentUser user, String shown, java.util.List<Visibility.Shown<MeasureResults.CaseRow>> rows) {
		this.visibility.logShown(user, shown, rows, MeasureAccess::holding);
	}

	private static Visibility.Holding holding(MeasureResults.CaseRow row) {
		return Visibility.Holding.of(row.crn(), row.teamCode(), row.staffCode());
	}

}
