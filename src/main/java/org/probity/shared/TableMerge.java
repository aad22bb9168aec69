package org.probity.shared;

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

/**
 * Merges staged rows into a table as an upsert that leaves identical rows alone, so that
 * writing the same rows twice changes nothing. The engine behind the owners' write
 * facades ({@code cases.CaseTables}, {@code estate.EstateTables}): it holds no table name
 * itself, each owner names its own tables ({@link Table}), so that a table is written
 * only through the module that owns it (TableOwnershipTests).
 * <p>
 * A bulk load (rows that add at least {@link #BULK_FRACTION} of the rows the table
 * already has, and at least {@link #MIN_BULK_ROWS} rows) would spend most of its time in
 * PostgreSQL's row-by-row foreign-key triggers and index insertions. For those the merge
 * drops the table's foreign keys and secondary indexes, as the catalog defines them,
 * writes the rows, and creates them again: ADD CONSTRAINT validates every row with one
 * set-based query, CREATE INDEX sorts once. All of it runs in the caller's transaction
 * (DDL is transactional in PostgreSQL), so a failure anywhere rolls the constraints back
 * with the rows, and after a commit they are in force and validated as before. The cost:
 * ALTER TABLE holds an ACCESS EXCLUSIVE lock on the table and on the tables its foreign
 * keys reference until the caller commits, so readers of those tables wait for a bulk
 * load (BENCHMARKS.md, "import").
 */
@Component
public class TableMerge {

	/**
	 * More changed events than this are reported as "everything changed": listeners then
	 * recompute everything, which is cheaper than a list this long.
	 */
	public static final int MAX_CHANGED_EVENTS = 500_000;

	/**
	 * Below this many rows a file is merged row by row whatever the table's size: the DDL
	 * of a bulk load would cost more than it saves.
	 */
	public static final long MIN_BULK_ROWS = 10_000;

	/**
	 * Rows whose new rows number at least this fraction of the rows already in the table
	 * are loaded in bulk (see BENCHMARKS.md for the measurements behind it).
	 */
	public static final double BULK_FRACTION = 0.25;

	/** How many keys of a large file are looked up to estimate how many rows it adds. */
	private static final int SAMPLED_KEYS = 20_000;

	private static final Logger log = LoggerFactory.getLogger(TableMerge.class);

	private final JdbcClient jdbc;

