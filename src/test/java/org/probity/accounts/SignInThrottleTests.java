package org.probity.accounts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.probity.IntegrationTest;
import org.probity.shared.web.PageSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in throttling per account and source address. Addresses are given as a proxy on
 * this machine would give them ({@code X-Forwarded-For}, trusted from loopback only).
 */
@IntegrationTest
class SignInThrottleTests {

	static final String PASSWORD = "t6-password-long-enough";

	static final String ATTACKER = "203.0.113.66";

	static final String OWNER = "198.51.100.20";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SignInReadiness readiness;

	@Test
	void fiveWrongPasswordsFromOneAddressMakeThatAddressWaitButNeverLockTheOwnerOut() {
		this.accounts.createOrReset("t6-owner", "T6 Owner", Role.QUALITY_TEAM, null, null, PASSWORD);
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(location(page(ATTACKER).signIn("t6-owner", "guess-" + attempt))).endsWith("/sign-in?error");
		}

		// the address that guessed waits, even with the right password...
		HttpResponse<String> blocked = page(ATTACKER).signIn("t6-owner", PASSWORD);
		assertThat(location(blocked)).endsWith("/sign-in?wait=1");
		assertThat(page(ATTACKER).get("/sign-in?wait=1").body())
			.contains("too many failed attempts to sign in to this account from this device")
			.contains("Wait 1 minute, then try again.");
		// ...and that attempt was not counted
		assertThat(failures("t6-owner", ATTACKER)).isEqualTo(5);

