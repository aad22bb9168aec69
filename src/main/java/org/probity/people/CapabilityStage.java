package org.probity.people;

/** The stage at which the capability procedure starts (the procedure itself is HR's). */
enum CapabilityStage {

	INFORMAL("Informal stage"), FIRST_FORMAL("First formal stage"), SECOND_FORMAL("Second formal stage"),
	FINAL("Final stage");

	private final String label;

	CapabilityStage(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	static CapabilityStage parse(String text) {
		for (CapabilityStage s : values()) {
			if (s.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
				return s;
			}
		}
		return null;
	}

}
