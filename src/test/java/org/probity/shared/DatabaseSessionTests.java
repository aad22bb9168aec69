package org.probity.shared;

import org.junit.jupiter.api.Test;
import org.probity.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probity's connections, of the main pool and of the access log's own
 * ({@link OwnTransactions}), run without PostgreSQL's JIT compilation, as every benchmark
 * figure was measured.
 */
@IntegrationTest
class DatabaseSessionTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OwnTransactions own;

	@Test
	void everyConnectionRunsWithoutJit() {
		assertThat(this.jdbc.sql("select current_setting('jit')").query(String.class).single()).isEqualTo("off");
		this.own.write((jdbc) -> assertThat(jdbc.sql("select current_setting('jit')").query(String.class).single())
			.isEqualTo("off"));
	}

}
