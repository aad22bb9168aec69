package org.probity.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing without letting anyone lock a user out. Failures are
 * counted per account name and source address, in PostgreSQL (every node sees the same
 * counts): after {@value #MAX_FAILURES} in a row that address may not try that account
 * for a while, growing with each block since the last success (1, 2, 4, 8, then 15
 * minutes at most). The count starts again when a block ends, and a successful sign-in
 * from that address clears it. Anyone else, the owner included, signs in as usual.
 */
@Component
class SignInThrottle {

	static final int MAX_FAILURES = 5;

	static final Duration LONGEST_BLOCK = Duration.ofMinutes(15);

	/** Longer names are cut to this for counting: nobody fills the table with one. */
	private static final int MAX_NAME = 200;

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	SignInThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private record Row(int failures, int blocks, Instant blockedUntil) {
	}

	/** How long this address must still wait before trying this account, if at all. */
	@Transactional(readOnly = true)
	public Optional<Duration> blocked(String username, String source) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				select blocked_until from sign_in_throttle
				where username = :username and source = :source and blocked_until > :now
				""")
			.param("username", name(username))
			.param("source", source)
			.param("now", java.sql.Timestamp.from(now))
			.query(Instant.class)
			.optional()
			.map((until) -> Duration.between(now, until));
	}

	@Transactional
	public void recordFailure(String username, String source) {
		Instant now = this.clock.instant();
		String name = name(username);
		this.jdbc.sql("""
				insert into sign_in_throttle (username, source, failures, blocks, last_failure_at)
				values (:username, :source, 0, 0, :now) on conflict (username, source) do nothing
				""")
			.param("username", name)
			.param("source", source)
			.param("now", java.sql.Timestamp.from(now))
			.update();
		Row row = this.jdbc.sql("""
				select failures, blocks, blocked_until from sign_in_throttle
				where username = :username and source = :source for update
				""").param("username", name).param("source", source).query(Row.class).single();
		boolean blockEnded = row.blockedUntil() != null && !row.blockedUntil().isAfter(now);
		int failures = (blockEnded ? 0 : row.failures()) + 1;
		int blocks = row.blocks();
		Instant until = blockEnded ? null : row.blockedUntil();
		if (failures >= MAX_FAILURES) {
			blocks++;
			until = now.plus(blockFor(blocks));
			log.warn("Sign-in to '{}' from {} blocked for {} after {} failures", name, source, blockFor(blocks),
					failures);
		}
		this.jdbc.sql("""
				update sign_in_throttle set failures = :failures, blocks = :blocks, blocked_until = :until,
				    last_failure_at = :now
				where username = :username and source = :source
				""")
			.param("failures", failures)
			.param("blocks", blocks)
			.param("until", (until != null) ? java.sql.Timestamp.from(until) : null)
			.param("now", java.sql.Timestamp.from(now))
			.param("username", name)
			.param("source", source)
			.update();
	}

	@Transactional
	public void recordSuccess(String username, String source) {
		this.jdbc.sql("delete from sign_in_throttle where username = :username and source = :source")
			.param("username", name(username))
			.param("source", source)
			.update();
	}

	/** Forgets pairs that have not failed for a day and are not blocked. */
	int forgetStale() {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				delete from sign_in_throttle
				where last_failure_at < :dayAgo and (blocked_until is null or blocked_until < :now)
				""")
			.param("dayAgo", java.sql.Timestamp.from(now.minus(Duration.ofDays(1))))
			.param("now", java.sql.Timestamp.from(now))
			.update();
	}

	/** 1, 2, 4, 8 minutes, then 15. */
	static Duration blockFor(int blocks) {
		Duration d = Duration.ofMinutes(1L << Math.min(Math.max(blocks - 1, 0), 4));
		return (d.compareTo(LONGEST_BLOCK) > 0) ? LONGEST_BLOCK : d;
	}

	private static String name(String username) {
		// PostgreSQL text holds no NUL
		String name = (username != null) ? username.replace("\u0000", "") : "";
		return (name.length() > MAX_NAME) ? name.substring(0, MAX_NAME) : name;
	}

}
