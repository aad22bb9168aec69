package org.probity.audits;

import java.util.Map;

import org.probity.shared.web.Refused;

import org.springframework.http.HttpStatus;

/** An audit cannot be completed as it stands: the errors are keyed by form field. */
public class InvalidAudit extends Refused {

	private final Map<String, String> errors;

	InvalidAudit(Map<String, String> errors) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, String.join("; ", errors.values()));
		this.errors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors));
	}

	public Map<String, String> errors() {
		return this.errors;
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("errors", this.errors);
	}

}
