package org.probity.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * A user signed in through an identity provider: the same {@link CurrentUser} a local
 * account gives (role and links from {@link ClaimMapping}), and the OAuth2 user Spring
 * Security's login expects, with the claims it was made from.
 */
class ProviderUser extends CurrentUser implements OAuth2User {

	private final String provider;

	private final Map<String, Object> claims;

	ProviderUser(String provider, ClaimMapping.Mapped mapped, Map<String, Object> claims) {
		super(mapped.username(), "", true, List.of(new SimpleGrantedAuthority(mapped.role().authority())),
				mapped.displayName(), mapped.role(), mapped.staffCode(), mapped.unitCode(), mapped.email());
		this.provider = provider;
		// held in the session (serialised): a copy of the provider's claims, never its
		// map
		this.claims = new LinkedHashMap<>(claims);
	}

	/** The registration id of the provider the user signed in through. */
	String provider() {
		return this.provider;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return this.claims;
	}

	@Override
	public String getName() {
		return getUsername();
	}

}
