package org.probity.accounts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.probity.IntegrationTest;
import org.probity.shared.web.PageSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class WebSecurityTests {

	static final String PASSWORD = "k5-password-long-enough";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	private HttpResponse<String> plainGet(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void unauthenticatedApiCallsGet401() throws Exception {
		assertThat(plainGet("/api/v1/cases/X123456").statusCode()).isEqualTo(401);
		assertThat(plainGet("/api/v1/imports").statusCode()).isEqualTo(401);
	}

	@Test
	void apiCallsWithAWrongPasswordGet401() throws Exception {
		String basic = Base64.getEncoder().encodeToString("admin:wrong-password".getBytes());
		assertThat(plainGet("/api/v1/imports", "Authorization", "Basic " + basic).statusCode()).isEqualTo(401);
	}

	@Test
	void unauthenticatedPageRequestsAreSentToSignIn() throws Exception {
		for (String page : new String[] { "/", "/cases", "/cases/X123456", "/estate", "/admin/access-log" }) {
			HttpResponse<String> response = plainGet(page);
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(page).hasValueSatisfying((location) -> {
				assertThat(location).endsWith("/sign-in");
			});
		}
	}

	@Test
	void healthIsOpenToOperators() throws Exception {
		HttpResponse<String> response = plainGet("/actuator/health");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("UP");
	}

	@Test
	void formPostWithoutCsrfTokenIsRefused() {
		PageSession admin = new PageSession(this.port).signedIn("admin", "test-admin-password");

		HttpResponse<String> response = admin.postForm("/admin/accounts", Map.of("username", "k5-no-csrf",
				"displayName", "No token", "role", "QUALITY_TEAM", "password", "a-long-enough-password"));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(this.accounts.find("k5-no-csrf")).isEmpty();
	}

	@Test
	void signInWithoutCsrfTokenIsRefused() {
		this.accounts.createOrReset("k5-csrf", "K5", Role.QUALITY_TEAM, null, null, PASSWORD);
		PageSession session = new PageSession(this.port);

		HttpResponse<String> response = session.postForm("/sign-in",
				Map.of("username", "k5-csrf", "password", PASSWORD));

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void pagesCarrySecurityHeaders() throws Exception {
		HttpResponse<String> response = plainGet("/sign-in");

		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying((csp) -> {
			assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'");
			assertThat(csp).doesNotContain("unsafe-inline");
		});
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying((cache) -> {
			assertThat(cache).contains("no-store");
		});
	}

	@Test
	void behindATlsProxyCookiesAreSecureAndStrictTransportSecurityIsSent() throws Exception {
		HttpResponse<String> proxied = plainGet("/sign-in", "X-Forwarded-Proto", "https");

		assertThat(proxied.statusCode()).isEqualTo(200);
		assertThat(proxied.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
		assertThat(proxied.headers().allValues("Set-Cookie")).isNotEmpty()
			.allSatisfy(
					(cookie) -> assertThat(cookie).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly"));

		// straight to the server over plain HTTP (development): neither
		HttpResponse<String> direct = plainGet("/sign-in");
		assertThat(direct.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(direct.headers().allValues("Set-Cookie"))
			.allSatisfy((cookie) -> assertThat(cookie).doesNotContainIgnoringCase("Secure"));
	}

	@Test
	void pagesAndTheApiSendAPermissionsPolicy() throws Exception {
		for (String path : new String[] { "/sign-in", "/api/v1/measures" }) {
			assertThat(plainGet(path).headers().firstValue("Permissions-Policy")).as(path)
				.hasValueSatisfying((policy) -> assertThat(policy).contains("camera=()")
					.contains("geolocation=()")
					.contains("microphone=()"));
		}
	}

	@Test
	void theApiDocumentationNeedsSignInOutsideDemoMode() throws Exception {
		for (String path : new String[] { "/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html" }) {
			HttpResponse<String> response = plainGet(path);
			assertThat(response.statusCode()).as(path).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(path)
				.hasValueSatisfying((l) -> assertThat(l).endsWith("/sign-in"));
		}
		this.accounts.createOrReset("k5-docs", "K5 Docs", Role.API_CLIENT, null, null, PASSWORD);
		PageSession signedIn = new PageSession(this.port).signedIn("k5-docs", PASSWORD);
		HttpResponse<String> docs = signedIn.get("/v3/api-docs");
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/v1/");
	}

	@Test
	void passwordsAreStoredAsSaltedHashes() {
		this.accounts.createOrReset("k5-hashed", "K5 Hashed", Role.QUALITY_TEAM, null, null, PASSWORD);

		String hash = this.accounts.find("k5-hashed").orElseThrow().passwordHash();

		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
	}

	@Test
	void signedInSessionsAreHeldInTheDatabaseForEveryNode() throws Exception {
		this.accounts.createOrReset("k5-session", "K5 Session", Role.QUALITY_TEAM, null, null, PASSWORD);
		PageSession page = new PageSession(this.port).signedIn("k5-session", PASSWORD);
		assertThat(page.get("/").statusCode()).isEqualTo(200);
		// what any other node finds: the session of whoever signed in, expiring after 30
		// minutes of inactivity
		assertThat(this.jdbc.sql("select max_inactive_interval from spring_session where principal_name = 'k5-session'")
			.query(Integer.class)
			.list()).containsExactly(1800);

		// API clients sign in on every call and leave no session behind
		String basic = Base64.getEncoder().encodeToString(("k5-session:" + PASSWORD).getBytes());
		long sessions = this.jdbc.sql("select count(*) from spring_session").query(Long.class).single();
		assertThat(plainGet("/api/v1/measures", "Authorization", "Basic " + basic).statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from spring_session").query(Long.class).single()).isEqualTo(sessions);

		// and only there: once the database no longer holds it, this node has forgotten
		// it too
		this.jdbc.sql("delete from spring_session where principal_name = 'k5-session'").update();
		HttpResponse<String> after = page.get("/");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/sign-in"));
	}

	@Test
	void sessionsExpireAfterThirtyMinutes() {
		assertThat(this.environment.getProperty("server.servlet.session.timeout", Duration.class))
			.isEqualTo(Duration.ofMinutes(30));
		assertThat(this.environment.getProperty("server.servlet.session.cookie.http-only", Boolean.class)).isTrue();
	}

}
