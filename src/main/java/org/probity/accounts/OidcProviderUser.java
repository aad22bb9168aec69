package org.probity.accounts;

import java.util.Map;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A user signed in through an OpenID Connect provider: keeps the ID token, which sign-out
 * sends back to the provider ({@code id_token_hint}) to end the session there too.
 */
final class OidcProviderUser extends ProviderUser implements OidcUser {

	private final OidcIdToken idToken;

	private final OidcUserInfo userInfo;

	OidcProviderUser(String provider, ClaimMapping.Mapped mapped, OidcUser user) {
		super(provider, mapped, user.getClaims());
		this.idToken = user.getIdToken();
		this.userInfo = user.getUserInfo();
	}

	@Override
	public Map<String, Object> getClaims() {
		return getAttributes();
	}

	@Override
	public OidcUserInfo getUserInfo() {
		return this.userInfo;
	}

	@Override
	public OidcIdToken getIdToken() {
		return this.idToken;
	}

}
