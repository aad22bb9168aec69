package org.probity.people;

import java.util.Map;

/** Input that cannot be recorded, with a message per field (422 in the API). */
class InvalidInput extends RuntimeException {

	private final Map<String, String> errors;

	InvalidInput(Map<String, String> errors) {
		super(String.join("; ", errors.values()));
		this.errors = Map.copyOf(errors);
	}

	Map<String, String> errors() {
		return this.errors;
	}

}
