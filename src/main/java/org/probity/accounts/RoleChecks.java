package org.probity.accounts;

import java.util.Collection;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the pages ask of the signed-in user's role, as {@code th:if="${@roles.any('ADMIN',
 * 'QUALITY_TEAM')}"}: the same answer as Spring Security's {@code sec:authorize=
 * "hasAnyRole(...)"} (Probity has no role hierarchy), without parsing a security
 * expression and building its evaluation context for every element of every page, which
 * was a quarter of the time of rendering the home page (measured with JFR under the
 * overview benchmark). Only what a page shows depends on it; what a user may open is
 * decided by the security configuration and the services.
 */
@Component("roles")
public class RoleChecks {

	/**
	 * Whether the user has any of the roles, named without their {@code ROLE_} prefix.
	 */
	public boolean any(String... roles) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return false;
		}
		Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
		for (GrantedAuthority granted : authorities) {
			String authority = granted.getAuthority();
			for (String role : roles) {
				if (authority != null && authority.length() == role.length() + 5 && authority.startsWith("ROLE_")
						&& authority.endsWith(role)) {
					return true;
				}
			}
		}
		return false;
	}

	/** Whether someone is signed in (not the anonymous visitor of the public pages). */
	public boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

}
