package org.probity.shared;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Code of a service-level measure, such as {@code SL001R} or {@code AM_K}: capital
 * letters, digits and underscores, starting with a letter, at most 16 characters. Which
 * codes exist is the measures module's catalogue; this only says what a code looks like.
 */
public record MeasureCode(@JsonValue String value) {

	private static final Pattern FORMAT = Pattern.compile("[A-Z][A-Z0-9_]{0,15}");

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public MeasureCode {
		if (!isValid(value)) {
			throw new IllegalArgumentException(
					"A measure code is capital letters, digits and underscores, like SL001R");
		}
	}

	/** Whether the text is a code of this form (pages check a parameter before use). */
	public static boolean isValid(String value) {
		return value != null && FORMAT.matcher(value).matches();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
