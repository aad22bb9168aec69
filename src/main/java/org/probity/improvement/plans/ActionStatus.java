package org.probity.improvement.plans;

/** Where an action stands; CANCELLED always has a reason. */
public enum ActionStatus {

	NOT_STARTED("Not started"), IN_PROGRESS("In progress"), COMPLETE("Complete"), CANCELLED("Cancelled");

	private final String label;

	ActionStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public boolean open() {
		return this == NOT_STARTED || this == IN_PROGRESS;
	}

}
