package org.probity.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifier of an event (a court order or licence) in the case data exchange: any
 * non-blank text without control characters, as the provider's case management system
 * gives it.
 */
public record EventId(@JsonValue String value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public EventId {
		if (!isValid(value)) {
			throw new IllegalArgumentException("An event id is non-blank text without control characters");
		}
	}

	/** Whether the text is an id of this form (pages check a parameter before use). */
	public static boolean isValid(String value) {
		return value != null && !value.isBlank() && value.chars().allMatch((c) -> c >= 0x20 && c != 0x7f);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
