package org.probity.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Code of a member of staff: 7 characters, none a control character, such as N54A001. */
public record StaffCode(@JsonValue String value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public StaffCode {
		if (value == null || value.length() != 7 || !value.chars().allMatch((c) -> c >= 0x20 && c != 0x7f)) {
			throw new IllegalArgumentException("A staff code has 7 characters, like N54A001");
		}
	}

	/** Whether the text is a code of this form (pages check a parameter before use). */
	public static boolean isValid(String value) {
		return value != null && value.length() == 7;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
