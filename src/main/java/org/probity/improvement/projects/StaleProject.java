package org.probity.improvement.projects;

/** A change made from a version of the project that is no longer current: 409. */
public class StaleProject extends RuntimeException {

	public StaleProject(String message) {
		super(message);
	}

}
