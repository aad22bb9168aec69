package org.probity.audits;

/**
 * Something asked for by id does not exist: 404 on the API, a not-found page otherwise.
 */
class NotFound extends RuntimeException {

	NotFound(String message) {
		super(message);
	}

}
