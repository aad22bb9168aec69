package org.probity.shared;

import java.util.regex.Pattern;

/** Case reference number of a person on probation: a letter and six digits. */
public record Crn(String value) {

	private static final Pattern FORMAT = Pattern.compile("[A-Z][0-9]{6}");

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
