package org.probity.accounts;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class RememberingPasswordEncoderTests {

	private final AtomicInteger checks = new AtomicInteger();

	private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

	private final PasswordEncoder counting = new PasswordEncoder() {
		@Override
		public String encode(CharSequence raw) {
			return RememberingPasswordEncoderTests.this.bcrypt.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			RememberingPasswordEncoderTests.this.checks.incrementAndGet();
			return RememberingPasswordEncoderTests.this.bcrypt.matches(raw, encoded);
		}
	};

	private Instant now = Instant.parse("2026-11-22T10:00:00Z");

	private final Clock clock = new Clock() {
		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return RememberingPasswordEncoderTests.this.now;
		}
	};

	private final RememberingPasswordEncoder encoder = new RememberingPasswordEncoder(this.counting, this.clock);

	@Test
	void checksAMatchingPasswordOnceWhileItIsRemembered() {
		String hash = this.encoder.encode("correct horse");
		assertThat(this.encoder.matches("correct horse", hash)).isTrue();
		assertThat(this.encoder.matches("correct horse", hash)).isTrue();
		assertThat(this.checks).hasValue(1);
		this.now = this.now.plus(RememberingPasswordEncoder.REMEMBERED_FOR).plusSeconds(1);
		assertThat(this.encoder.matches("correct horse", hash)).isTrue();
		assertThat(this.checks).hasValue(2);
	}

	@Test
	void neverRemembersAWrongPasswordNorAPasswordForAnotherHash() {
		String hash = this.encoder.encode("correct horse");
		assertThat(this.encoder.matches("battery staple", hash)).isFalse();
		assertThat(this.encoder.matches("battery staple", hash)).isFalse();
		assertThat(this.checks).hasValue(2);
		assertThat(this.encoder.matches("correct horse", hash)).isTrue();
		String changed = this.encoder.encode("a new password");
		assertThat(this.encoder.matches("correct horse", changed)).isFalse();
		assertThat(this.checks).hasValue(4);
	}

}
