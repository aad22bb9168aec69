package org.probity.feedback;

/**
 * Something asked for by id does not exist: 404 on the API, a not-found page otherwise.
 */
class FeedbackNotFound extends RuntimeException {

	FeedbackNotFound(String message) {
		super(message);
	}

}
