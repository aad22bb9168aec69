package org.probity.feedback;

import org.springframework.http.HttpStatus;

import org.probity.shared.web.Refused;

/**
 * The record was changed by someone else since the caller read it (optimistic version):
 * 409 on the API, a message on the page; nothing is overwritten.
 */
class FeedbackChanged extends Refused {

	FeedbackChanged(String message) {
		super(HttpStatus.CONFLICT, message);
	}

}
