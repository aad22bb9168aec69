package org.probity.feedback;

/**
 * Where a stage of a complaint stands against its due date (feedback.md): done on or
 * before it, done after it, not done and not yet due, not done and past due.
 */
public enum ComplaintStatus {

	OPEN, OVERDUE, ON_TIME, LATE;

	/**
	 * The status on {@code asOf} of a step due by {@code due} and done on {@code done}
	 * (null while not done); a step done after {@code asOf} was not yet done then. Null
	 * while the due date is unknown (the stage before it is not done).
	 */
	static ComplaintStatus of(java.time.LocalDate due, java.time.LocalDate done, java.time.LocalDate asOf) {
		if (due == null) {
			return null;
		}
		if (done != null && !done.isAfter(asOf)) {
			return done.isAfter(due) ? LATE : ON_TIME;
		}
		return asOf.isAfter(due) ? OVERDUE : OPEN;
	}

}
