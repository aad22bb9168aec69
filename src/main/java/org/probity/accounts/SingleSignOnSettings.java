package org.probity.accounts;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on and bearer tokens, from {@code probity.sso.*} (the README's
 * {@code PROBITY_SSO_*} and {@code PROBITY_API_*} variables fill them through
 * {@code application.yml}).
 *
 * @param localAccounts whether staff may sign in with a local account's password (the
 * form); off, only through an identity provider
 * @param providers the identity providers staff sign in with, by registration id (the
 * README's variables fill the one named {@code sso}); one without a client id is left out
 * @param claims how claims become a Probity role and data scope
 * @param api how API clients authenticate
 */
@ConfigurationProperties("probity.sso")
record SingleSignOnSettings(Boolean localAccounts, Map<String, Provider> providers, Claims claims, Api api) {

	SingleSignOnSettings {
		localAccounts = (localAccounts == null) || localAccounts;
		providers = (providers != null) ? Map.copyOf(providers) : Map.of();
		claims = (claims != null) ? claims : new Claims(null, null, null, null, null, null, null, null);
		api = (api != null) ? api : new Api(null, null, null, null, null);
	}

	/** The providers that have a client id and an issuer or explicit endpoints. */
	Map<String, Provider> configuredProviders() {
		Map<String, Provider> configured = new TreeMap<>();
		this.providers.forEach((id, provider) -> {
			if (provider != null && provider.configured()) {
				configured.put(id, provider);
			}
		});
		return configured;
	}

	/**
	 * One identity provider: either OpenID Connect, found from its issuer
	 * ({@code issuerUri}: discovery, ID token, userinfo), or plain OAuth2 in the style of
	 * HMPPS Auth ({@code authorizationUri}, {@code tokenUri} and {@code jwkSetUri} set):
	 * no userinfo endpoint, the user's name and roles read from the signed access token.
	 *
	 * @param name what the sign-in button names ("Sign in with ...")
	 * @param issuerUri OIDC issuer; with explicit endpoints, only checked against the
	 * access token's {@code iss} when set
	 * @param endSessionUri where sign-out also signs out of the provider when it
	 * publishes no {@code end_session_endpoint} (HMPPS Auth's {@code /auth/sign-out});
	 * sent the client id and the address to come back to
	 * @param scopes space or comma separated; default {@code openid profile email} (OIDC)
	 * or {@code read} (explicit endpoints)
	 */
	record Provider(String name, String issuerUri, String clientId, String clientSecret, String authorizationUri,
			String tokenUri, String jwkSetUri, String endSessionUri, String scopes) {

		boolean configured() {
			return present(this.clientId) && (present(this.issuerUri) || present(this.authorizationUri));
		}

		/** HMPPS Auth style: explicit endpoints, claims from the access token. */
		boolean claimsFromAccessToken() {
			return present(this.authorizationUri);
		}

		String displayName() {
			return present(this.name) ? this.name.trim() : "your organisation's account";
		}

		List<String> scopeList() {
			if (present(this.scopes)) {
				return words(this.scopes);
			}
			return claimsFromAccessToken() ? List.of("read") : List.of("openid", "profile", "email");
		}

	}

	/**
	 * Which claims say who the user is and what they may do. Claim names are tried in
	 * order; role claims may be lists or space or comma separated text.
	 *
	 * @param username claims naming the user (first present): default {@code user_name}
	 * (HMPPS Auth), {@code preferred_username}, {@code client_id} (a client's token),
	 * {@code sub}
	 * @param roles claims whose values are mapped to roles (and to units): default
	 * {@code authorities}, {@code roles}, {@code groups}
	 * @param roleMapping {@code value=ROLE} pairs, comma separated: a user with several
	 * takes the first in Probity's order of roles (ADMIN, QUALITY_TEAM, SENIOR_MANAGER,
	 * LINE_MANAGER, PRACTITIONER, API_CLIENT)
	 * @param unit the claim holding a unit code (a manager's data scope)
	 * @param staff the claim holding a staff code (a practitioner's data scope)
	 * @param unitMapping {@code value=UNITCODE} pairs: a role-claim value (a group) that
	 * gives a unit when the unit claim is absent
	 */
	record Claims(String username, String name, String email, String roles, String roleMapping, String unit,
			String staff, String unitMapping) {

		List<String> usernameClaims() {
			return present(this.username) ? words(this.username)
					: List.of("user_name", "preferred_username", "client_id", "sub");
		}

		String nameClaim() {
			return present(this.name) ? this.name.trim() : "name";
		}

		String emailClaim() {
			return present(this.email) ? this.email.trim() : "email";
		}

		List<String> roleClaims() {
			return present(this.roles) ? words(this.roles) : List.of("authorities", "roles", "groups");
		}

		String unitClaim() {
			return present(this.unit) ? this.unit.trim() : "probity_unit";
		}

		String staffClaim() {
			return present(this.staff) ? this.staff.trim() : "probity_staff";
		}

	}

	/**
	 * @param basic whether {@code /api/**} accepts HTTP Basic with a local account
	 * @param basicStaff whether HTTP Basic accepts staff accounts too, not only
	 * {@code API_CLIENT} ones (the demo's quality account on Swagger UI)
	 * @param jwtIssuerUri bearer tokens must come from this issuer (its keys found by
	 * discovery unless {@code jwtJwkSetUri} is set)
	 * @param jwtJwkSetUri the keys bearer tokens are signed with
	 * @param jwtAudience when set, a bearer token must name it in {@code aud}
	 */
	record Api(Boolean basic, Boolean basicStaff, String jwtIssuerUri, String jwtJwkSetUri, String jwtAudience) {

		Api {
			basic = (basic == null) || basic;
			basicStaff = (basicStaff == null) || basicStaff;
		}

		boolean bearerTokens() {
			return present(this.jwtIssuerUri) || present(this.jwtJwkSetUri);
		}

	}

	static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	static List<String> words(String value) {
		return Arrays.stream(value.split("[\\s,]+")).filter((w) -> !w.isEmpty()).toList();
	}

}
