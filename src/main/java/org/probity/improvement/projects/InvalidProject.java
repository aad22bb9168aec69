package org.probity.improvement.projects;

import java.util.Map;

/** A project or a change to it that breaks a rule: 422 with every field's message. */
public class InvalidProject extends RuntimeException {

	private final Map<String, String> errors;

	public InvalidProject(Map<String, String> errors) {
		super(String.join("; ", errors.values()));
		this.errors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors));
	}

	public InvalidProject(String field, String message) {
		this(Map.of(field, message));
	}

	/** Field name to message. */
	public Map<String, String> errors() {
		return this.errors;
	}

}
