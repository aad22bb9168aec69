package org.probity.accounts;

/**
 * What a signed-in user does in the organisation; decides which pages and data they
 * reach.
 */
public enum Role {

	ADMIN("Administrator"), QUALITY_TEAM("Quality team"), SENIOR_MANAGER("Senior manager"),
	LINE_MANAGER("Line manager"), PRACTITIONER("Practitioner"), API_CLIENT("API client");

	private final String displayName;

	Role(String displayName) {
		this.displayName = displayName;
	}

	/** The role as pages name it: "Quality team". */
	public String displayName() {
		return this.displayName;
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
