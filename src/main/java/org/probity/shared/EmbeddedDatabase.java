package org.probity.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL from the jar when no database URL is configured, so that
 * Probity runs on a fresh machine with one command. Its data survives restarts, and a
 * crash of Probity, in {@code PROBITY_DATA_DIR}; Probity signs in to it with a password
 * as a role that is not a superuser ({@link EmbeddedCluster}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${PROBITY_DATABASE_URL:}'.isBlank()")
class EmbeddedDatabase {

	/**
	 * @param ephemeral a throw-away database in a new temporary directory (tests)
	 * @param durable fsync and synchronous commit on; only throw-away test and benchmark
	 * databases turn this off ({@code probity.embedded.durable=false})
	 */
	@Bean(destroyMethod = "close")
	EmbeddedCluster embeddedCluster(@Value("${PROBITY_DATA_DIR:./probity-data}") String dataDir,
			@Value("${probity.embedded.ephemeral:false}") boolean ephemeral,
			@Value("${probity.embedded.durable:true}") boolean durable) throws IOException {
		Path dir = ephemeral ? Files.createTempDirectory("probity-test-pg") : Path.of(dataDir).toAbsolutePath();
		return EmbeddedCluster.start(dir, ephemeral, durable);
	}

	@Bean
	DataSource dataSource(EmbeddedCluster cluster) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(cluster.jdbcUrl());
		config.setUsername(cluster.username());
		config.setPassword(cluster.password());
		config.setMaximumPoolSize(20);
		config.setPoolName("probity-embedded");
		// as spring.datasource.hikari.data-source-properties does for another database:
		// the rows' values in PostgreSQL's error details stay out of messages and logs
		config.addDataSourceProperty("logServerErrorDetail", "false");
		// and, as there, no JIT (this server has none: the setting says so all the same)
		config.addDataSourceProperty("options", "-c jit=off");
		return new HikariDataSource(config);
	}

}
