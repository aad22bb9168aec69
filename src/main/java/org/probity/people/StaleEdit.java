package org.probity.people;

import org.springframework.http.HttpStatus;

import org.probity.shared.web.Refused;

/**
 * Someone else changed the record since it was read: refused (409 in the API, a clear
 * message on pages), never silently overwritten.
 */
class StaleEdit extends Refused {

	StaleEdit(String message) {
		super(HttpStatus.CONFLICT, message);
	}

}
