package org.probity.people;

/** A quarterly rating of a member of staff, shown as a tag with its word. */
enum Rag {

	GREEN("Green", "govuk-tag govuk-tag--green"), AMBER("Amber", "govuk-tag govuk-tag--yellow"),
	RED("Red", "govuk-tag govuk-tag--red");

	private final String word;

	private final String tagClass;

	Rag(String word, String tagClass) {
		this.word = word;
		this.tagClass = tagClass;
	}

	public String word() {
		return this.word;
	}

	public String tagClass() {
		return this.tagClass;
	}

	static Rag parse(String text) {
		for (Rag r : values()) {
			if (r.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
				return r;
			}
		}
		return null;
	}

}
