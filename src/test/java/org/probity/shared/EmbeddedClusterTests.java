package org.probity.shared;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedClusterTests {

	@TempDir
	Path dir;

	@Test
	void signsInWithAGeneratedPasswordAsTheOwnerOfItsDatabaseNotAsASuperuser() throws Exception {
		try (EmbeddedCluster cluster = EmbeddedCluster.start(this.dir, false, true)) {
			assertThat(cluster.database()).isEqualTo("probity");
			assertThat(cluster.username()).isEqualTo("probity");
			for (String file : List.of(EmbeddedCluster.SUPERUSER_PASSWORD_FILE,
					EmbeddedCluster.PROBITY_PASSWORD_FILE)) {
				assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.dir.resolve(file))))
					.as(file)
					.isEqualTo("rw-------");
			}
			assertThat(Files.readString(this.dir.resolve(EmbeddedCluster.PROBITY_PASSWORD_FILE)).strip())
				.isEqualTo(cluster.password())
				.hasSizeGreaterThanOrEqualTo(32);
			assertThat(EmbeddedCluster.trusts(this.dir.resolve("pg"))).isFalse();

			try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(), "probity", cluster.password())) {
				JdbcClient jdbc = jdbc(c);
				assertThat(jdbc
					.sql("select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = current_user")
					.query(Boolean.class)
					.single()).isFalse();
				assertThat(
						jdbc.sql("select pg_get_userbyid(datdba) from pg_database where datname = current_database()")
							.query(String.class)
							.single())
					.isEqualTo("probity");
				assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
				assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
				jdbc.sql("create table owned_here (id int primary key)").update();
				// what a superuser could do and Probity may not
				assertThatThrownBy(() -> jdbc.sql("copy owned_here from program 'true'").update()).rootCause()
					.hasMessageContaining("permission denied");
			}
			// no password, a wrong one, or the superuser without its password: refused
			assertThatThrownBy(() -> DriverManager.getConnection(cluster.jdbcUrl(), "probity", null).close())
				.isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection(cluster.jdbcUrl(), "probity", "guess").close())
				.hasMessageContaining("password authentication failed");
			assertThatThrownBy(() -> DriverManager.getConnection(cluster.jdbcUrl(), "postgres", "").close())
				.isInstanceOf(SQLException.class);
		}
	}

	@Test
	void keepsItsPasswordsAndDataAcrossRestarts() throws Exception {
		String password;
		try (EmbeddedCluster cluster = EmbeddedCluster.start(this.dir, false, true)) {
			password = cluster.password();
			try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(), "probity", password)) {
				jdbc(c).sql("create table kept (id int primary key)").update();
				jdbc(c).sql("insert into kept values (1), (2)").update();
			}
		}
		try (EmbeddedCluster cluster = EmbeddedCluster.start(this.dir, false, true)) {
			assertThat(cluster.password()).isEqualTo(password);
			try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(), "probity", password)) {
				assertThat(jdbc(c).sql("select count(*) from kept").query(Long.class).single()).isEqualTo(2);
			}
		}
	}

	@Test
	void throwAwayDatabasesMayTurnDurabilityOff() throws Exception {
		try (EmbeddedCluster cluster = EmbeddedCluster.start(this.dir, true, false);
				Connection c = DriverManager.getConnection(cluster.jdbcUrl(), "probity", cluster.password())) {
			assertThat(jdbc(c).sql("show fsync").query(String.class).single()).isEqualTo("off");
			assertThat(jdbc(c).sql("show synchronous_commit").query(String.class).single()).isEqualTo("off");
		}
	}

	@Test
	void migratesADataDirectoryOfTheOldKindKeepingItsData() throws Exception {
		// as earlier versions left it: trust, Probity's tables in database postgres,
		// owned by the superuser
		try (EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(this.dir.resolve("pg"))
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.start(); Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("create table person (crn char(7) primary key, name text)");
			s.execute("insert into person values ('X000001', 'Alex')");
			s.execute("create view person_names as select name from person");
			s.execute("create table counted (id bigserial primary key)");
			s.execute("create function twice(x int) returns int language sql immutable as 'select 2 * x'");
		}
		assertThat(EmbeddedCluster.trusts(this.dir.resolve("pg"))).isTrue();

		for (int start = 1; start <= 2; start++) {
			try (EmbeddedCluster cluster = EmbeddedCluster.start(this.dir, false, true)) {
				assertThat(cluster.database()).as("start %d", start).isEqualTo("postgres");
				assertThat(EmbeddedCluster.trusts(this.dir.resolve("pg"))).isFalse();
				try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(), "probity", cluster.password())) {
					JdbcClient jdbc = jdbc(c);
					assertThat(jdbc.sql("select name from person_names").query(String.class).list()).startsWith("Alex");
					jdbc.sql("insert into person values (:crn, 'Sam')").param("crn", "X00000" + (start + 1)).update();
					jdbc.sql("insert into counted default values").update();
					jdbc.sql("alter table person add column if not exists note text").update();
					assertThat(jdbc.sql("select twice(21)").query(Integer.class).single()).isEqualTo(42);
					assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user")
						.query(Boolean.class)
						.single()).isFalse();
				}
			}
		}
	}

	@Test
	void aStalePidFileOfAnotherProgramIsRemovedAndThatProgramLeftAlone() throws Exception {
		try (EmbeddedCluster cluster = EmbeddedCluster.start(this.dir, false, true)) {
			assertThat(cluster.port()).isPositive();
		}
		Path pidFile = this.dir.resolve("pg").resolve("postmaster.pid");
		// this very test process holds the pid now: it is not a PostgreSQL of the
		// directory
		List<String> lines = new ArrayList<>(List.of(Long.toString(ProcessHandle.current().pid()),
				this.dir.resolve("pg").toString(), "0", "5432", "/tmp", "localhost", "0 0", "ready"));
		Files.write(pidFile, lines);
		assertThat(EmbeddedCluster.isPostgresOf(ProcessHandle.current(), this.dir.resolve("pg"))).isFalse();

		try (EmbeddedCluster cluster = EmbeddedCluster.start(this.dir, false, true);
				Connection c = DriverManager.getConnection(cluster.jdbcUrl(), "probity", cluster.password())) {
			assertThat(jdbc(c).sql("select 1").query(Integer.class).single()).isEqualTo(1);
		}
		assertThat(ProcessHandle.current().isAlive()).isTrue();
	}

	private static JdbcClient jdbc(Connection c) {
		return JdbcClient.create(new SingleConnectionDataSource(c, true));
	}

}
