package org.probity.improvement.plans;

/** An unknown plan, action, inspection or risk, or one the user may not see: 404. */
public class NotFound extends RuntimeException {

	public NotFound(String message) {
		super(message);
	}

}
