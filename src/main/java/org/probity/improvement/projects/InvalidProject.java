package org.probity.improvement.projects;

import java.util.Map;

import org.springframework.http.HttpStatus;

import org.probity.shared.web.Refused;

/** A project or a change to it that breaks a rule: 422 with every field's message. */
public class InvalidProject extends Refused {

	private final Map<String, String> errors;

	public InvalidProject(Map<String, String> errors) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, String.join("; ", errors.values()));
		this.errors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors));
	}

	public InvalidProject(String field, String message) {
		this(Map.of(field, message));
	}

	/** Field name to message. */
	public Map<String, String> errors() {
		return this.errors;
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("errors", this.errors);
	}

}
