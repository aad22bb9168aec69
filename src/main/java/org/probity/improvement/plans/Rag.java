package org.probity.improvement.plans;

import java.time.LocalDate;
import java.util.Collection;

/**
 * RAG of an action as of a date D, exactly as improvement.md ("Actions") says.
 * <p>
 * A one-off action is GREEN when complete or cancelled, or open with its target date more
 * than 14 days after D; AMBER from 14 days before its target date up to the target date;
 * RED after it. A recurring action is judged as one-off before its target date T; from T
 * on, with R the latest review date on or before D and R' the one before it (the day
 * before the action was created when R = T): RED when no update is dated in (R', R]; else
 * AMBER when the next review date is within 14 days of D and no update is dated in (R,
 * D]; else GREEN. A cancelled recurring action is GREEN.
 */
public enum Rag {

	GREEN("Green", "govuk-tag--green"), AMBER("Amber", "govuk-tag--yellow"), RED("Red", "govuk-tag--red");

	/** Days before a target or review date from which an action is due soon. */
	static final int DUE_SOON_DAYS = 14;

	private final String label;

	private final String tagClass;

	Rag(String label, String tagClass) {
		this.label = label;
		this.tagClass = tagClass;
	}

	public String label() {
		return this.label;
	}

	public String tagClass() {
		return this.tagClass;
	}

	public static Rag of(ActionStatus status, LocalDate target, Recurrence recurrence, LocalDate createdOn,
			Collection<LocalDate> updates, LocalDate asOf) {
		if (status == ActionStatus.CANCELLED) {
			return GREEN;
		}
		if (recurrence == null || asOf.isBefore(target)) {
			if (status == ActionStatus.COMPLETE) {
				return GREEN;
			}
			return oneOff(target, asOf);
		}
		int n = recurrence.periodsOnOrBefore(target, asOf);
		LocalDate review = recurrence.reviewDate(target, n);
		LocalDate previous = (n == 0) ? createdOn.minusDays(1) : recurrence.reviewDate(target, n - 1);
		if (!anyIn(updates, previous, review)) {
			return RED;
		}
		LocalDate next = recurrence.reviewDate(target, n + 1);
		if (!next.isAfter(asOf.plusDays(DUE_SOON_DAYS)) && !anyIn(updates, review, asOf)) {
			return AMBER;
		}
		return GREEN;
	}

	private static Rag oneOff(LocalDate target, LocalDate asOf) {
		if (asOf.isAfter(target)) {
			return RED;
		}
		return asOf.isBefore(target.minusDays(DUE_SOON_DAYS)) ? GREEN : AMBER;
	}

	/** Whether an update is dated in the half-open interval (after, upTo]. */
	private static boolean anyIn(Collection<LocalDate> updates, LocalDate after, LocalDate upTo) {
		for (LocalDate d : updates) {
			if (d.isAfter(after) && !d.isAfter(upTo)) {
				return true;
			}
		}
		return false;
	}

}
