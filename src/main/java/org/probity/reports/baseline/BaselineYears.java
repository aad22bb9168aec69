package org.probity.reports.baseline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.probity.reports.archive.ReportRefused;
import org.probity.shared.Clocks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contract's baseline year (issue #15, point 4), set by an administrator; every
 * change is kept with who made it and why. A stale version is refused, never overwritten.
 */
@Service
public class BaselineYears {

	/** The baseline year in force and the row's version (0 when none was ever set). */
	public record Baseline(Integer year, int version, Instant setAt, String setBy) {

		static final Baseline NONE = new Baseline(null, 0, null, null);

	}

	/** One change of the baseline year. */
	public record Change(Instant at, String by, Integer from, int to, String reason) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	BaselineYears(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Baseline current() {
		return this.jdbc.sql("select baseline_year, version, set_at, set_by from report_baseline")
			.query((rs, n) -> new Baseline(rs.getInt(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
			.optional()
			.orElse(Baseline.NONE);
	}

	public Optional<Integer> year() {
		return Optional.ofNullable(current().year());
	}

	/**
	 * Sets the baseline year: a whole year that has ended (its figures are complete), as
	 * of {@code expectedVersion} (0 when none is set yet).
	 */
	@Transactional
	public Baseline set(int year, int expectedVersion, String reason, String username) {
		int thisYear = LocalDate.now(this.clock.withZone(Clocks.LONDON)).getYear();
		if (year < 2000 || year >= thisYear) {
			throw new ReportRefused(ReportRefused.Kind.NOT_ALLOWED,
					"The baseline year must be a year that has ended, from 2000 to " + (thisYear - 1));
		}
		Baseline before = current();
		if (before.version() != expectedVersion) {
			throw stale();
		}
		if (before.year() != null && before.year() == year) {
			return before;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		int changed = (before.year() == null) ? this.jdbc.sql("""
				insert into report_baseline (baseline_year, version, set_at, set_by) values (:year, 1, :now, :by)
				on conflict (only_row) do nothing
				""").param("year", year).param("now", now).param("by", username).update() : this.jdbc.sql("""
				update report_baseline set baseline_year = :year, version = version + 1, set_at = :now, set_by = :by
				where version = :version
				""")
			.param("year", year)
			.param("now", now)
			.param("by", username)
			.param("version", expectedVersion)
			.update();
		if (changed == 0) {
			throw stale();
		}
		this.jdbc.sql("""
				insert into report_baseline_history (changed_at, changed_by, from_year, to_year, reason)
				values (:now, :by, :from, :to, :reason)
				""")
			.param("now", now)
			.param("by", username)
			.param("from", before.year(), java.sql.Types.INTEGER)
			.param("to", year)
			.param("reason", (reason == null || reason.isBlank()) ? null : reason.strip())
			.update();
		return current();
	}

	@Transactional(readOnly = true)
	public List<Change> history() {
		return this.jdbc.sql("""
				select changed_at, changed_by, from_year, to_year, reason from report_baseline_history
				order by changed_at desc
				""")
			.query((rs, n) -> new Change(rs.getTimestamp(1).toInstant(), rs.getString(2), (Integer) rs.getObject(3),
					rs.getInt(4), rs.getString(5)))
			.list();
	}

	private static ReportRefused stale() {
		return new ReportRefused(ReportRefused.Kind.STALE,
				"Someone else changed the baseline year since you opened it: check it and try again");
	}

}
