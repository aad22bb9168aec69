package org.probity.audits;

import org.probity.shared.web.Refused;

import org.springframework.http.HttpStatus;

/**
 * Something asked for by id does not exist: 404 on the API, a not-found page otherwise.
 */
public class NotFound extends Refused {

	public NotFound(String message) {
		super(HttpStatus.NOT_FOUND, message);
	}

}
