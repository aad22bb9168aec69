package org.probity.people;

import org.springframework.http.HttpStatus;

import org.probity.shared.web.Refused;

/** A member of staff, plan or item that does not exist: 404 with its message. */
class NotFound extends Refused {

	NotFound(String message) {
		super(HttpStatus.NOT_FOUND, message);
	}

}
