package org.probity.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL from the jar when no database URL is configured, so that
 * Probity runs on a fresh machine with one command. Its data survives restarts in
 * {@code PROBITY_DATA_DIR}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${PROBITY_DATABASE_URL:}'.isBlank()")
class EmbeddedDatabase {

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${PROBITY_DATA_DIR:./probity-data}") String dataDir,
			@Value("${probity.embedded.ephemeral:false}") boolean ephemeral) throws IOException {
		// Tests ask for a throw-away database so that every run starts from empty.
		Path dir = ephemeral ? Files.createTempDirectory("probity-test-pg") : Path.of(dataDir).toAbsolutePath();
		Files.createDirectories(dir);
		return EmbeddedPostgres.builder()
			.setDataDirectory(dir.resolve("pg"))
			.setCleanDataDirectory(ephemeral)
			// Spring stops it after the beans that use it; a hook of its own would stop
			// it
			// first and leave shutdown waiting for connections.
			.setRegisterShutdownHook(false)
			// PostgreSQL's own code-point collation: text sorts as with the C.UTF-8 of
			// most systems' C libraries, compared byte by byte rather than through
			// strcoll (BENCHMARKS.md: index builds and key inserts on codes a third
			// faster).
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale-provider", "builtin")
			.setLocaleConfig("builtin-locale", "C.UTF-8")
			.setServerConfig("max_connections", "100")
			.setServerConfig("shared_buffers", "256MB")
			.setServerConfig("work_mem", "64MB")
			.setServerConfig("maintenance_work_mem", "256MB")
			.setServerConfig("synchronous_commit", "off")
			.setServerConfig("max_wal_size", "4GB")
			.start();
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		config.setUsername("postgres");
		config.setMaximumPoolSize(20);
		config.setPoolName("probity-embedded");
		return new HikariDataSource(config);
	}

}
