package org.probity.accounts;

import java.time.Clock;

import org.probity.shared.ScheduledWork;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes expired sign-in sessions and stale sign-in throttles, on one node at a time
 * ({@link ScheduledWork}). Spring Session's own per-node clean-up is turned off
 * ({@code spring.session.jdbc.cleanup-cron: "-"}); an expired session is refused when
 * read whether or not it has been deleted yet, so this only keeps the tables small.
 */
@Component
class SessionCleanUp {

	/** Advisory lock key of this job: "PROBITY" + 2. */
	static final long LOCK = 0x50524F4249545902L;

	private final ScheduledWork work;

	private final JdbcClient jdbc;

	private final SignInThrottle throttle;

	private final Clock clock;

	SessionCleanUp(ScheduledWork work, JdbcClient jdbc, SignInThrottle throttle, Clock clock) {
		this.work = work;
		this.jdbc = jdbc;
		this.throttle = throttle;
		this.clock = clock;
	}

	@Scheduled(cron = "${probity.sessions.cleanup-cron:0 */10 * * * *}")
	void scheduled() {
		this.work.runOnce("session clean-up", LOCK, this::cleanUp);
	}

	/** The work, in the caller's transaction. */
	void cleanUp() {
		// expiry_time is in milliseconds since the epoch (Spring Session's schema);
		// attributes go with their session (on delete cascade)
		this.jdbc.sql("delete from spring_session where expiry_time < :now").param("now", this.clock.millis()).update();
		this.throttle.forgetStale();
	}

}
