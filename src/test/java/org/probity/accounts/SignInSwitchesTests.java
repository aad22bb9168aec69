package org.probity.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The switches that turn local sign-in off, without a server: HTTP Basic for API client
 * accounts only, and no start without any way to sign in or with a provider that maps no
 * role.
 */
class SignInSwitchesTests {

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void basicForClientsOnlyRefusesAStaffAccountAndLetsAClientThrough() throws Exception {
		MockHttpServletResponse staff = basic(Role.QUALITY_TEAM);
		assertThat(staff.getStatus()).isEqualTo(401);
		assertThat(staff.getContentAsString()).contains("HTTP Basic is for API client accounts only");
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();

		assertThat(basic(Role.API_CLIENT).getStatus()).isEqualTo(200);
	}

	@Test
	void noLocalAccountsAndNoProviderLeavesNobodyAWayInSoProbityDoesNotStart() {
		SingleSignOnSettings settings = new SingleSignOnSettings(false, Map.of(), null, null);
		assertThatIllegalStateException().isThrownBy(() -> new SingleSignOn().providerRegistrations(settings))
			.withMessageContaining("PROBITY_LOCAL_ACCOUNTS=false");
	}

	@Test
	void aProviderWithoutARoleMappingDoesNotStart() {
		SingleSignOnSettings settings = new SingleSignOnSettings(true,
				Map.of("sso",
						new SingleSignOnSettings.Provider(null, null, "client", "secret",
								"http://idp.example/authorize", "http://idp.example/token", "http://idp.example/jwks",
								null, null)),
				null, null);
		ProviderRegistrations registrations = new SingleSignOn().providerRegistrations(settings);
		assertThat(registrations.findByRegistrationId("sso").getProviderDetails().getUserInfoEndpoint().getUri())
			.as("HMPPS style: no userinfo")
			.isNull();
		assertThatIllegalStateException()
			.isThrownBy(() -> new SingleSignOn().providerSignIns(settings, null, registrations))
			.withMessageContaining("PROBITY_SSO_ROLE_MAPPING");
	}

	@Test
	void anIncompleteHmppsStyleProviderDoesNotStart() {
		SingleSignOnSettings settings = new SingleSignOnSettings(true,
				Map.of("sso", new SingleSignOnSettings.Provider(null, null, "client", "secret",
						"http://idp.example/authorize", null, null, null, null)),
				null, null);
		assertThatIllegalStateException().isThrownBy(() -> new SingleSignOn().providerRegistrations(settings))
			.withMessageContaining("PROBITY_SSO_TOKEN_URI");
	}

	@Test
	void anUnreachableOidcProviderSendsTheUserToASayingSoPageAndAnUnknownOneIs404() throws Exception {
		ProviderRegistrations registrations = new ProviderRegistrations(Map.of("down",
				new SingleSignOnSettings.Provider(null, "http://127.0.0.1:1/issuer", "client", "secret", null, null,
						null, null, null),
				"hmpps",
				new SingleSignOnSettings.Provider(null, null, "client", "secret", "http://idp.example/authorize",
						"http://idp.example/token", "http://idp.example/jwks", null, null)));
		ProviderUnavailable filter = new ProviderUnavailable(registrations);

		MockHttpServletResponse down = new MockHttpServletResponse();
		MockFilterChain downChain = new MockFilterChain();
		filter.doFilter(new MockHttpServletRequest("GET", "/oauth2/authorization/down"), down, downChain);
		assertThat(down.getRedirectedUrl()).isEqualTo("/sign-in/refused?reason=unavailable");
		assertThat(downChain.getRequest()).as("not passed on").isNull();

		MockHttpServletResponse unknown = new MockHttpServletResponse();
		filter.doFilter(new MockHttpServletRequest("GET", "/oauth2/authorization/nobody"), unknown,
				new MockFilterChain());
		assertThat(unknown.getStatus()).isEqualTo(404);

		MockFilterChain upChain = new MockFilterChain();
		filter.doFilter(new MockHttpServletRequest("GET", "/oauth2/authorization/hmpps"), new MockHttpServletResponse(),
				upChain);
		assertThat(upChain.getRequest()).as("passed on to the redirect").isNotNull();
	}

	private static MockHttpServletResponse basic(Role role) throws Exception {
		CurrentUser user = new CurrentUser("u-" + role, "", true, List.of(new SimpleGrantedAuthority(role.authority())),
				"U", role, null, null, null);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/measures");
		request.addHeader("Authorization",
				"Basic " + Base64.getEncoder().encodeToString("u:p".getBytes(StandardCharsets.UTF_8)));
		MockHttpServletResponse response = new MockHttpServletResponse();
		new WebSecurity.BasicForClientsOnly().doFilter(request, response, new MockFilterChain());
		return response;
	}

}
