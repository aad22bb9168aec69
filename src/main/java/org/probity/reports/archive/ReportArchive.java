package org.probity.reports.archive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.probity.shared.UnitCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The archive of report versions (table {@code report}) and their workflow. Content is
 * JSON frozen by the caller; once a version leaves DRAFT its content never changes. A
 * re-issue of an approved report is a new issue, with its reason, that goes through the
 * workflow again; approving it supersedes the issue before it. Every status change is
 * written to {@code report_history}. Stale versions are refused, not overwritten.
 */
@Repository
public class ReportArchive {

	private static final String COLUMNS = """
			report_id, kind, period, unit_code, issue, status, version, title, due_on, content::text as content,
			reissue_reason, created_at, created_by, submitted_at, submitted_by, approved_at, approved_by
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	ReportArchive(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A new report, first issue, in DRAFT (for the pack) or ISSUED (scheduled reports).
	 */
	@Transactional
	public StoredReport create(ReportKind kind, String period, UnitCode unit, String title, LocalDate dueOn,
			String contentJson, ReportStatus status, String username) {
		return create(kind, period, unit, title, dueOn, contentJson, status, username, this.clock.instant());
	}

	/**
	 * As
	 * {@link #create(ReportKind, String, UnitCode, String, LocalDate, String, ReportStatus, String)},
	 * made at a past time: a scheduled report as the job issued it on its date (the
	 * demo's history). Whether it was late is read from that time, so it may not be after
	 * now.
	 */
	@Transactional
	public StoredReport create(ReportKind kind, String period, UnitCode unit, String title, LocalDate dueOn,
			String contentJson, ReportStatus status, String username, Instant createdAt) {
		if (createdAt.isAfter(this.clock.instant())) {
			throw new IllegalArgumentException("A report cannot be made after now: " + createdAt);
		}
		if (status != ReportStatus.DRAFT && status != ReportStatus.ISSUED) {
			throw new IllegalArgumentException("A report starts as a draft or issued, not " + status);
		}
		long id = this.jdbc
			.sql("""
					insert into report (kind, period, unit_code, issue, status, title, due_on, content, created_at, created_by)
					values (:kind, :period, :unit, 1, :status, :title, :due, :content::jsonb, :now, :by)
					returning report_id
					""")
			.param("kind", kind.name())
			.param("period", period)
			.param("unit", unit.value())
			.param("status", status.name())
			.param("title", title)
			.param("due", dueOn)
			.param("content", contentJson)
			.param("now", Timestamp.from(createdAt))
			.param("by", username)
			.query(Long.class)
			.single();
		record(id, username, null, status, null, Timestamp.from(createdAt));
		return require(id);
	}

	/** The latest issue of a report of this kind, period and unit, if any. */
	public Optional<StoredReport> latest(ReportKind kind, String period, UnitCode unit) {
		return this.jdbc.sql("select " + COLUMNS
				+ " from report where kind = :kind and period = :period and unit_code = :unit order by issue desc limit 1")
			.param("kind", kind.name())
			.param("period", period)
			.param("unit", unit.value())
			.query(ReportArchive::map)
			.optional();
	}

	public Optional<StoredReport> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from report where report_id = :id")
			.param("id", id)
			.query(ReportArchive::map)
			.optional();
	}

	/** Reports, newest period first, optionally of one kind. */
	public List<StoredReport> list(ReportKind kind, int limit, int offset) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from report where (cast(:kind as text) is null or kind = :kind)
				order by period desc, kind, unit_code, issue desc limit :limit offset :offset
				""")
			.param("kind", kind == null ? null : kind.name())
			.param("limit", limit)
			.param("offset", offset)
			.query(ReportArchive::map)
			.list();
	}

	public long count(ReportKind kind) {
		return this.jdbc.sql("select count(*) from report where (cast(:kind as text) is null or kind = :kind)")
			.param("kind", kind == null ? null : kind.name())
			.query(Long.class)
			.single();
	}

	/**
	 * Reports of the given kinds (null: every kind) and units (null: every unit), newest
	 * period first: the reports list as a reader may see it.
	 */
	public List<StoredReport> list(java.util.Collection<ReportKind> kinds, java.util.Collection<String> units,
			int limit, int offset) {
		return this.jdbc.sql("select " + COLUMNS + " from report where " + SCOPED + """
				 order by period desc, kind, unit_code, issue desc, report_id desc limit :limit offset :offset
				""")
			.param("kinds", names(kinds), java.sql.Types.ARRAY)
			.param("units", (units == null) ? null : units.toArray(String[]::new), java.sql.Types.ARRAY)
			.param("limit", limit)
			.param("offset", offset)
			.query(ReportArchive::map)
			.list();
	}

	public long count(java.util.Collection<ReportKind> kinds, java.util.Collection<String> units) {
		return this.jdbc.sql("select count(*) from report where " + SCOPED)
			.param("kinds", names(kinds), java.sql.Types.ARRAY)
			.param("units", (units == null) ? null : units.toArray(String[]::new), java.sql.Types.ARRAY)
			.query(Long.class)
			.single();
	}

	private static final String SCOPED = """
			(cast(:kinds as text[]) is null or kind = any (cast(:kinds as text[])))
			and (cast(:units as text[]) is null or unit_code = any (cast(:units as text[])))
			""";

	private static String[] names(java.util.Collection<ReportKind> kinds) {
		return (kinds == null) ? null : kinds.stream().map(ReportKind::name).toArray(String[]::new);
	}

	/** Replaces a draft's content (regenerated, or commentary written). */
	@Transactional
	public StoredReport replaceDraft(long id, int expectedVersion, String contentJson, String username) {
		StoredReport report = require(id);
		checkVersion(report, expectedVersion);
		if (report.status() != ReportStatus.DRAFT) {
			throw new ReportRefused(ReportRefused.Kind.NOT_ALLOWED,
					"This report is " + report.status().words().toLowerCase() + ": its content can no longer change");
		}
		int changed = this.jdbc.sql("""
				update report set content = :content::jsonb, version = version + 1
				where report_id = :id and version = :version
				""").param("content", contentJson).param("id", id).param("version", expectedVersion).update();
		if (changed == 0) {
			throw stale();
		}
		return require(id);
	}

	/**
	 * Moves a report along its workflow: DRAFT to SUBMITTED, SUBMITTED to APPROVED or
	 * back to DRAFT. Approving an issue supersedes the approved issue before it.
	 */
	@Transactional
	public StoredReport transition(long id, int expectedVersion, ReportStatus to, String username, String note) {
		StoredReport report = require(id);
		checkVersion(report, expectedVersion);
		boolean allowed = switch (to) {
			case SUBMITTED -> report.status() == ReportStatus.DRAFT;
			case APPROVED -> report.status() == ReportStatus.SUBMITTED;
			case DRAFT -> report.status() == ReportStatus.SUBMITTED;
			default -> false;
		};
		if (!allowed) {
			throw new ReportRefused(ReportRefused.Kind.NOT_ALLOWED, "A report that is "
					+ report.status().words().toLowerCase() + " cannot be made " + to.words().toLowerCase());
		}
		Timestamp now = now();
		int changed = this.jdbc.sql("""
				update report set status = :to, version = version + 1,
				  submitted_at = case when :to = 'SUBMITTED' then :now else submitted_at end,
				  submitted_by = case when :to = 'SUBMITTED' then :by else submitted_by end,
				  approved_at = case when :to = 'APPROVED' then :now else approved_at end,
				  approved_by = case when :to = 'APPROVED' then :by else approved_by end
				where report_id = :id and version = :version
				""")
			.param("to", to.name())
			.param("now", now)
			.param("by", username)
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (changed == 0) {
			throw stale();
		}
		record(id, username, report.status(), to, note);
		if (to == ReportStatus.APPROVED) {
			this.jdbc
				.sql("""
						select report_id from report
						where kind = :kind and period = :period and unit_code = :unit and issue < :issue and status = 'APPROVED'
						""")
				.param("kind", report.kind().name())
				.param("period", report.period())
				.param("unit", report.unit().value())
				.param("issue", report.issue())
				.query(Long.class)
				.list()
				.forEach((earlier) -> {
					this.jdbc
						.sql("update report set status = 'SUPERSEDED', version = version + 1 where report_id = :id")
						.param("id", earlier)
						.update();
					record(earlier, username, ReportStatus.APPROVED, ReportStatus.SUPERSEDED,
							"Superseded by issue " + report.issue());
				});
		}
		return require(id);
	}

	/**
	 * A re-issue of an approved report: a new issue in DRAFT with fresh content and its
	 * reason; the approved issue stays as it was until the re-issue is approved.
	 */
	@Transactional
	public StoredReport reissue(long id, String reason, String contentJson, String username) {
		StoredReport report = require(id);
		if (report.status() != ReportStatus.APPROVED) {
			throw new ReportRefused(ReportRefused.Kind.NOT_ALLOWED, "Only an approved report can be re-issued");
		}
		if (reason == null || reason.isBlank()) {
			throw new ReportRefused(ReportRefused.Kind.NOT_ALLOWED, "Enter the reason for the re-issue");
		}
		StoredReport latest = latest(report.kind(), report.period(), report.unit()).orElseThrow();
		if (latest.issue() != report.issue()) {
			throw new ReportRefused(ReportRefused.Kind.NOT_ALLOWED,
					"Issue " + latest.issue() + " of this report already exists");
		}
		long newId = this.jdbc.sql("""
				insert into report (kind, period, unit_code, issue, status, title, due_on, content, reissue_reason,
				                    created_at, created_by)
				values (:kind, :period, :unit, :issue, 'DRAFT', :title, :due, :content::jsonb, :reason, :now, :by)
				returning report_id
				""")
			.param("kind", report.kind().name())
			.param("period", report.period())
			.param("unit", report.unit().value())
			.param("issue", report.issue() + 1)
			.param("title", report.title())
			.param("due", report.dueOn())
			.param("content", contentJson)
			.param("reason", reason.strip())
			.param("now", now())
			.param("by", username)
			.query(Long.class)
			.single();
		record(newId, username, null, ReportStatus.DRAFT,
				"Re-issue of issue " + report.issue() + ": " + reason.strip());
		return require(newId);
	}

	public List<StoredReport.Change> history(long id) {
		return this.jdbc.sql("""
				select changed_at, changed_by, from_status, to_status, note from report_history
				where report_id = :id order by changed_at, to_status
				""")
			.param("id", id)
			.query((rs, n) -> new StoredReport.Change(rs.getTimestamp("changed_at").toInstant(),
					rs.getString("changed_by"),
					rs.getString("from_status") == null ? null : ReportStatus.valueOf(rs.getString("from_status")),
					ReportStatus.valueOf(rs.getString("to_status")), rs.getString("note")))
			.list();
	}

	private StoredReport require(long id) {
		return find(id).orElseThrow(() -> new ReportRefused(ReportRefused.Kind.NOT_FOUND, "There is no report " + id));
	}

	private static void checkVersion(StoredReport report, int expectedVersion) {
		if (report.version() != expectedVersion) {
			throw stale();
		}
	}

	private static ReportRefused stale() {
		return new ReportRefused(ReportRefused.Kind.STALE,
				"Someone else changed this report since you opened it: reload it and try again");
	}

	private void record(long id, String username, ReportStatus from, ReportStatus to, String note) {
		record(id, username, from, to, note, now());
	}

	private void record(long id, String username, ReportStatus from, ReportStatus to, String note, Timestamp at) {
		this.jdbc.sql("""
				insert into report_history (report_id, changed_at, changed_by, from_status, to_status, note)
				values (:id, :now, :by, :from, :to, :note)
				""")
			.param("id", id)
			.param("now", at)
			.param("by", username)
			.param("from", from == null ? null : from.name())
			.param("to", to.name())
			.param("note", note)
			.update();
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	private static StoredReport map(ResultSet rs, int row) throws SQLException {
		return new StoredReport(rs.getLong("report_id"), ReportKind.valueOf(rs.getString("kind")),
				rs.getString("period"), new UnitCode(rs.getString("unit_code")), rs.getInt("issue"),
				ReportStatus.valueOf(rs.getString("status")), rs.getInt("version"), rs.getString("title"),
				rs.getObject("due_on", LocalDate.class), rs.getString("content"), rs.getString("reissue_reason"),
				instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "submitted_at"),
				rs.getString("submitted_by"), instant(rs, "approved_at"), rs.getString("approved_by"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