		// while the owner, elsewhere, signs in as usual
		PageSession owner = page(OWNER).signedIn("t6-owner", PASSWORD);
		assertThat(owner.get("/").statusCode()).isEqualTo(200);
		assertThat(this.accounts.find("t6-owner").orElseThrow().lockedUntil()).isNull();
	}

	@Test
	void theCountStartsAgainWhenTheBlockEndsAndEachBlockSinceTheLastSuccessIsLonger() {
		this.accounts.createOrReset("t6-again", "T6 Again", Role.QUALITY_TEAM, null, null, PASSWORD);
		wrongPasswords("t6-again", ATTACKER, 5);
		assertThat(blockedFor("t6-again", ATTACKER)).isBetween(Duration.ofSeconds(50), Duration.ofMinutes(1));

		endBlock("t6-again", ATTACKER);
		wrongPasswords("t6-again", ATTACKER, 1);
		assertThat(failures("t6-again", ATTACKER)).isEqualTo(1);
		assertThat(blockedFor("t6-again", ATTACKER)).isZero();

		wrongPasswords("t6-again", ATTACKER, 4);
		assertThat(blockedFor("t6-again", ATTACKER)).isBetween(Duration.ofSeconds(110), Duration.ofMinutes(2));
		endBlock("t6-again", ATTACKER);
		wrongPasswords("t6-again", ATTACKER, 5);
		assertThat(blockedFor("t6-again", ATTACKER)).isBetween(Duration.ofSeconds(230), Duration.ofMinutes(4));

		// once the block is over the right password works, and clears the count
		endBlock("t6-again", ATTACKER);
		page(ATTACKER).signedIn("t6-again", PASSWORD);
		assertThat(failures("t6-again", ATTACKER)).isNull();
	}

	@Test
	void aSuccessfulSignInClearsTheCountOfItsAddress() {
		this.accounts.createOrReset("t6-careless", "T6 Careless", Role.QUALITY_TEAM, null, null, PASSWORD);
		wrongPasswords("t6-careless", OWNER, 4);
		wrongPasswords("t6-careless", ATTACKER, 4);

		page(OWNER).signedIn("t6-careless", PASSWORD);

		assertThat(failures("t6-careless", OWNER)).isNull();
		// another address's count is its own
		assertThat(failures("t6-careless", ATTACKER)).isEqualTo(4);
		wrongPasswords("t6-careless", OWNER, 4);
		page(OWNER).signedIn("t6-careless", PASSWORD);
	}

	@Test
	void theApiAnswers429WithRetryAfterToAThrottledAddressOnly() throws Exception {
		this.accounts.createOrReset("t6-client", "T6 Client", Role.API_CLIENT, null, null, PASSWORD);
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(api("t6-client", "guess-" + attempt, ATTACKER).statusCode()).isEqualTo(401);
		}

		HttpResponse<String> throttled = api("t6-client", PASSWORD, ATTACKER);

		assertThat(throttled.statusCode()).isEqualTo(429);
		assertThat(throttled.headers().firstValue("Retry-After").map(Long::parseLong))
			.hasValueSatisfying((seconds) -> assertThat(seconds).isBetween(50L, 60L));
		assertThat(throttled.body()).contains("\"message\"").contains("try again in 1 minute");
		assertThat(api("t6-client", PASSWORD, OWNER).statusCode()).isEqualTo(200);
		// a name with a NUL byte is counted like any other wrong name, never a 500
		assertThat(api("t6-\u0000client", PASSWORD, "192.0.2.9").statusCode()).isEqualTo(401);
	}

	@Test
	void whileTheAccountsAreStillBeingCreatedSignInSaysSoAndCountsNothing() throws Exception {
		this.accounts.createOrReset("t6-early", "T6 Early", Role.QUALITY_TEAM, null, null, PASSWORD);
		PageSession early = page(OWNER);
		String token = early.csrfToken("/sign-in");
		this.readiness.holdUntilReady("The demo provider is still loading.");
		try {
			HttpResponse<String> page = early.get("/sign-in");
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.headers().firstValue("Retry-After")).hasValue("30");
			assertThat(page.body()).contains("Probity is still loading")
				.contains("The demo provider is still loading.")
				.contains("Refresh this page in a minute");

			HttpResponse<String> posted = early.postForm("/sign-in",
					Map.of("username", "t6-early", "password", "wrong", "_csrf", token));
			assertThat(location(posted)).endsWith("/sign-in");
			HttpResponse<String> apiCall = api("t6-early", "wrong", OWNER);
			assertThat(apiCall.statusCode()).isEqualTo(503);
			assertThat(apiCall.headers().firstValue("Retry-After")).isPresent();
			assertThat(failures("t6-early", OWNER)).isNull();
		}
		finally {
			this.readiness.ready();
		}
		assertThat(early.get("/sign-in").statusCode()).isEqualTo(200);
		page(OWNER).signedIn("t6-early", PASSWORD);
	}

	@Test
	void blocksGrowToFifteenMinutesAtMost() {
		assertThat(java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(SignInThrottle::blockFor).toList())
			.containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
					Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(15));
	}

	private PageSession page(String address) {
		return new PageSession(this.port).from(address);
	}

	private void wrongPasswords(String username, String address, int times) {
		for (int attempt = 1; attempt <= times; attempt++) {
			assertThat(location(page(address).signIn(username, "not-the-password"))).endsWith("?error");
		}
	}

	private HttpResponse<String> api(String username, String password, String address) throws Exception {
		String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes());
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/measures"))
				.header("Authorization", "Basic " + basic)
				.header("X-Forwarded-For", address)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private Integer failures(String username, String address) {
		return this.jdbc.sql("select failures from sign_in_throttle where username = :u and source = :s")
			.param("u", username)
			.param("s", address)
			.query(Integer.class)
			.optional()
			.orElse(null);
	}

	private Duration blockedFor(String username, String address) {
		Instant until = this.jdbc.sql(
				"select blocked_until from sign_in_throttle where username = :u and source = :s and blocked_until > now()")
			.param("u", username)
			.param("s", address)
			.query(Instant.class)
			.optional()
			.orElse(null);
		return (until != null) ? Duration.between(Instant.now(), until) : Duration.ZERO;
	}

	private void endBlock(String username, String address) {
		this.jdbc.sql(
				"update sign_in_throttle set blocked_until = now() - interval '1 second' where username = :u and source = :s")
			.param("u", username)
			.param("s", address)
			.update();
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("(no redirect: " + response.statusCode() + ")");
	}

}
