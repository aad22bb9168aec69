package org.probity.accounts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.probity.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP: {@code /api/**} accepts bearer JWTs from the identity provider
 * ({@link TestIdentityProvider}, tokens from its token endpoint), with the client's role
 * from its claims, and refuses (401) a token from another issuer, an expired one and one
 * signed with another key; a token whose role does not allow an endpoint gets 403. HTTP
 * Basic still works beside them.
 */
@IntegrationTest
class BearerTokenTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Map<String, Object> API_CLIENT_CLAIMS = Map.of("client_id", "minted-client", "authorities",
			List.of("ROLE_PROBITY_API"));

	@LocalServerPort
	int port;

	@BeforeEach
	void provider() {
		TestIdentityProvider.start(this.port);
	}

	@Test
	void aTokenFromTheProvidersTokenEndpointCallsTheApi() throws Exception {
		String token = TestIdentityProvider.clientToken(TestIdentityProvider.API_CLIENT);
		HttpResponse<String> response = get("/api/v1/measures", "Bearer " + token);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("AM_K");
	}

	@Test
	void aTokenSignedWithTheProvidersKeyAndIssuerIsAccepted() throws Exception {
		String token = TestIdentityProvider.signedToken(TestIdentityProvider.KEY, TestIdentityProvider.ISSUER,
				Instant.now().plusSeconds(300), API_CLIENT_CLAIMS);
		assertThat(get("/api/v1/measures", "Bearer " + token).statusCode()).isEqualTo(200);
	}

	@Test
	void aTokenOfAnotherIssuerIsRefused() throws Exception {
		String token = TestIdentityProvider.signedToken(TestIdentityProvider.KEY, "http://elsewhere.example",
				Instant.now().plusSeconds(300), API_CLIENT_CLAIMS);
		assertUnauthorized(get("/api/v1/measures", "Bearer " + token));
	}

	@Test
	void anExpiredTokenIsRefused() throws Exception {
		String token = TestIdentityProvider.signedToken(TestIdentityProvider.KEY, TestIdentityProvider.ISSUER,
				Instant.now().minusSeconds(3600), API_CLIENT_CLAIMS);
		assertUnauthorized(get("/api/v1/measures", "Bearer " + token));
	}

	@Test
	void aTokenWithABadSignatureIsRefused() throws Exception {
		String token = TestIdentityProvider.signedToken(TestIdentityProvider.generateKey(), TestIdentityProvider.ISSUER,
				Instant.now().plusSeconds(300), API_CLIENT_CLAIMS);
		assertUnauthorized(get("/api/v1/measures", "Bearer " + token));
		String valid = TestIdentityProvider.clientToken(TestIdentityProvider.API_CLIENT);
		String tampered = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA"
				+ valid.substring(valid.lastIndexOf('.') + 5);
		assertUnauthorized(get("/api/v1/measures", "Bearer " + tampered));
	}

	@Test
	void aTokenWhoseClaimsGiveNoRoleIsRefused() throws Exception {
		String token = TestIdentityProvider.signedToken(TestIdentityProvider.KEY, TestIdentityProvider.ISSUER,
				Instant.now().plusSeconds(300), Map.of("client_id", "stranger", "authorities", List.of("ROLE_OTHER")));
		assertUnauthorized(get("/api/v1/measures", "Bearer " + token));
	}

	@Test
	void aTokenWhoseRoleDoesNotAllowAnEndpointGets403() throws Exception {
		String token = TestIdentityProvider.clientToken(TestIdentityProvider.PRACTITIONER_CLIENT);
		assertThat(get("/api/v1/measures", "Bearer " + token).statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/surveys/END_OF_SUPERVISION/results?period=2024-03", "Bearer " + token).statusCode())
			.isEqualTo(403);
		String apiClient = TestIdentityProvider.clientToken(TestIdentityProvider.API_CLIENT);
		assertThat(get("/api/v1/surveys/END_OF_SUPERVISION/results?period=2024-03", "Bearer " + apiClient).statusCode())
			.isNotIn(401, 403);
	}

	@Test
	void noCredentialsAndBasicStillWorkAsBefore() throws Exception {
		assertThat(get("/api/v1/measures", null).statusCode()).isEqualTo(401);
		assertThat(get("/api/v1/measures",
				"Basic " + java.util.Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes()))
			.statusCode()).isEqualTo(200);
	}

	private static void assertUnauthorized(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((header) -> assertThat(header).startsWith("Bearer").contains("invalid_token"));
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
