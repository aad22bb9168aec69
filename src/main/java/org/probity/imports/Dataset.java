package org.probity.imports;

import java.util.Arrays;
import java.util.Optional;

/**
 * The datasets of the case data exchange format, in the order a full load imports them.
 */
public enum Dataset {

	UNITS, STAFF, PEOPLE, EVENTS, REQUIREMENTS, CONTACTS, PLANS, REFERRALS, ACCOMMODATION;

	/** The name used in file names and URLs: {@code units}, {@code contacts}, ... */
	public String fileName() {
		return name().toLowerCase();
	}

	public static Optional<Dataset> fromFileName(String name) {
		return Arrays.stream(values()).filter((d) -> d.fileName().equals(name)).findFirst();
	}

}
