package org.probity.improvement.projects;

/**
 * What started a project: a measure's page, a measure flag, an audit theme or a survey
 * round; kept with a reference so that a reader can go back to the evidence.
 */
public enum ProjectSource {

	MEASURE("Measure"), FLAG("Measure flag"), AUDIT_THEME("Audit theme"), SURVEY_ROUND("Survey round");

	private final String words;

	ProjectSource(String words) {
		this.words = words;
	}

	public String words() {
		return this.words;
	}

	public static ProjectSource parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
