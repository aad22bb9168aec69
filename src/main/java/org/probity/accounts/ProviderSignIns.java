package org.probity.accounts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Makes the user of a sign-in through an identity provider: reads their claims (an OIDC
 * provider's ID token and userinfo; for a provider in the style of HMPPS Auth, which has
 * no userinfo endpoint, the access token, checked against the provider's keys), maps them
 * to a role and data scope, and records their account. A refusal is an
 * {@link OAuth2AuthenticationException} with the error {@value #REFUSED} and the
 * {@link ClaimMapping.Refusal} code as its description, which the refusal page explains.
 */
final class ProviderSignIns {

	static final String REFUSED = "probity_refused";

	private static final Logger log = LoggerFactory.getLogger(ProviderSignIns.class);

	private final ClaimMapping mapping;

	private final Accounts accounts;

	private final Map<String, SingleSignOnSettings.Provider> providers;

	/** Per registration: decoders of its access tokens, each fetching its keys once. */
	private final Map<String, JwtDecoder> accessTokens = new ConcurrentHashMap<>();

	private final OidcUserService oidc = new OidcUserService();

	ProviderSignIns(ClaimMapping mapping, Accounts accounts, Map<String, SingleSignOnSettings.Provider> providers) {
		this.mapping = mapping;
		this.accounts = accounts;
		this.providers = providers;
	}

	OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers() {
		return (request) -> {
			OidcUser user = this.oidc.loadUser(request);
			String provider = request.getClientRegistration().getRegistrationId();
			return new OidcProviderUser(provider, signIn(provider, user.getClaims()), user);
		};
	}

	/** HMPPS Auth style: the claims are the access token's. */
	OAuth2UserService<OAuth2UserRequest, OAuth2User> accessTokenUsers() {
		return (request) -> {
			ClientRegistration registration = request.getClientRegistration();
			Map<String, Object> claims;
			try {
				claims = this.accessTokens
					.computeIfAbsent(registration.getRegistrationId(), (id) -> decoder(registration))
					.decode(request.getAccessToken().getTokenValue())
					.getClaims();
			}
			catch (JwtException ex) {
				log.warn("Sign-in through {} refused: its access token is not a valid JWT ({})",
						registration.getRegistrationId(), ex.getMessage());
				throw refused(ClaimMapping.Refusal.PROVIDER);
			}
			return new ProviderUser(registration.getRegistrationId(), signIn(registration.getRegistrationId(), claims),
					claims);
		};
	}

	private JwtDecoder decoder(ClientRegistration registration) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
			.build();
		SingleSignOnSettings.Provider provider = this.providers.get(registration.getRegistrationId());
		decoder.setJwtValidator((provider != null && SingleSignOnSettings.present(provider.issuerUri()))
				? JwtValidators.createDefaultWithIssuer(provider.issuerUri().trim()) : JwtValidators.createDefault());
		return decoder;
	}

	private ClaimMapping.Mapped signIn(String provider, Map<String, Object> claims) {
		ClaimMapping.Outcome outcome = this.mapping.map(claims);
		if (outcome instanceof ClaimMapping.Refused refused) {
			log.info("Sign-in through {} refused: {} (claims {})", provider, refused.reason().code(), claims.keySet());
			throw refused(refused.reason());
		}
		ClaimMapping.Mapped user = (ClaimMapping.Mapped) outcome;
		switch (this.accounts.recordProviderAccount(provider, user)) {
			case READY -> {
				return user;
			}
			case DISABLED -> throw refused(ClaimMapping.Refusal.DISABLED);
			default -> throw refused(ClaimMapping.Refusal.PASSWORD_ACCOUNT);
		}
	}

	static OAuth2AuthenticationException refused(ClaimMapping.Refusal reason) {
		return new OAuth2AuthenticationException(new OAuth2Error(REFUSED, reason.code(), null));
	}

}
