package org.probity.people;

/**
 * Someone else changed the record since it was read: refused (409 in the API, a clear
 * message on pages), never silently overwritten.
 */
class StaleEdit extends RuntimeException {

	StaleEdit(String message) {
		super(message);
	}

}
