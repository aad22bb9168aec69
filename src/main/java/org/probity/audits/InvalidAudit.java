package org.probity.audits;

import java.util.Map;

/** An audit cannot be completed as it stands: the errors are keyed by form field. */
class InvalidAudit extends RuntimeException {

	private final Map<String, String> errors;

	InvalidAudit(Map<String, String> errors) {
		super(String.join("; ", errors.values()));
		this.errors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors));
	}

	Map<String, String> errors() {
		return this.errors;
	}

}
