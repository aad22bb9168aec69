package org.probity.feedback;

import java.util.List;
import java.util.function.Function;

import org.probity.accounts.CurrentUser;
import org.probity.estate.Visibility;
import org.probity.shared.UnitCode;

import org.springframework.stereotype.Component;

/**
 * Every scope decision of the feedback module, through the estate's one visibility rule.
 * Units as {@link Visibility} says. Complaints about a member of staff are personnel data
 * (feedback.md): the quality team (and administrators and API clients, who see every
 * unit), and the staff member's line and senior managers as {@link Visibility} finds
 * them; not colleagues, and not the staff member themselves (a complaint names its
 * complainant).
 */
@Component
class FeedbackScope {

	/** A code no unit has: the root of a user who sees no unit. */
	static final String NOTHING = "-";

	private final Visibility visibility;

	FeedbackScope(Visibility visibility) {
		this.visibility = visibility;
	}

	/** The unit whose tree the user may see: null for everything. */
	String rootUnit(CurrentUser user) {
		if (this.visibility.seesEveryUnit(user)) {
			return null;
		}
		UnitCode root = this.visibility.unitRoot(user);
		return (root != null) ? root.value() : NOTHING;
	}

	boolean maySeeUnit(CurrentUser user, String unitCode) {
		try {
			return this.visibility.maySeeUnit(user, new UnitCode(unitCode));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * The case rows the user may see, restricted ones marked (Visibility's case rule).
	 */
	<T> List<Visibility.Shown<T>> cases(CurrentUser user, List<T> rows, Function<T, Visibility.Holding> holding) {
		return this.visibility.filter(user, rows, holding);
	}

	/** Logs the case rows a page shows in the case access log. */
	<T> void logCases(CurrentUser user, String shown, List<Visibility.Shown<T>> rows,
			Function<T, Visibility.Holding> holding) {
		this.visibility.logShown(user, shown, rows, holding);
	}

	boolean maySee(CurrentUser user, Complaint complaint) {
		if (!complaint.aboutStaff()) {
			return maySeeUnit(user, complaint.unitCode().value());
		}
		if (this.visibility.seesEveryUnit(user)) {
			return true;
		}
		if (complaint.staffCode().value().equals(user.staffCode())) {
			return false;
		}
		return this.visibility.maySeePersonnel(user, complaint.staffCode());
	}

}
