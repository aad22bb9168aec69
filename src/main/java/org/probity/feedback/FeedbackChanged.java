package org.probity.feedback;

/**
 * The record was changed by someone else since the caller read it (optimistic version):
 * 409 on the API, a message on the page; nothing is overwritten.
 */
class FeedbackChanged extends RuntimeException {

	FeedbackChanged(String message) {
		super(message);
	}

}
