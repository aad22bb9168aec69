package org.probity.audits;

/**
 * HMIP's four-point scale, with the points each rating scores towards an overall rating
 * (case-audit.md, "Ratings", rule 3).
 */
public enum Rating {

	INADEQUATE(0, "Inadequate", "govuk-tag--red"), REQUIRES_IMPROVEMENT(1, "Requires improvement", "govuk-tag--orange"),
	GOOD(2, "Good", "govuk-tag--green"), OUTSTANDING(3, "Outstanding", "govuk-tag--blue");

	private final int points;

	private final String label;

	private final String tagClass;

	Rating(int points, String label, String tagClass) {
		this.points = points;
		this.label = label;
		this.tagClass = tagClass;
	}

	public int points() {
		return this.points;
	}

	public String label() {
		return this.label;
	}

	public String tagClass() {
		return this.tagClass;
	}

}
