package org.probity.accounts;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.probity.shared.Dates;

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

	/**
	 * One opening: of a case ({@code crn}) or of a member of staff's personnel record
	 * ({@code staffCode}), never both.
	 */
	public record Entry(String username, String crn, Instant accessedAt, Outcome outcome, String staffCode) {

		/** When, in London time, as pages write it: "2 April 2024 at 2:30pm". */
		public String when() {
			return Dates.format(this.accessedAt.atZone(ZoneId.of("Europe/London")).toLocalDateTime());
		}

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

	/**
	 * An opening (or refusal) of a member of staff's personnel record: their performance,
	 * ratings and improvement plans. Written in its own transaction, like a case's.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordPersonnel(String username, String staffCode, Outcome outcome) {
		this.jdbc.sql(
				"insert into case_access_log (username, staff_code, accessed_at, outcome) values (:u, :staff, :at, :outcome)")
			.param("u", username)
			.param("staff", staffCode)
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.param("outcome", outcome.name())
			.update();
	}

	/** A page of the log, newest first, filtered by CRN and user when they are given. */
	public record Page(List<Entry> entries, long total, int page, int pageSize) {

		public int pages() {
			return (int) Math.max(1, (this.total + this.pageSize - 1) / this.pageSize);
		}

	}

	@Transactional(readOnly = true)
	public Page page(String crn, String username, int page, int pageSize) {
		String crnFilter = (crn == null || crn.isBlank()) ? null : crn.strip().toUpperCase(Locale.UK);
		String userFilter = (username == null || username.isBlank()) ? null : username.strip();
		String where = "where (cast(:crn as text) is null or crn = :crn or staff_code = :crn) and (cast(:u as text) is null or username = :u)";
		long total = this.jdbc.sql("select count(*) from case_access_log " + where)
			.param("crn", crnFilter, Types.VARCHAR)
			.param("u", userFilter, Types.VARCHAR)
			.query(Long.class)
			.single();
		int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
		int current = Math.min(Math.max(page, 1), pages);
		List<Entry> entries = this.jdbc.sql("""
				select username, crn, accessed_at, outcome, staff_code from case_access_log
				%s
				order by accessed_at desc, id desc limit :limit offset :offset
				""".formatted(where))
			.param("crn", crnFilter, Types.VARCHAR)
			.param("u", userFilter, Types.VARCHAR)
			.param("limit", pageSize)
			.param("offset", (current - 1) * pageSize)
			.query(Entry.class)
			.list();
		return new Page(entries, total, current, pageSize);
	}

	@Transactional(readOnly = true)
	public List<Entry> forCase(String crn, int limit) {
		return this.jdbc.sql("""
				select username, crn, accessed_at, outcome, staff_code from case_access_log
				where crn = :crn order by accessed_at desc, id desc limit :limit
				""").param("crn", crn).param("limit", limit).query(Entry.class).list();
	}

}
