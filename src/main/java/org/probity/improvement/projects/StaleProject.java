package org.probity.improvement.projects;

import org.springframework.http.HttpStatus;

import org.probity.shared.web.Refused;

/** A change made from a version of the project that is no longer current: 409. */
public class StaleProject extends Refused {

	public StaleProject(String message) {
		super(HttpStatus.CONFLICT, message);
	}

}
