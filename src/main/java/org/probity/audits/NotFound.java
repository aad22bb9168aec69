package org.probity.audits;

import org.springframework.http.HttpStatus;

import org.probity.shared.web.Refused;

/**
 * Something asked for by id does not exist: 404 on the API, a not-found page otherwise.
 */
class NotFound extends Refused {

	NotFound(String message) {
		super(HttpStatus.NOT_FOUND, message);
	}

}
