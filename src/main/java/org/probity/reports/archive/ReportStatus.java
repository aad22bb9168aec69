package org.probity.reports.archive;

/**
 * Where a version of a report stands. A pack goes DRAFT, SUBMITTED (for review),
 * APPROVED; a scheduled report is ISSUED when generated; an approved version is
 * SUPERSEDED when its re-issue is approved.
 */
public enum ReportStatus {

	DRAFT("Draft"), SUBMITTED("Submitted for review"), APPROVED("Approved"), ISSUED("Issued"), SUPERSEDED("Superseded");

	private final String words;

	ReportStatus(String words) {
		this.words = words;
	}

	public String words() {
		return this.words;
	}

	/** Whether this version's content is frozen: it may no longer be regenerated. */
	public boolean frozen() {
		return this != DRAFT;
	}

}
