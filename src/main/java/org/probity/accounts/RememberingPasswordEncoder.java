package org.probity.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks passwords with the delegate (bcrypt), and remembers for a few minutes which
 * password matched which stored hash, so that an API client signing every request with
 * HTTP Basic does not pay a bcrypt check (tens of milliseconds of CPU) on each one. What
 * is remembered is an HMAC of the password under a key made at start-up and never stored,
 * next to the stored hash it matched: a changed password has a new hash and is checked in
 * full again, and a failed check is never remembered. Locked and disabled accounts are
 * refused before any password is checked. Each node remembers its own checks; nothing
 * here is needed by another node.
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

	static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);

	private static final int CAPACITY = 1_000;

	private final PasswordEncoder delegate;

	private final Clock clock;

	private final byte[] key = new byte[32];

	private final Map<String, Long> verified = new LinkedHashMap<>(64, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
			return size() > CAPACITY;
		}
	};

	RememberingPasswordEncoder(PasswordEncoder delegate, Clock clock) {
		this.delegate = delegate;
		this.clock = clock;
		new SecureRandom().nextBytes(this.key);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return this.delegate.matches(rawPassword, encodedPassword);
		}
		String remembered = encodedPassword + " " + hmac(rawPassword);
		long now = this.clock.millis();
		synchronized (this.verified) {
			Long until = this.verified.get(remembered);
			if (until != null && until > now) {
				return true;
			}
		}
		boolean matches = this.delegate.matches(rawPassword, encodedPassword);
		if (matches) {
			synchronized (this.verified) {
				this.verified.put(remembered, now + REMEMBERED_FOR.toMillis());
			}
		}
		return matches;
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	private String hmac(CharSequence rawPassword) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			return Base64.getEncoder()
				.encodeToString(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
