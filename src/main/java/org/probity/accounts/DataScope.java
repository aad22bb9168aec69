package org.probity.accounts;

/**
 * The part of the caseload a user may see: everything (quality team, admin, API clients),
 * the cases of a unit and the units below it (line and senior managers), or the cases of
 * one practitioner.
 */
public sealed interface DataScope {

	record Everything() implements DataScope {
	}

	record Unit(String unitCode) implements DataScope {
	}

	record Practitioner(String staffCode) implements DataScope {
	}

	/** A user with a role that needs a unit or staff link but has none sees nothing. */
	record Nothing() implements DataScope {
	}

}