	TableMerge(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A table as its owner describes it for a merge.
	 *
	 * @param name the table
	 * @param key its primary key column, the key of the upsert
	 * @param columns the columns written, named alike in the staged rows
	 * @param eventColumn the column that names the event a row belongs to, so that the
	 * merge reports which events changed; {@code null} for tables whose rows belong to no
	 * one event (a change there may touch every case)
	 * @param dateColumn the column that dates a row, so that the merge reports which
	 * dates the change spans; {@code null} when no column bounds what changed
	 */
	public record Table(String name, String key, List<String> columns, String eventColumn, String dateColumn) {

		public Table {
			columns = List.copyOf(columns);
		}

	}

	/**
	 * What a merge did.
	 *
	 * @param changedEventIds the events whose rows changed; {@code null} when too many to
	 * list or when the table's rows belong to no one event; empty when nothing changed
	 * @param changedFrom the earliest date of a changed row, before or after the change
	 * (null when the table has no date column or nothing changed)
	 * @param changedTo the latest such date
	 */
	public record Merged(int inserted, int updated, Set<EventId> changedEventIds, LocalDate changedFrom,
			LocalDate changedTo) {
	}

	/**
	 * Merges the rows of {@code staged} (a temporary table with the table's columns,
	 * already typed and checked) into the table, in the caller's transaction.
	 */
	public Merged merge(Table table, String staged, long stagedRows) {
		Load load = load(table, staged, stagedRows);
		if (load == Load.ROW_BY_ROW) {
			return upsert(table, sql(table, staged));
		}
		long t0 = System.nanoTime();
		List<String> recreate = BulkWrites.dropIndexes(this.jdbc, List.of(table.name()), true);
		long t1 = System.nanoTime();
		Merged merged = upsert(table, (load == Load.INTO_EMPTY_TABLE) ? insertSql(table, staged) : sql(table, staged));
		long t2 = System.nanoTime();
		this.jdbc.sql("set local maintenance_work_mem = '256MB'").update();
		for (String ddl : recreate) {
			this.jdbc.sql(ddl).update();
		}
		this.jdbc.sql("analyze " + table.name()).update();
		log.info(
				"Bulk load of {} ({}): dropped {} constraints and indexes in {} ms, wrote rows in {} ms,"
						+ " created and validated them again in {} ms",
				table.name(), load, recreate.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
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
	 * How to load the rows. The table is counted only up to the size that would make a
	 * bulk load pay, so a small file into a large table costs a scan of a few rows; only
	 * a large file into a large table pays for counting its new keys.
	 */
	Load load(Table table, String staged, long stagedRows) {
		if (stagedRows < MIN_BULK_ROWS) {
			return Load.ROW_BY_ROW;
		}
		long cap = (long) Math.ceil(stagedRows / BULK_FRACTION) + 1;
		long existing = this.jdbc.sql("select count(*) from (select from " + table.name() + " limit :cap) t")
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
		// large re-import would cost seconds to learn that it adds nothing
		double percent = Math.min(100.0, 100.0 * SAMPLED_KEYS / stagedRows);
		double newShare = this.jdbc.sql("""
				select coalesce(avg(case when t.%2$s is null then 1.0 else 0.0 end), 0)
				from %3$s r tablesample bernoulli (cast(:percent as real)) repeatable (0)
				left join %1$s t on t.%2$s = r.%2$s
				""".formatted(table.name(), table.key(), staged))
			.param("percent", percent)
			.query(Double.class)
			.single();
		double added = newShare * stagedRows;
		return (added >= MIN_BULK_ROWS && added >= BULK_FRACTION * existing) ? Load.BULK : Load.ROW_BY_ROW;
	}

	private Merged upsert(Table table, String sql) {
		return this.jdbc.sql(sql).param("max", MAX_CHANGED_EVENTS).query((rs, n) -> {
			int inserted = rs.getInt("inserted");
			int updated = rs.getInt("updated");
			Array ids = rs.getArray("event_ids");
			Set<EventId> changed = null;
			if (inserted + updated == 0) {
				changed = Set.of();
			}
			else if (table.eventColumn() != null && ids != null) {
				changed = eventIds((String[]) ids.getArray());
			}
			return new Merged(inserted, updated, changed, rs.getObject("changed_from", LocalDate.class),
					rs.getObject("changed_to", LocalDate.class));
		}).single();
	}

	/**
	 * The changed events, or null ("everything may have changed") should a stored id not
	 * be of the form an {@link EventId} takes: listeners then recompute everything rather
	 * than miss the event.
	 */
	private static Set<EventId> eventIds(String[] ids) {
		if (!Arrays.stream(ids).allMatch(EventId::isValid)) {
			return null;
		}
		return Arrays.stream(ids).map(EventId::new).collect(Collectors.toCollection(LinkedHashSet::new));
	}

	static String sql(Table table, String staged) {
		String name = table.name();
		String columns = String.join(", ", table.columns());
		var others = table.columns().stream().filter((c) -> !c.equals(table.key())).toList();
		String set = others.stream().map((c) -> c + " = excluded." + c).collect(Collectors.joining(", "));
		String mine = others.stream().map((c) -> name + "." + c).collect(Collectors.joining(", "));
		String theirs = others.stream().map((c) -> "excluded." + c).collect(Collectors.joining(", "));
		// Every statement of one WITH reads the same snapshot, so "was" still holds an
		// updated row as it was: its old event and date changed too.
		return """
				with changed as (
				    insert into %1$s (%2$s)
				    select %2$s from %11$s
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
				""".formatted(name, columns, table.key(), set, mine, theirs, eventId(table, name), dated(table, name),
				eventId(table, "was"), dated(table, "was"), staged) + SUMMARY;
	}

	/** For an empty table: every row is new, so no conflict to look for. */
	static String insertSql(Table table, String staged) {
		String name = table.name();
		String columns = String.join(", ", table.columns());
		return """
				with touched as (
				    insert into %1$s (%2$s)
				    select %2$s from %5$s
				    returning %3$s as event_id, %4$s as dated
				)
				select count(*) as inserted, 0 as updated,
				""".formatted(name, columns, eventId(table, name), dated(table, name), staged) + SUMMARY;
	}

	/** The changed events (unless too many to list) and the dates the changes span. */
	private static final String SUMMARY = """
			       case when count(distinct event_id) between 1 and :max
			            then array_agg(distinct event_id) filter (where event_id is not null) end as event_ids,
			       min(dated) as changed_from, max(dated) as changed_to
			from touched
			""";

	private static String eventId(Table table, String alias) {
		return (table.eventColumn() != null) ? alias + "." + table.eventColumn() : "null::text";
	}

	private static String dated(Table table, String alias) {
		return (table.dateColumn() != null) ? "cast(" + alias + "." + table.dateColumn() + " as date)" : "null::date";
	}

}
