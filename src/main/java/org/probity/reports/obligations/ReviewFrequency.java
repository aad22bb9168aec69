package org.probity.reports.obligations;

import java.time.LocalDate;

/** How often an obligation is reviewed; the next review falls that many months on. */
public enum ReviewFrequency {

	MONTHLY(1, "Monthly"), QUARTERLY(3, "Quarterly"), SIX_MONTHLY(6, "Every six months"), ANNUAL(12, "Annually");

	private final int months;

	private final String words;

	ReviewFrequency(int months, String words) {
		this.months = months;
		this.words = words;
	}

	public String words() {
		return this.words;
	}

	/**
	 * The review due after one on {@code day} (the month's last day in a shorter month).
	 */
	public LocalDate after(LocalDate day) {
		return day.plusMonths(this.months);
	}

}
