package org.probity.shared;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Case reference number of a person on probation: a letter and six digits. */
public record Crn(@JsonValue String value) {

	private static final Pattern FORMAT = Pattern.compile("[A-Z][0-9]{6}");

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public Crn {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException("A CRN is a capital letter and six digits, like X123456");
		}
	}

	public static boolean isValid(String value) {
		return value != null && FORMAT.matcher(value).matches();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
