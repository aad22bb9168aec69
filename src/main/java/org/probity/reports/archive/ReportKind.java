package org.probity.reports.archive;

/** The kinds of report Probity keeps, each with the words a page shows for it. */
public enum ReportKind {

	MONTHLY_PACK("Monthly pack to the Authority"), WEEKLY_OPERATIONS("Weekly operations report"),
	MONTHLY_UNIT("Monthly report to operational managers"), QUARTERLY_EXECUTIVE("Quarterly executive report"),
	COMMITTEE("Risk and Audit Committee report"), SUBCONTRACTOR("Monthly subcontractor report");

	private final String words;

	ReportKind(String words) {
		this.words = words;
	}

	public String words() {
		return this.words;
	}

}
