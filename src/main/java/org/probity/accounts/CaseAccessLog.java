package org.probity.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.probity.shared.Clocks;
import org.probity.shared.Crn;
import org.probity.shared.Dates;
import org.probity.shared.OwnTransactions;
import org.probity.shared.StaffCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every opening of a case (and every refusal), and every list or export that showed
 * cases, kept for the data protection audit.
 */
@Service
public class CaseAccessLog {

	public enum Outcome {

		OPENED, LISTED, REFUSED_RESTRICTED, REFUSED_OUT_OF_SCOPE,

		/**
		 * A subject access request disclosed everything held about the case or the member
		 * of staff (restricted cases included: a legal duty).
		 */
		SUBJECT_ACCESS

	}

	/**
	 * One entry: a single case ({@code crn}), or the cases a list or export showed
	 * ({@code crns}), or a member of staff's personnel record ({@code staffCode});
	 * {@code shown} says which page or export it was, when known.
	 */
	public record Entry(String username, String crn, List<String> crns, String shown, Instant accessedAt,
			Outcome outcome, String staffCode, String staffName) {

		/** The cases the entry names. */
		public List<String> cases() {
			return (this.crn != null) ? List.of(this.crn) : this.crns;
		}

		/** When, in London time, as pages write it: "2 April 2024 at 2:30pm". */
		public String when() {
			return Dates.format(this.accessedAt.atZone(Clocks.LONDON).toLocalDateTime());
		}

	}

	private final JdbcClient jdbc;

	private final OwnTransactions own;

	private final Clock clock;

	CaseAccessLog(JdbcClient jdbc, OwnTransactions own, Clock clock) {
		this.jdbc = jdbc;
		this.own = own;
		this.clock = clock;
	}

	/**
	 * Written in its own transaction ({@link OwnTransactions}) so that a refusal is
	 * logged even when the request fails.
	 */
	public void record(String username, Crn crn, Outcome outcome) {
		this.own.write((jdbc) -> insert(jdbc, username, crn.value(), null, null, outcome));
	}

	/**
	 * A list or export showed these cases ({@code LISTED}), or showed them only as
	 * restricted ({@code REFUSED_RESTRICTED}): one entry names them all. In its own
	 * transaction, as {@link #record} is.
	 */
	public void recordList(String username, String shown, List<Crn> crns, Outcome outcome) {
		if (crns.size() == 1) {
			this.own.write((jdbc) -> insert(jdbc, username, crns.get(0).value(), null, shown, outcome));
		}
		else if (!crns.isEmpty()) {
			this.own.write((jdbc) -> insert(jdbc, username, null, crns.stream().map(Crn::value).toArray(String[]::new),
					shown, outcome));
		}
	}

	/**
	 * An opening (or refusal) of a member of staff's personnel record: their performance,
	 * ratings and improvement plans. In its own transaction, as {@link #record} is.
	 */
	public void recordPersonnel(String username, StaffCode staffCode, Outcome outcome) {
		this.own.write((jdbc) -> jdbc.sql("""
				insert into case_access_log (username, staff_code, shown, accessed_at, outcome)
				values (:u, :staff, 'Personnel record', :at, :outcome)
				""")
			.param("u", username)
			.param("staff", staffCode.value())
			.param("at", Timestamp.from(this.clock.instant()))
			.param("outcome", outcome.name())
			.update());
	}

	/**
	 * A subject access request about a case ({@code crn}) or a member of staff
	 * ({@code staffCode}), the other null; {@code shown} says what it gave. In its own
	 * transaction, as {@link #record} is.
	 */
	public void recordSubjectAccess(String username, Crn crn, StaffCode staffCode, String shown) {
		this.own.write((jdbc) -> jdbc.sql("""
				insert into case_access_log (username, crn, staff_code, shown, accessed_at, outcome)
				values (:u, :crn, :staff, :shown, :at, 'SUBJECT_ACCESS')
				""")
			.param("u", username)
			.param("crn", (crn != null) ? crn.value() : null, Types.CHAR)
			.param("staff", (staffCode != null) ? staffCode.value() : null, Types.CHAR)
			.param("shown", shown)
			.param("at", Timestamp.from(this.clock.instant()))
			.update());
	}

	private void insert(JdbcClient jdbc, String username, String crn, String[] crns, String shown, Outcome outcome) {
		jdbc.sql("""
				insert into case_access_log (username, crn, crns, shown, accessed_at, outcome)
				values (:u, :crn, :crns, :shown, :at, :outcome)
				""")
			.param("u", username)
			.param("crn", crn, Types.CHAR)
			.param("crns", crns, Types.ARRAY)
			.param("shown", shown, Types.VARCHAR)
			.param("at", Timestamp.from(this.clock.instant()))
			.param("outcome", outcome.name())
			.update();
	}

	/** A page of the log, newest first. */
	public record Page(List<Entry> entries, long total, int page, int pageSize) {

		public int pages() {
			return (int) Math.max(1, (this.total + this.pageSize - 1) / this.pageSize);
		}

	}

	/** A page of the log, filtered by a case it names and by user when they are given. */
	@Transactional(readOnly = true)
	public Page page(String crn, String username, int page, int pageSize) {
		String crnFilter = (crn == null || crn.isBlank()) ? null : crn.strip().toUpperCase(Locale.UK);
		String userFilter = (username == null || username.isBlank()) ? null : username.strip();
		String where = """
				where (cast(:crn as text) is null or crn = :crn or crns @> array[cast(:crn as text)] or staff_code = :crn)
				  and (cast(:u as text) is null or username = :u)
				""";
		long total = this.jdbc.sql("select count(*) from case_access_log " + where)
			.param("crn", crnFilter, Types.VARCHAR)
			.param("u", userFilter, Types.VARCHAR)
			.query(Long.class)
			.single();
		int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
		int current = Math.min(Math.max(page, 1), pages);
		List<Entry> entries = this.jdbc
			.sql("""
					select username, crn, crns, shown, accessed_at, outcome, staff_code,
					       (select s.forename || ' ' || s.surname from estate_staff s where s.staff_code = l.staff_code) as staff_name
					from case_access_log l
					%s
					order by accessed_at desc, id desc limit :limit offset :offset
					"""
				.formatted(where))
			.param("crn", crnFilter, Types.VARCHAR)
			.param("u", userFilter, Types.VARCHAR)
			.param("limit", pageSize)
			.param("offset", (current - 1) * pageSize)
			.query(CaseAccessLog::entry)
			.list();
		return new Page(entries, total, current, pageSize);
	}

	/** The latest entries that name the case. */
	@Transactional(readOnly = true)
	public List<Entry> forCase(Crn crn, int limit) {
		return this.jdbc
			.sql("""
					select username, crn, crns, shown, accessed_at, outcome, staff_code, null as staff_name from case_access_log
					where crn = :crn or crns @> array[cast(:crn as text)]
					order by accessed_at desc, id desc limit :limit
					""")
			.param("crn", crn.value())
			.param("limit", limit)
			.query(CaseAccessLog::entry)
			.list();
	}

	private static Entry entry(ResultSet rs, int n) throws SQLException {
		java.sql.Array crns = rs.getArray("crns");
		return new Entry(rs.getString("username"), rs.getString("crn"),
				(crns != null) ? List.of((String[]) crns.getArray()) : List.of(), rs.getString("shown"),
				rs.getTimestamp("accessed_at").toInstant(), Outcome.valueOf(rs.getString("outcome")),
				rs.getString("staff_code"), rs.getString("staff_name"));
	}

}
