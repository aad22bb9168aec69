package org.probity.accounts;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** How claims become a role and a data scope, without a server. */
class ClaimMappingTests {

	private final ClaimMapping mapping = new ClaimMapping(new SingleSignOnSettings.Claims(null, null, null, null,
			"ROLE_Q=QUALITY_TEAM, ROLE_M=LINE_MANAGER, ROLE_P=PRACTITIONER, probity-admins=ADMIN", null, null,
			"north-team=N54T01"));

	@Test
	void theMostPowerfulMappedRoleWinsAndTheScopeComesFromTheClaims() {
		assertThat(this.mapping.map(Map.of("user_name", "JSMITH", "authorities", List.of("ROLE_M", "ROLE_P"),
				"probity_unit", "N54T02", "probity_staff", "N54A001", "name", "Jo Smith")))
			.isEqualTo(new ClaimMapping.Mapped("JSMITH", "Jo Smith", null, Role.LINE_MANAGER, "N54T02", "N54A001"));
		assertThat(this.mapping.map(Map.of("sub", "x1", "groups", "probity-admins other", "roles", List.of("ROLE_Q"))))
			.isEqualTo(new ClaimMapping.Mapped("x1", "x1", null, Role.ADMIN, null, null));
	}

	@Test
	void aGroupGivesAUnitWhenNoUnitClaimDoes() {
		assertThat(this.mapping
			.map(Map.of("preferred_username", "m1", "groups", List.of("north-team"), "roles", List.of("ROLE_M"))))
			.isEqualTo(new ClaimMapping.Mapped("m1", "m1", null, Role.LINE_MANAGER, "N54T01", null));
	}

	@Test
	void claimsThatMapToNothingOrLackTheScopeAreRefused() {
		assertThat(this.mapping.map(Map.of("sub", "a", "authorities", List.of("ROLE_OTHER"))))
			.isEqualTo(new ClaimMapping.Refused(ClaimMapping.Refusal.NO_ROLE));
		assertThat(this.mapping.map(Map.of("sub", "a", "authorities", List.of("ROLE_M"))))
			.isEqualTo(new ClaimMapping.Refused(ClaimMapping.Refusal.NO_UNIT));
		assertThat(this.mapping.map(Map.of("sub", "a", "authorities", List.of("ROLE_P"))))
			.isEqualTo(new ClaimMapping.Refused(ClaimMapping.Refusal.NO_STAFF));
		assertThat(this.mapping
			.map(Map.of("sub", "a", "authorities", List.of("ROLE_P"), "probity_staff", "TOO-LONG-CODE")))
			.isEqualTo(new ClaimMapping.Refused(ClaimMapping.Refusal.BAD_CODE));
		assertThat(this.mapping.map(Map.of("authorities", List.of("ROLE_Q"))))
			.isEqualTo(new ClaimMapping.Refused(ClaimMapping.Refusal.NO_USERNAME));
		assertThat(this.mapping.map(Map.of("sub", "x".repeat(101), "authorities", List.of("ROLE_Q"))))
			.isEqualTo(new ClaimMapping.Refused(ClaimMapping.Refusal.NO_USERNAME));
	}

	@Test
	void aMappingToAnUnknownRoleStopsTheStartWithTheVariablesName() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new ClaimMapping(
					new SingleSignOnSettings.Claims(null, null, null, null, "ROLE_X=BOSS", null, null, null)))
			.withMessageContaining("PROBITY_SSO_ROLE_MAPPING")
			.withMessageContaining("BOSS");
		assertThatIllegalStateException()
			.isThrownBy(() -> new ClaimMapping(
					new SingleSignOnSettings.Claims(null, null, null, null, "ROLE_X", null, null, null)))
			.withMessageContaining("claim-value=VALUE");
	}

}
