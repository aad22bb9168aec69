package org.probity.accounts;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * After Probity's session has ended: a user who signed in through an identity provider is
 * sent to the provider to sign out there too (RP-initiated logout, to the
 * {@code end_session_endpoint} it publishes with the ID token as hint; or, for a provider
 * that publishes none, to its configured sign-out address with the client id), and comes
 * back to the sign-in page, which says they have signed out.
 */
final class ProviderSignOut implements LogoutSuccessHandler {

	private final ProviderRegistrations registrations;

	ProviderSignOut(ProviderRegistrations registrations) {
		this.registrations = registrations;
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		String back = ServletUriComponentsBuilder.fromContextPath(request)
			.path("/sign-in")
			.query("signedOut")
			.build()
			.toUriString();
		response.sendRedirect(
				providerSignOut(authentication, back).orElse(request.getContextPath() + "/sign-in?signedOut"));
	}

	private java.util.Optional<String> providerSignOut(Authentication authentication, String back) {
		if (!(authentication instanceof OAuth2AuthenticationToken token)
				|| !(token.getPrincipal() instanceof ProviderUser user)) {
			return java.util.Optional.empty();
		}
		ClientRegistration registration;
		try {
			registration = this.registrations.findByRegistrationId(token.getAuthorizedClientRegistrationId());
		}
		catch (RuntimeException ex) {
			// the provider is unreachable: Probity's own session has ended all the same
			return java.util.Optional.empty();
		}
		if (registration == null) {
			return java.util.Optional.empty();
		}
		Object endSession = registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
		if (user instanceof OidcProviderUser oidc && endSession != null && oidc.getIdToken() != null) {
			return java.util.Optional.of(UriComponentsBuilder.fromUriString(endSession.toString())
				.queryParam("id_token_hint", oidc.getIdToken().getTokenValue())
				.queryParam("post_logout_redirect_uri", back)
				.queryParam("client_id", registration.getClientId())
				.encode()
				.build()
				.toUriString());
		}
		SingleSignOnSettings.Provider provider = this.registrations.providers().get(registration.getRegistrationId());
		if (provider != null && SingleSignOnSettings.present(provider.endSessionUri())) {
			return java.util.Optional.of(UriComponentsBuilder.fromUriString(provider.endSessionUri().trim())
				.queryParam("client_id", registration.getClientId())
				.queryParam("redirect_uri", back)
				.encode()
				.build()
				.toUriString());
		}
		return java.util.Optional.empty();
	}

}
