package org.probity.subjectaccess;

/** Probity holds nothing about the CRN or staff code asked for. */
class SubjectNotFound extends RuntimeException {

	SubjectNotFound(String message) {
		super(message);
	}

}
