package org.probity.audits;

/** The answer to a key question for one case (case-audit.md, "Audit templates"). */
public enum Answer {

	YES("Yes"), NO("No"), NOT_APPLICABLE("Not applicable");

	private final String label;

	Answer(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
