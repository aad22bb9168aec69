package org.probity.shared;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drops the indexes and foreign keys of tables before a bulk write and gives back the DDL
 * that builds them again, read from the catalog so that they come back exactly as the
 * migrations defined them: building an index once after a large write is much faster than
 * maintaining it row by row. Run in the writer's transaction, so that a failure leaves
 * the tables as they were.
 */
public final class BulkWrites {

	private BulkWrites() {
	}

	/**
	 * Drops the foreign keys and indexes of the tables; primary keys and unique
	 * constraints too unless {@code keepKeys} (an upsert needs its key). Returns the DDL
	 * that builds them again, indexes and keys first (a foreign key's validation reads
	 * the referencing table whole).
	 */
	public static List<String> dropIndexes(JdbcClient jdbc, List<String> tables, boolean keepKeys) {
		List<String[]> ddl = jdbc.sql("""
				select create_ddl, drop_ddl from (
				    select 1 as kind, i.indexrelid::regclass::text as name,
				           case when c.oid is null then pg_get_indexdef(i.indexrelid)
				                else format('alter table %s add constraint %I %s', i.indrelid::regclass, c.conname,
				                            pg_get_constraintdef(c.oid)) end as create_ddl,
				           case when c.oid is null then format('drop index %s', i.indexrelid::regclass)
				                else format('alter table %s drop constraint %I', i.indrelid::regclass, c.conname)
				           end as drop_ddl
				    from pg_index i
				    left join pg_constraint c on c.conindid = i.indexrelid and c.conrelid = i.indrelid
				    where i.indrelid = any(cast(:tables as regclass[]))
				      and not (:keepKeys and (i.indisunique or i.indisprimary or c.oid is not null))
				    union all
				    select 2, conname, format('alter table %s add constraint %I %s', conrelid::regclass, conname,
				                              pg_get_constraintdef(oid)),
				           format('alter table %s drop constraint %I', conrelid::regclass, conname)
				    from pg_constraint
				    where conrelid = any(cast(:tables as regclass[])) and contype = 'f'
				) d
				order by kind, name
				""")
			.param("tables", tables.toArray(String[]::new))
			.param("keepKeys", keepKeys)
			.query((rs, n) -> new String[] { rs.getString("create_ddl"), rs.getString("drop_ddl") })
			.list();
		// foreign keys first: they may stand on a key dropped after them
		for (int i = ddl.size() - 1; i >= 0; i--) {
			jdbc.sql(ddl.get(i)[1]).update();
		}
		return ddl.stream().map((d) -> d[0]).toList();
	}

}
