package org.probity.audits;

/** How often a programme's rounds fall due. */
public enum Recurrence {

	/** One round, over the programme's whole window, when it starts. */
	NONE,
	/** A round each calendar month (remote checks, quality development audits). */
	MONTHLY,
	/** A round each calendar quarter (spot checks). */
	QUARTERLY,
	/** A round each calendar year (the Local Quality Inspection). */
	ANNUAL

}
