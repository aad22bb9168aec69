package org.probity.measures.recomputation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the recomputation asks of PostgreSQL beyond its SQL: the lock across nodes, the
 * memory of its transaction, planner settings around single statements, and inserts that
 * parallel workers can read for.
 */
@Component
class DatabaseTuning {

	/**
	 * One recomputation at a time, on every node: they rewrite the same rows, and share
	 * work tables that parallel workers can read (which temporary tables are not).
	 */
	private static final long RECOMPUTATION_LOCK = 0x50524f424954594dL;

	private final JdbcClient jdbc;

	DatabaseTuning(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Waits for the recomputation lock, held to the end of the transaction. */
	void lock() {
		this.jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", RECOMPUTATION_LOCK).query().singleRow();
	}

	/** The memory of the transaction's statements. */
	void tune() {
		// Hash aggregates over tens of millions of contacts stay in memory.
		this.jdbc.sql("set local work_mem = '512MB'").update();
		this.jdbc.sql("set local maintenance_work_mem = '1GB'").update();
		this.jdbc.sql("set local hash_mem_multiplier = 4").update();
	}

	/** A planner setting to the end of the transaction, e.g. {@code enable_seqscan}. */
	void set(String setting, boolean on) {
		this.jdbc.sql("set local " + setting + " = " + (on ? "on" : "off")).update();
	}

	/**
	 * Inserts what the select gives into the table, through a temporary table created by
	 * the select: PostgreSQL reads with parallel workers for a table it creates, not for
	 * an insert into an existing one.
	 */
	void insertInParallel(String table, String columns, String select) {
		this.jdbc.sql("drop table if exists measure_parallel").update();
		this.jdbc.sql("create temporary table measure_parallel on commit drop as " + select).update();
		this.jdbc.sql("insert into " + table + " (" + columns + ") select * from measure_parallel").update();
		this.jdbc.sql("drop table measure_parallel").update();
	}

}
