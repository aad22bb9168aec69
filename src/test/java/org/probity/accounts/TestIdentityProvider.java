package org.probity.accounts;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * A real OAuth2 / OpenID Connect server for the single sign-on tests: Spring
 * Authorization Server in a small Spring context of its own, on a random port of
 * {@code localhost}, started by the first test that needs it. Probity's test context is
 * configured for it from the start ({@link Settings}, for every integration test, so all
 * share one context): an OIDC provider found by its issuer ({@value #OIDC}) and one in
 * the style of HMPPS Auth ({@value #HMPPS}: explicit endpoints, no userinfo, the claims
 * in the access token only), and bearer tokens from the same issuer. Neither is contacted
 * until a test signs in.
 * <p>
 * Users (password {@value #PASSWORD}) and clients carry the claims of {@link #CLAIMS}:
 * the OIDC client's users in the ID token only, the HMPPS client's in the access token
 * only.
 */
final class TestIdentityProvider {

	static final String OIDC = "test-oidc";

	static final String HMPPS = "test-hmpps";

	static final String PASSWORD = "idp-password";

	static final String API_CLIENT = "probity-api-client";

	static final String PRACTITIONER_CLIENT = "probity-practitioner-client";

	/** Each client's secret (the server wants them all different). */
	static String secret(String clientId) {
		return "secret-for-tests-" + clientId;
	}

	/** The port the server listens on, chosen before Probity's context starts. */
	static final int PORT = freePort();

	static final String ISSUER = "http://localhost:" + PORT;

	/**
	 * The key the server signs with, so that tests can sign tokens of their own with it.
	 */
	static final RSAKey KEY = generateKey();

	static final Map<String, Map<String, Object>> CLAIMS = Map.of(
			// OIDC: a senior manager of LDU SSOL1
			"sso-senior",
			Map.of("roles", List.of("ROLE_PROBITY_SENIOR"), "probity_unit", "SSOL1", "name", "Sam Senior", "email",
					"sam.senior@example.org"),
			// OIDC: signs in at the provider, but nothing there is for Probity
			"sso-nobody", Map.of("roles", List.of("ROLE_SOMETHING_ELSE"), "name", "Nora Nobody"),
			// HMPPS style: a senior manager of LDU SSOL2, from the access token's claims
			"sso-hmpps",
			Map.of("authorities", List.of("ROLE_PROBITY_SENIOR", "ROLE_OTHER_SERVICE"), "user_name", "SSO_HMPPS_USER",
					"probity_unit", "SSOL2", "name", "Harriet Hmpps"),
			API_CLIENT, Map.of("authorities", List.of("ROLE_PROBITY_API")), PRACTITIONER_CLIENT,
			Map.of("authorities", List.of("ROLE_PROBITY_PRACTITIONER"), "probity_staff", "SSO1101"));

	private static ConfigurableApplicationContext server;

	private static int probityPort;

	private TestIdentityProvider() {
	}

	/**
	 * Starts the server, once, for a Probity on this port (whose addresses it accepts as
	 * redirects).
	 */
	static synchronized void start(int port) {
		if (server != null) {
			return;
		}
		probityPort = port;
		AnnotationConfigServletWebServerApplicationContext context = new AnnotationConfigServletWebServerApplicationContext();
		context.register(Server.class);
		context.refresh();
		server = context;
		Runtime.getRuntime().addShutdownHook(new Thread(context::close));
	}

	/**
	 * An access token for a client, from the server's token endpoint (client
	 * credentials).
	 */
	static String clientToken(String clientId) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/token"))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString((clientId + ":" + secret(clientId)).getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=read"))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("token endpoint said " + response.statusCode() + ": " + response.body());
		}
		String body = response.body();
		int start = body.indexOf("\"access_token\":\"") + 16;
		return body.substring(start, body.indexOf('"', start));
	}

	/** A token signed by a key and claiming an issuer of the test's choosing. */
	static String signedToken(RSAKey key, String issuer, Instant expires, Map<String, Object> claims) {
		JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(issuer)
			.subject("minted")
			.issueTime(java.util.Date.from(expires.minusSeconds(600)))
			.expirationTime(java.util.Date.from(expires));
		claims.forEach(set::claim);
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					set.build());
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static RSAKey generateKey() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The server's beans; not a {@code @Configuration}, so that Probity's component scan
	 * of the tests does not take them in.
	 */
	@EnableWebSecurity
	static class Server {

		@Bean
		TomcatServletWebServerFactory webServer() {
			TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(PORT);
			// Tomcat runs filters (the whole server here) only for a request some servlet
			// maps
			factory.setRegisterDefaultServlet(true);
			return factory;
		}

		@Bean
		@Order(1)
		SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
			http.oauth2AuthorizationServer((server) -> {
				http.securityMatcher(server.getEndpointsMatcher());
				server.oidc(Customizer.withDefaults());
			})
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.exceptionHandling(
						(ex) -> ex.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
								new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
				.oauth2ResourceServer((resource) -> resource.jwt(Customizer.withDefaults()));
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain signIn(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults());
			return http.build();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(CLAIMS.keySet()
				.stream()
				.filter((name) -> name.startsWith("sso-"))
				.map((name) -> User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build())
				.toList());
		}

		@Bean
		RegisteredClientRepository clients() {
			String probity = "http://127.0.0.1:" + probityPort;
			RegisteredClient oidc = RegisteredClient.withId(OIDC)
				.clientId("probity-oidc")
				.clientSecret("{noop}" + secret("probity-oidc"))
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri(probity + "/login/oauth2/code/" + OIDC)
				.postLogoutRedirectUri(probity + "/sign-in?signedOut")
				.scope(OidcScopes.OPENID)
				.scope(OidcScopes.PROFILE)
				.scope(OidcScopes.EMAIL)
				.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
				.build();
			RegisteredClient hmpps = RegisteredClient.withId(HMPPS)
				.clientId("probity-hmpps")
				.clientSecret("{noop}" + secret("probity-hmpps"))
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri(probity + "/login/oauth2/code/" + HMPPS)
				.scope("read")
				.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
				.build();
			List<RegisteredClient> clients = new java.util.ArrayList<>(List.of(oidc, hmpps));
			for (String client : List.of(API_CLIENT, PRACTITIONER_CLIENT)) {
				clients.add(RegisteredClient.withId(client)
					.clientId(client)
					.clientSecret("{noop}" + secret(client))
					.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
					.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
					.scope("read")
					.build());
			}
			return new InMemoryRegisteredClientRepository(clients);
		}

		@Bean
		JWKSource<SecurityContext> keys() {
			return new ImmutableJWKSet<>(new JWKSet(KEY));
		}

		@Bean
		JwtDecoder jwtDecoder() throws JOSEException {
			return NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
		}

		@Bean
		AuthorizationServerSettings settings() {
			return AuthorizationServerSettings.builder().issuer(ISSUER).build();
		}

		/**
		 * The OIDC client's users get their claims in the ID token, the HMPPS client's
		 * and the API clients in the access token.
		 */
		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> claims() {
			return (context) -> {
				Map<String, Object> claims = CLAIMS.get(context.getPrincipal().getName());
				if (claims == null) {
					return;
				}
				boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
				boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
				boolean oidcClient = OIDC.equals(context.getRegisteredClient().getId());
				if ((oidcClient && idToken) || (!oidcClient && accessToken)) {
					claims.forEach((name, value) -> context.getClaims().claim(name, value));
				}
			};
		}

	}

	/**
	 * Configures every Probity test context for this server (the same settings for all,
	 * so that they share one context), without starting it.
	 */
	static final class Settings implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			return new Customizer();
		}

		private static final class Customizer implements ContextCustomizer {

			@Override
			public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
				Map<String, Object> properties = new LinkedHashMap<>();
				String oidc = "probity.sso.providers." + OIDC + ".";
				properties.put(oidc + "name", "Test identity");
				properties.put(oidc + "issuer-uri", ISSUER);
				properties.put(oidc + "client-id", "probity-oidc");
				properties.put(oidc + "client-secret", secret("probity-oidc"));
				String hmpps = "probity.sso.providers." + HMPPS + ".";
				properties.put(hmpps + "name", "Test HMPPS Auth");
				properties.put(hmpps + "authorization-uri", ISSUER + "/oauth2/authorize");
				properties.put(hmpps + "token-uri", ISSUER + "/oauth2/token");
				properties.put(hmpps + "jwk-set-uri", ISSUER + "/oauth2/jwks");
				properties.put(hmpps + "issuer-uri", ISSUER);
				properties.put(hmpps + "client-id", "probity-hmpps");
				properties.put(hmpps + "client-secret", secret("probity-hmpps"));
				properties.put(hmpps + "scopes", "read");
				properties.put("probity.sso.claims.role-mapping",
						"ROLE_PROBITY_QUALITY=QUALITY_TEAM, ROLE_PROBITY_SENIOR=SENIOR_MANAGER, "
								+ "ROLE_PROBITY_MANAGER=LINE_MANAGER, ROLE_PROBITY_PRACTITIONER=PRACTITIONER, "
								+ "ROLE_PROBITY_API=API_CLIENT");
				properties.put("probity.sso.api.jwt-issuer-uri", ISSUER);
				properties.put("probity.sso.api.jwt-jwk-set-uri", ISSUER + "/oauth2/jwks");
				context.getEnvironment()
					.getPropertySources()
					.addFirst(new MapPropertySource("test-identity-provider", properties));
			}

			@Override
			public boolean equals(Object other) {
				return other instanceof Customizer;
			}

			@Override
			public int hashCode() {
				return Customizer.class.hashCode();
			}

		}

	}

}
