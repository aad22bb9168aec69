package org.probity.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Bearer JWTs on {@code /api/**}: signed with the provider's keys, from its issuer,
 * unexpired (and for Probity, when an audience is set), their claims mapped to a role and
 * data scope by the same {@link ClaimMapping} as single sign-on, so a token acts as the
 * {@link CurrentUser} its claims give. A token whose claims give no role is refused as
 * invalid (401); one whose role does not allow an endpoint gets 403 from the endpoint.
 */
final class BearerTokens implements Converter<Jwt, AbstractAuthenticationToken> {

	private final ClaimMapping mapping;

	BearerTokens(ClaimMapping mapping) {
		this.mapping = mapping;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		ClaimMapping.Outcome outcome = this.mapping.map(jwt.getClaims());
		if (outcome instanceof ClaimMapping.Refused refused) {
			throw new InvalidBearerTokenException(switch (refused.reason()) {
				case NO_USERNAME -> "The token names no user or client (PROBITY_SSO_USERNAME_CLAIMS)";
				case NO_ROLE -> "The token's claims give no Probity role (PROBITY_SSO_ROLE_MAPPING)";
				case NO_UNIT -> "The token's role needs a unit code claim (PROBITY_SSO_UNIT_CLAIM)";
				case NO_STAFF -> "The token's role needs a staff code claim (PROBITY_SSO_STAFF_CLAIM)";
				default -> "The token's unit or staff code claim is not a code";
			});
		}
		ClaimMapping.Mapped user = (ClaimMapping.Mapped) outcome;
		List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority(user.role().authority()));
		CurrentUser principal = new CurrentUser(user.username(), "", true, authorities, user.displayName(), user.role(),
				user.staffCode(), user.unitCode(), user.email());
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
	}

	/**
	 * The decoder of the API's bearer tokens, when an issuer or key set is configured. An
	 * issuer alone is looked up (discovery) at the first token, not at start-up.
	 */
	static Optional<JwtDecoder> decoder(SingleSignOnSettings.Api api) {
		if (!api.bearerTokens()) {
			return Optional.empty();
		}
		String issuer = SingleSignOnSettings.present(api.jwtIssuerUri()) ? api.jwtIssuerUri().trim() : null;
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators
			.add((issuer != null) ? JwtValidators.createDefaultWithIssuer(issuer) : JwtValidators.createDefault());
		if (SingleSignOnSettings.present(api.jwtAudience())) {
			String audience = api.jwtAudience().trim();
			validators.add(new JwtClaimValidator<List<String>>("aud", (aud) -> aud != null && aud.contains(audience)));
		}
		OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(validators);
		if (SingleSignOnSettings.present(api.jwtJwkSetUri())) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(api.jwtJwkSetUri().trim()).build();
			decoder.setJwtValidator(validator);
			return Optional.of(decoder);
		}
		return Optional.of(new SupplierJwtDecoder(() -> {
			NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(issuer);
			decoder.setJwtValidator(validator);
			return decoder;
		}));
	}

}
