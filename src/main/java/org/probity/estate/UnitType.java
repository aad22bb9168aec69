package org.probity.estate;

/** Levels of the organisation tree, from the top (data-exchange.md, units.csv). */
public enum UnitType {

	PROVIDER("Provider"), REGION("Region"), LDU("Local delivery unit"), TEAM("Team");

	private final String label;

	UnitType(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
