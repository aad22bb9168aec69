package org.probity.feedback;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A request breaks a rule: the problems keyed by field, 422 on the API. */
class InvalidFeedback extends RuntimeException {

	private final Map<String, String> errors;

	InvalidFeedback(Map<String, String> errors) {
		super(String.join("; ", errors.values()));
		this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
	}

	InvalidFeedback(String field, String message) {
		this(Map.of(field, message));
	}

	Map<String, String> errors() {
		return this.errors;
	}

}
