package org.probity.accounts;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' role checks answer as Spring Security's hasAnyRole and isAuthenticated do.
 */
class RoleChecksTests {

	private final RoleChecks roles = new RoleChecks();

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aSignedInUserHasTheirRoleAndNoOther() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("q", "",
					List.of(new SimpleGrantedAuthority(Role.QUALITY_TEAM.authority()))));
		assertThat(this.roles.signedIn()).isTrue();
		assertThat(this.roles.any("QUALITY_TEAM")).isTrue();
		assertThat(this.roles.any("ADMIN", "QUALITY_TEAM")).isTrue();
		assertThat(this.roles.any("ADMIN")).isFalse();
		assertThat(this.roles.any("TEAM")).as("a suffix of the role is not the role").isFalse();
		assertThat(this.roles.any("ROLE_QUALITY_TEAM")).isFalse();
		assertThat(this.roles.any()).isFalse();
	}

	@Test
	void anAuthorityWithoutTheRolePrefixIsNoRole() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("m", "",
					List.of(new SimpleGrantedAuthority("ADMIN"), new SimpleGrantedAuthority("XXXXXADMIN"))));
		assertThat(this.roles.any("ADMIN")).isFalse();
	}

	@Test
	void theAnonymousVisitorIsNotSignedInAndHasNoRole() {
		assertThat(this.roles.signedIn()).isFalse();
		assertThat(this.roles.any("ADMIN")).isFalse();
		SecurityContextHolder.getContext()
			.setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		assertThat(this.roles.signedIn()).isFalse();
		assertThat(this.roles.any("ADMIN", "PRACTITIONER")).isFalse();
	}

}
