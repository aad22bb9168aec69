package org.probity.shared.web;

/**
 * A request that cannot be meant: a parameter with a NUL byte or another control
 * character, a value out of every range. Answered 400 with the message, on a page or as
 * the API's JSON error body ({@link RequestErrors}).
 */
public class MalformedRequest extends RuntimeException {

	public MalformedRequest(String message) {
		super(message);
	}

}
