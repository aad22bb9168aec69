package org.probity.estate;

/** Grade of a member of staff (data-exchange.md, staff.csv). */
public enum Grade {

	PO("Probation officer"), PSO("Probation services officer"), SPO("Senior probation officer"),
	QDO("Quality development officer"), ACO("Assistant chief officer"), OTHER("Other");

	private final String label;

	Grade(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
