package org.probity.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Every opening of a case (and every refusal), kept for the data protection audit. */
@Service
public class CaseAccessLog {

	public enum Outcome {

		OPENED, REFUSED_RESTRICTED, REFUSED_OUT_OF_SCOPE

	}

	public record Entry(String username, String crn, Instant accessedAt, Outcome outcome) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	CaseAccessLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Written in its own transaction so that a refusal is logged even when the request
	 * fails.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String username, String crn, Outcome outcome) {
		this.jdbc
			.sql("insert into case_access_log (username, crn, accessed_at, outcome) values (:u, :crn, :at, :outcome)")
			.param("u", username)
			.param("crn", crn)
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.param("outcome", outcome.name())
			.update();
	}

	@Transactional(readOnly = true)
	public List<Entry> forCase(String crn, int limit) {
		return this.jdbc.sql("""
				select username, crn, accessed_at, outcome from case_access_log
				where crn = :crn order by accessed_at desc, id desc limit :limit
				""").param("crn", crn).param("limit", limit).query(Entry.class).list();
	}

}
