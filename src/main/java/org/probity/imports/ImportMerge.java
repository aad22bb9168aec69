package org.probity.imports;

import java.sql.Array;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.probity.shared.BulkWrites;

/**
 * Applies the typed rows of a clean file to their table as an upsert that leaves
 * identical rows alone, so that re-importing a file changes nothing.
 * <p>
 * A bulk load (a file that adds at least {@link #BULK_FRACTION} of the rows the table
 * already has, and at least {@link #MIN_BULK_ROWS} rows) would spend most of its time in
 * PostgreSQL's row-by-row foreign-key triggers and index insertions. For those the merge
 * drops the table's foreign keys and secondary indexes, as the catalog defines them,
 * writes the rows, and creates them again: ADD CONSTRAINT validates every row with one
 * set-based query, CREATE INDEX sorts once. All of it runs in the import's transaction
 * (DDL is transactional in PostgreSQL), so a failure anywhere rolls the constraints back
 * with the rows, and after a commit they are in force and validated as before. The cost:
 * ALTER TABLE holds an ACCESS EXCLUSIVE lock on the table and on the tables its foreign
 * keys reference until the import commits, so readers of those tables wait for a bulk
 * load.
 */
@Component
class ImportMerge {

	/**
	 * More changed events than this are reported as "everything changed": listeners then
	 * recompute everything, which is cheaper than a list this long.
	 */
	static final int MAX_CHANGED_EVENTS = 500_000;

	/**
	 * Below this many rows a file is merged row by row whatever the table's size: the DDL
	 * of a bulk load would cost more than it saves.
	 */
	static final long MIN_BULK_ROWS = 10_000;

	/**
	 * A file whose new rows number at least this fraction of the rows already in the
	 * table is loaded in bulk (see BENCHMARKS.md for the measurements behind it).
	 */
	static final double BULK_FRACTION = 0.25;

	/** How many keys of a large file are looked up to estimate how many rows it adds. */
	private static final int SAMPLED_KEYS = 20_000;

	private static final Logger log = LoggerFactory.getLogger(ImportMerge.class);

	private final JdbcClient jdbc;

