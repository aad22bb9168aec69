package org.probity.shared;

import java.nio.file.Path;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The migrations run in version order from an empty database, without out-of-order; a
 * database that lacks one below its latest version (as one migrated while out-of-order
 * was on, before a migration was added to an earlier module's folder) is refused with
 * what to do, or repaired when it is the embedded demo database.
 */
class MigrationsTests {

	@TempDir
	Path dir;

	@Test
	void runInVersionOrderAndRepairOnlyTheDemoDatabaseThatLacksOne() throws Exception {
		try (EmbeddedCluster pg = EmbeddedCluster.start(this.dir, true, false)) {
			DriverManagerDataSource dataSource = new DriverManagerDataSource(pg.jdbcUrl(), pg.username(),
					pg.password());
			Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
			JdbcClient jdbc = JdbcClient.create(dataSource);

			Migrations.migrate(flyway, false);
			assertThat(Migrations.skipped(flyway)).isEmpty();
			assertThat(flyway.info().pending()).isEmpty();

			// as if V1_1_31 had been added to the accounts folder after later versions
			// ran
			jdbc.sql("drop view account_sign_in cascade").update();
			jdbc.sql("delete from flyway_schema_history where version = '1.1.31'").update();
			assertThat(Migrations.skipped(flyway)).containsExactly("1.1.31");

			assertThatIllegalStateException().isThrownBy(() -> Migrations.migrate(flyway, false))
				.withMessageContaining("1.1.31")
				.withMessageContaining("SPRING_FLYWAY_OUTOFORDER=true");

			Migrations.migrate(flyway, true);
			assertThat(Migrations.skipped(flyway)).isEmpty();
			assertThat(jdbc.sql("select count(*) from account_sign_in").query(Long.class).single()).isZero();
		}
	}

}
