package org.probity.accounts;

/**
 * What a signed-in user does in the organisation; decides which pages and data they
 * reach.
 */
public enum Role {

	ADMIN, QUALITY_TEAM, SENIOR_MANAGER, LINE_MANAGER, PRACTITIONER, API_CLIENT;

	public String authority() {
		return "ROLE_" + name();
	}

}
