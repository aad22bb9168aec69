package org.probity.feedback;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

import org.probity.shared.web.Refused;

/** A request breaks a rule: the problems keyed by field, 422 on the API. */
class InvalidFeedback extends Refused {

	private final Map<String, String> errors;

	InvalidFeedback(Map<String, String> errors) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, String.join("; ", errors.values()));
		this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
	}

	InvalidFeedback(String field, String message) {
		this(Map.of(field, message));
	}

	Map<String, String> errors() {
		return this.errors;
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("errors", this.errors);
	}

}
