package org.probity.improvement.plans;

import org.springframework.http.HttpStatus;

import org.probity.shared.web.Refused;

/**
 * A change made from a version that is no longer the current one: 409, nothing changed.
 */
public class Stale extends Refused {

	public Stale(String message) {
		super(HttpStatus.CONFLICT, message);
	}

}