	ImportMerge(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Merged(int inserted, int updated, Set<String> changedEventIds, LocalDate changedFrom, LocalDate changedTo) {
	}

	Merged merge(ExchangeFormat format, long stagedRows) {
		Load load = load(format, stagedRows);
		if (load == Load.ROW_BY_ROW) {
			return upsert(format, sql(format));
		}
		long t0 = System.nanoTime();
		List<String> recreate = BulkWrites.dropIndexes(this.jdbc, List.of(format.table()), true);
		long t1 = System.nanoTime();
		Merged merged = upsert(format, (load == Load.INTO_EMPTY_TABLE) ? insertSql(format) : sql(format));
		long t2 = System.nanoTime();
		this.jdbc.sql("set local maintenance_work_mem = '256MB'").update();
		for (String ddl : recreate) {
			this.jdbc.sql(ddl).update();
		}
		this.jdbc.sql("analyze " + format.table()).update();
		log.info(
				"Bulk load of {} ({}): dropped {} constraints and indexes in {} ms, wrote rows in {} ms,"
						+ " created and validated them again in {} ms",
				format.table(), load, recreate.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
				(System.nanoTime() - t2) / 1_000_000);
		return merged;
	}

	enum Load {

		/** An upsert with every foreign key and index in place. */
		ROW_BY_ROW,
		/**
		 * Foreign keys and secondary indexes dropped and re-created around the upsert.
		 */
		BULK,
		/** As BULK, and a plain insert: an empty table cannot conflict. */
		INTO_EMPTY_TABLE

	}

	/**
	 * How to load the file. The table is counted only up to the size that would make a
	 * bulk load pay, so a small file into a large table costs a scan of a few rows; only
	 * a large file into a large table pays for counting its new keys.
	 */
	Load load(ExchangeFormat format, long stagedRows) {
		if (stagedRows < MIN_BULK_ROWS) {
			return Load.ROW_BY_ROW;
		}
		long cap = (long) Math.ceil(stagedRows / BULK_FRACTION) + 1;
		long existing = this.jdbc.sql("select count(*) from (select from " + format.table() + " limit :cap) t")
			.param("cap", cap)
			.query(Long.class)
			.single();
		if (existing == 0) {
			return Load.INTO_EMPTY_TABLE;
		}
		if (existing >= cap) {
			return Load.ROW_BY_ROW;
		}
		// the share of new keys, from a sample of the file: looking up every key of a
		// large
		// re-import would cost seconds to learn that it adds nothing
		double percent = Math.min(100.0, 100.0 * SAMPLED_KEYS / stagedRows);
		double newShare = this.jdbc.sql("""
				select coalesce(avg(case when t.%2$s is null then 1.0 else 0.0 end), 0)
				from import_rows r tablesample bernoulli (cast(:percent as real)) repeatable (0)
				left join %1$s t on t.%2$s = r.%2$s
				""".formatted(format.table(), format.key())).param("percent", percent).query(Double.class).single();
		double added = newShare * stagedRows;
		return (added >= MIN_BULK_ROWS && added >= BULK_FRACTION * existing) ? Load.BULK : Load.ROW_BY_ROW;
	}

	private Merged upsert(ExchangeFormat format, String sql) {
		return this.jdbc.sql(sql).param("max", MAX_CHANGED_EVENTS).query((rs, n) -> {
			int inserted = rs.getInt("inserted");
			int updated = rs.getInt("updated");
			Array ids = rs.getArray("event_ids");
			Set<String> changed = null;
			if (inserted + updated == 0) {
				changed = Set.of();
			}
			else if (format.eventKeyed() && ids != null) {
				changed = new LinkedHashSet<>(Arrays.asList((String[]) ids.getArray()));
			}
			return new Merged(inserted, updated, changed, rs.getObject("changed_from", LocalDate.class),
					rs.getObject("changed_to", LocalDate.class));
		}).single();
	}

	static String sql(ExchangeFormat format) {
		String table = format.table();
		String columns = String.join(", ", format.columnNames());
		var others = format.columnNames().stream().filter((c) -> !c.equals(format.key())).toList();
		String set = others.stream().map((c) -> c + " = excluded." + c).collect(Collectors.joining(", "));
		String mine = others.stream().map((c) -> table + "." + c).collect(Collectors.joining(", "));
		String theirs = others.stream().map((c) -> "excluded." + c).collect(Collectors.joining(", "));
		// Every statement of one WITH reads the same snapshot, so "was" still holds an
		// updated row as it was: its old event and date changed too.
		return """
				with changed as (
				    insert into %1$s (%2$s)
				    select %2$s from import_rows
				    on conflict (%3$s) do update set %4$s
				    where row(%5$s) is distinct from row(%6$s)
				    returning (xmax = 0) as inserted, %1$s.%3$s as row_key, %7$s as event_id, %8$s as dated
				),
				touched as (
				    select event_id, dated from changed
				    union all
				    select %9$s, %10$s from %1$s was join changed c on c.row_key = was.%3$s where not c.inserted
				)
				select (select count(*) from changed where inserted) as inserted,
				       (select count(*) from changed where not inserted) as updated,
				""".formatted(table, columns, format.key(), set, mine, theirs, eventId(format, table),
				dated(format, table), eventId(format, "was"), dated(format, "was")) + SUMMARY;
	}

	/** For an empty table: every row is new, so no conflict to look for. */
	static String insertSql(ExchangeFormat format) {
		String table = format.table();
		String columns = String.join(", ", format.columnNames());
		return """
				with touched as (
				    insert into %1$s (%2$s)
				    select %2$s from import_rows
				    returning %3$s as event_id, %4$s as dated
				)
				select count(*) as inserted, 0 as updated,
				""".formatted(table, columns, eventId(format, table), dated(format, table)) + SUMMARY;
	}

	/** The changed events (unless too many to list) and the dates the changes span. */
	private static final String SUMMARY = """
			       case when count(distinct event_id) between 1 and :max
			            then array_agg(distinct event_id) filter (where event_id is not null) end as event_ids,
			       min(dated) as changed_from, max(dated) as changed_to
			from touched
			""";

	private static String eventId(ExchangeFormat format, String table) {
		return format.eventKeyed() ? table + ".event_id" : "null::text";
	}

	private static String dated(ExchangeFormat format, String table) {
		return format.dateColumn().map((c) -> "cast(" + table + "." + c + " as date)").orElse("null::date");
	}

}
