package org.probity.accounts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The identity providers of {@link SingleSignOnSettings} as Spring Security client
 * registrations. An OIDC provider is looked up from its issuer (discovery) when first
 * used rather than at start-up, so that Probity starts while the provider is briefly
 * unreachable; a failed look-up is tried again at the next sign-in. Each node looks up
 * for itself: nothing here is needed by another node.
 */
final class ProviderRegistrations implements ClientRegistrationRepository {

	static final String REDIRECT_URI = "{baseUrl}/login/oauth2/code/{registrationId}";

	private final Map<String, SingleSignOnSettings.Provider> providers;

	private final Map<String, ClientRegistration> found = new ConcurrentHashMap<>();

	ProviderRegistrations(Map<String, SingleSignOnSettings.Provider> providers) {
		this.providers = new LinkedHashMap<>(providers);
	}

	Map<String, SingleSignOnSettings.Provider> providers() {
		return this.providers;
	}

	boolean isEmpty() {
		return this.providers.isEmpty();
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		SingleSignOnSettings.Provider provider = this.providers.get(registrationId);
		if (provider == null) {
			return null;
		}
		return this.found.computeIfAbsent(registrationId, (id) -> registration(id, provider));
	}

	private static ClientRegistration registration(String id, SingleSignOnSettings.Provider provider) {
		ClientRegistration.Builder builder;
		if (provider.claimsFromAccessToken()) {
			Map<String, Object> metadata = new LinkedHashMap<>();
			builder = ClientRegistration.withRegistrationId(id)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationUri(provider.authorizationUri().trim())
				.tokenUri(required(provider.tokenUri(), id, "token URI"))
				.jwkSetUri(required(provider.jwkSetUri(), id, "JWK set URI"))
				.userNameAttributeName("sub")
				.providerConfigurationMetadata(metadata);
			if (SingleSignOnSettings.present(provider.issuerUri())) {
				builder.issuerUri(provider.issuerUri().trim());
			}
		}
		else {
			builder = ClientRegistrations.fromIssuerLocation(provider.issuerUri().trim()).registrationId(id);
		}
		return builder.clientId(provider.clientId().trim())
			.clientSecret((provider.clientSecret() != null) ? provider.clientSecret() : "")
			.redirectUri(REDIRECT_URI)
			.scope(provider.scopeList())
			.clientName(provider.displayName())
			.build();
	}

	private static String required(String value, String id, String what) {
		if (!SingleSignOnSettings.present(value)) {
			throw new IllegalStateException("Single sign-on provider '" + id + "' has an authorization URI but no "
					+ what + " (PROBITY_SSO_TOKEN_URI, PROBITY_SSO_JWK_SET_URI)");
		}
		return value.trim();
	}

}
