package org.probity.imports;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.probity.imports.ImportRun.Outcome;

/** The history of imports, newest first. */
@Service
public class ImportHistory {

	private final JdbcClient jdbc;

	private final Clock clock;

	ImportHistory(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Instant now() {
		return this.clock.instant();
	}

	public record Page(List<ImportRun> runs, int page, int size, long total) {

		public int pages() {
			return (int) Math.max(1, (this.total + this.size - 1) / this.size);
		}

	}

	@Transactional(readOnly = true)
	public Page page(int page, int size) {
		int safePage = Math.max(0, page);
		int safeSize = Math.clamp(size, 1, 200);
		List<ImportRun> runs = this.jdbc
			.sql("""
					select id, dataset, username, started_at, finished_at, outcome, rows, inserted, updated, error_count, file_name
					from import_run order by started_at desc, id desc limit :size offset :offset
					""")
			.param("size", safeSize)
			.param("offset", (long) safePage * safeSize)
			.query(ImportRun.class)
			.list();
		long total = this.jdbc.sql("select count(*) from import_run").query(Long.class).single();
		return new Page(runs, safePage, safeSize, total);
	}

	@Transactional(readOnly = true)
	public Optional<ImportRun> find(long id) {
		return this.jdbc
			.sql("""
					select id, dataset, username, started_at, finished_at, outcome, rows, inserted, updated, error_count, file_name
					from import_run where id = :id
					""")
			.param("id", id)
			.query(ImportRun.class)
			.optional();
	}

	/** Records a finished import in the current transaction. */
	long record(Dataset dataset, String username, String fileName, Instant startedAt, Instant finishedAt,
			Outcome outcome, long rows, int inserted, int updated, long errorCount) {
		return this.jdbc
			.sql("""
					insert into import_run (dataset, username, started_at, finished_at, outcome, rows, inserted, updated, error_count, file_name)
					values (:dataset, :username, :startedAt, :finishedAt, :outcome, :rows, :inserted, :updated, :errorCount, :fileName)
					returning id
					""")
			.param("dataset", dataset.name())
			.param("username", username)
			.param("startedAt", java.sql.Timestamp.from(startedAt))
			.param("finishedAt", java.sql.Timestamp.from(finishedAt))
			.param("outcome", outcome.name())
			.param("rows", rows)
			.param("inserted", inserted)
			.param("updated", updated)
			.param("errorCount", errorCount)
			.param("fileName", fileName)
			.query(Long.class)
			.single();
	}

}
