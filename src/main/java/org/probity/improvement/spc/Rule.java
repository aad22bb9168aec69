package org.probity.improvement.spc;

/**
 * The special-cause rules of an XmR chart (improvement.md, "Improvement projects"; NHS
 * England "Making Data Count").
 */
public enum Rule {

	/** Strictly beyond a process limit. */
	BEYOND_LIMIT("beyond a process limit"),

	/** In a run of 7 or more consecutive months strictly on one side of the mean. */
	SHIFT("7 or more months on one side of the mean"),

	/** In a run of 7 consecutive months each strictly above (or below) the one before. */
	TREND("7 months rising or falling in a row"),

	/** One of at least 2 of 3 consecutive months beyond the same two-sigma line. */
	TWO_OF_THREE("2 of 3 months beyond a two-sigma line");

	private final String words;

	Rule(String words) {
		this.words = words;
	}

	public String words() {
		return this.words;
	}

}
