package org.probity.reports.obligations;

/** An obligation's RAG at a review, with its word and GOV.UK tag. */
public enum ObligationRag {

	GREEN("Green", "govuk-tag--green"), AMBER("Amber", "govuk-tag--orange"), RED("Red", "govuk-tag--red");

	private final String word;

	private final String tagClass;

	ObligationRag(String word, String tagClass) {
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
