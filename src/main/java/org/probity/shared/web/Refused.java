package org.probity.shared.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request a module refuses for a reason the person can act on: an unknown id (404), a
 * change made from a version that is no longer current (409), a broken rule (422), data
 * out of the person's scope (403). Modules extend it; {@link RequestErrors} answers every
 * one the same way: under {@code /api/} the JSON body {@code {"message": ...}} with
 * {@link #details()} beside it, on a page the controller's {@link ProblemPage} or the
 * GOV.UK error page.
 */
public class Refused extends RuntimeException {

	private final HttpStatus status;

	public Refused(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

	/**
	 * What the JSON body holds beside the message: the problems of a form keyed by field,
	 * the bad rows of a file.
	 */
	public Map<String, Object> details() {
		return Map.of();
	}

}
