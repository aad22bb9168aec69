package org.probity.improvement.plans;

import org.springframework.http.HttpStatus;

import org.probity.shared.web.Refused;

/** An unknown plan, action, inspection or risk, or one the user may not see: 404. */
public class NotFound extends Refused {

	public NotFound(String message) {
		super(HttpStatus.NOT_FOUND, message);
	}

}
