package org.probity;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ApplicationStartsTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void migratesTheSchemaIntoPostgres() {
		assertThat(this.jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
		assertThat(this.jdbc.sql("select business_day_after(date '2024-03-22', 5)")
			.query(java.time.LocalDate.class)
			.single()).isEqualTo(java.time.LocalDate.of(2024, 4, 2));
	}

}
