package org.probity.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Code of a unit of the estate (provider, region, LDU or team): 1 to 12 characters, none
 * a control character.
 */
public record UnitCode(@JsonValue String value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public UnitCode {
		if (value == null || value.isBlank() || value.length() > 12
				|| !value.chars().allMatch((c) -> c >= 0x20 && c != 0x7f)) {
			throw new IllegalArgumentException("A unit code has 1 to 12 characters");
		}
	}

	/** Whether the text is a code of this form (pages check a parameter before use). */
	public static boolean isValid(String value) {
		return value != null && !value.isBlank() && value.length() <= 12;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
