package org.probity.people;

/** A member of staff, plan or item that does not exist: 404 with its message. */
class NotFound extends RuntimeException {

	NotFound(String message) {
		super(message);
	}

}
