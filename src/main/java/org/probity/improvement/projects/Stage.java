package org.probity.improvement.projects;

/**
 * The stages of an improvement project, in order; signing off CONTROL closes it.
 */
public enum Stage {

	DEFINE("Define"), MEASURE("Measure"), ANALYSE("Analyse"), IMPROVE("Improve"), CONTROL("Control"), CLOSED("Closed");

	private final String words;

	Stage(String words) {
		this.words = words;
	}

	public String words() {
		return this.words;
	}

	/** The stage that signing this one off opens; null for CLOSED. */
	public Stage next() {
		return (this == CLOSED) ? null : values()[ordinal() + 1];
	}

	/** The stages that are signed off, DEFINE to CONTROL. */
	public static java.util.List<Stage> signedOff() {
		return java.util.List.of(DEFINE, MEASURE, ANALYSE, IMPROVE, CONTROL);
	}

	/** Reads a stage by name, any case; null when there is none of that name. */
	public static Stage parse(String text) {
		if (text == null) {
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
