package org.probity.accounts;

/**
 * What a signed-in user does in the organisation; decides which pages and data they
 * reach.
 */
public enum Role {

	ADMIN("Administrator"), QUALITY_TEAM("Quality team"), SENIOR_MANAGER("Senior manager"),
	LINE_MANAGER("Line manager"), PRACTITIONER("Practitioner"), API_CLIENT("API client"),

	/**
	 * A metrics scraper: {@code /actuator/prometheus} over HTTP Basic, and nothing else.
	 */
	METRICS("Metrics scraper"),

	/**
	 * Answers subject access requests (the data protection officer): everything Probity
	 * holds about a person on probation or a member of staff, restricted cases included.
	 * Implied by no other role; no other page shows such an account any case data.
	 */
	SUBJECT_ACCESS("Subject access (data protection)");

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
