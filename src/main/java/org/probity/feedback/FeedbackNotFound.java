package org.probity.feedback;

import org.springframework.http.HttpStatus;

import org.probity.shared.web.Refused;

/**
 * Something asked for by id does not exist: 404 on the API, a not-found page otherwise.
 */
class FeedbackNotFound extends Refused {

	FeedbackNotFound(String message) {
		super(HttpStatus.NOT_FOUND, message);
	}

}
