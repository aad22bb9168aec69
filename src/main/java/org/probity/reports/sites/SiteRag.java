package org.probity.reports.sites;

/** A site's quarterly RAG, worst first, each with its word and GOV.UK tag. */
public enum SiteRag {

	RED("Red", "govuk-tag--red"), AMBER("Amber", "govuk-tag--orange"), GREEN("Green", "govuk-tag--green");

	private final String word;

	private final String tagClass;

	SiteRag(String word, String tagClass) {
		this.word = word;
		this.tagClass = tagClass;
	}

	public String word() {
		return this.word;
	}

	public String tagClass() {
		return this.tagClass;
	}

}
