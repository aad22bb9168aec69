package org.probity.people;

import java.util.Map;

import org.springframework.http.HttpStatus;

import org.probity.shared.web.Refused;

/** Input that cannot be recorded, with a message per field (422 in the API). */
class InvalidInput extends Refused {

	private final Map<String, String> errors;

	InvalidInput(Map<String, String> errors) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, String.join("; ", errors.values()));
		this.errors = Map.copyOf(errors);
	}

	Map<String, String> errors() {
		return this.errors;
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("errors", this.errors);
	}

}
