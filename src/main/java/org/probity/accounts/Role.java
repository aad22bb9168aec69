package org.probity.accounts;

/**
 * What a signed-in user does in the organisation; decides which pages and data they
 * reach.
 */
public enum Role {

	ADMIN, QUALITY_TEAM, SENIOR_MANAGER, LINE_MANAGER, PRACTITIONER, API_CLIENT,

	/**
	 * A metrics scraper: {@code /actuator/prometheus} over HTTP Basic, and nothing else.
	 */
	METRICS,

	/**
	 * Answers subject access requests (the data protection officer): everything Probity
	 * holds about a person on probation or a member of staff, restricted cases included.
	 * Implied by no other role; no other page shows such an account any case data.
	 */
	SUBJECT_ACCESS;

	public String authority() {
		return "ROLE_" + name();
	}

}
