package org.probity.improvement.plans;

/** The provider's response to an inspection recommendation. */
public enum Response {

	AGREED("Agreed"), PARTLY_AGREED("Partly agreed"), NOT_AGREED("Not agreed");

	private final String label;

	Response(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
