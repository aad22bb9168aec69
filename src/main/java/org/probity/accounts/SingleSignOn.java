package org.probity.accounts;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The pieces of single sign-on and bearer tokens, made from {@link SingleSignOnSettings}
 * at start-up: a wrong mapping, an incomplete provider or no way to sign in at all stop
 * Probity with a message naming the variable.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SingleSignOnSettings.class)
class SingleSignOn {

	@Bean
	ProviderRegistrations providerRegistrations(SingleSignOnSettings settings) {
		ProviderRegistrations registrations = new ProviderRegistrations(settings.configuredProviders());
		if (!settings.localAccounts() && registrations.isEmpty()) {
			throw new IllegalStateException("PROBITY_LOCAL_ACCOUNTS=false leaves nobody a way to sign in: "
					+ "configure a single sign-on provider (PROBITY_SSO_CLIENT_ID with PROBITY_SSO_ISSUER_URI "
					+ "or PROBITY_SSO_AUTHORIZATION_URI)");
		}
		registrations.providers().forEach((id, provider) -> {
			if (provider.claimsFromAccessToken()) {
				// explicit endpoints are checked now; an issuer is looked up at the first
				// sign-in
				registrations.findByRegistrationId(id);
			}
		});
		return registrations;
	}

	@Bean
	ProviderSignIns providerSignIns(SingleSignOnSettings settings, Accounts accounts,
			ProviderRegistrations registrations) {
		ClaimMapping mapping = new ClaimMapping(settings.claims());
		if (!registrations.isEmpty() && !mapping.mapsAnyRole()) {
			throw new IllegalStateException("Single sign-on is configured but PROBITY_SSO_ROLE_MAPPING maps no claim "
					+ "value to a Probity role: every user would be refused");
		}
		return new ProviderSignIns(mapping, accounts, registrations.providers());
	}

	@Bean
	BearerTokens bearerTokens(SingleSignOnSettings settings) {
		return new BearerTokens(new ClaimMapping(settings.claims()));
	}

	/**
	 * A sign-in through the provider that Probity refuses goes to the refusal page, which
	 * says why; any other failure there (the provider's error, a stale request) too, as
	 * "provider".
	 */
	static final class Refusals implements AuthenticationFailureHandler {

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException {
			String reason = ClaimMapping.Refusal.PROVIDER.code();
			if (exception instanceof OAuth2AuthenticationException oauth
					&& ProviderSignIns.REFUSED.equals(oauth.getError().getErrorCode())) {
				reason = oauth.getError().getDescription();
			}
			response.sendRedirect(request.getContextPath() + "/sign-in/refused?reason=" + reason);
		}

	}

}
