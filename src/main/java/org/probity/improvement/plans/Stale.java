package org.probity.improvement.plans;

/**
 * A change made from a version that is no longer the current one: 409, nothing changed.
 */
public class Stale extends RuntimeException {

	public Stale(String message) {
		super(message);
	}

}
