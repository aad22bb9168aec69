package org.probity.imports;

import java.sql.Array;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies the typed rows of a clean file to their table as an upsert that leaves
 * identical rows alone, so that re-importing a file changes nothing.
 */
@Component
class ImportMerge {

	/**
	 * More changed events than this are reported as "everything changed": listeners then
	 * recompute everything, which is cheaper than a list this long.
	 */
	static final int MAX_CHANGED_EVENTS = 100_000;

	private final JdbcClient jdbc;

	ImportMerge(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Merged(int inserted, int updated, Set<String> changedEventIds) {
	}

	Merged merge(ExchangeFormat format) {
		return this.jdbc.sql(sql(format)).param("max", MAX_CHANGED_EVENTS).query((rs, n) -> {
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
			return new Merged(inserted, updated, changed);
		}).single();
	}

	static String sql(ExchangeFormat format) {
		String table = format.table();
		String columns = String.join(", ", format.columnNames());
		var others = format.columnNames().stream().filter((c) -> !c.equals(format.key())).toList();
		String set = others.stream().map((c) -> c + " = excluded." + c).collect(Collectors.joining(", "));
		String mine = others.stream().map((c) -> table + "." + c).collect(Collectors.joining(", "));
		String theirs = others.stream().map((c) -> "excluded." + c).collect(Collectors.joining(", "));
		String eventId = format.eventKeyed() ? table + ".event_id" : "null::text";
		return """
				with changed as (
				    insert into %1$s (%2$s)
				    select %2$s from import_rows
				    on conflict (%3$s) do update set %4$s
				    where row(%5$s) is distinct from row(%6$s)
				    returning (xmax = 0) as inserted, %7$s as event_id
				)
				select count(*) filter (where inserted) as inserted,
				       count(*) filter (where not inserted) as updated,
				       count(distinct event_id) as events,
				       case when count(distinct event_id) between 1 and :max
				            then array_agg(distinct event_id) filter (where event_id is not null) end as event_ids
				from changed
				""".formatted(table, columns, format.key(), set, mine, theirs, eventId);
	}

}
