package org.probity.improvement.plans;

/** A request that breaks a rule of improvement.md: 422 with the field it is about. */
public class InvalidPlan extends RuntimeException {

	private final String field;

	public InvalidPlan(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
