package org.probity.shared;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The readiness probe's view of the database ({@code database} in the readiness group): a
 * new connection of its own, with timeouts of a few seconds, asked {@code select 1}.
 * Spring Boot's {@code db} check borrows from the pool instead, and the pool waits its
 * whole connection timeout (30 s) for a database that has gone, longer than any probe
 * waits; and a pool busy with long reports does not mean the database is unreachable.
 * When the database comes back the next probe is UP again: nothing is restarted.
 */
@Component("database")
class DatabaseReachability extends AbstractHealthIndicator {

	private static final String TIMEOUT_SECONDS = "3";

	private final DataSource dataSource;

	DatabaseReachability(DataSource dataSource) {
		super("The database is not reachable");
		this.dataSource = dataSource;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws SQLException {
		HikariDataSource hikari = (this.dataSource.isWrapperFor(HikariDataSource.class))
				? this.dataSource.unwrap(HikariDataSource.class) : null;
		if (hikari == null || hikari.getJdbcUrl() == null) {
			try (Connection c = this.dataSource.getConnection(); Statement s = c.createStatement()) {
				s.execute("select 1");
			}
			builder.up();
			return;
		}
		Properties properties = new Properties();
		if (hikari.getUsername() != null) {
			properties.setProperty("user", hikari.getUsername());
		}
		if (hikari.getPassword() != null) {
			properties.setProperty("password", hikari.getPassword());
		}
		properties.setProperty("connectTimeout", TIMEOUT_SECONDS);
		properties.setProperty("loginTimeout", TIMEOUT_SECONDS);
		properties.setProperty("socketTimeout", TIMEOUT_SECONDS);
		properties.setProperty("ApplicationName", "Probity readiness");
		try (Connection c = DriverManager.getConnection(hikari.getJdbcUrl(), properties);
				Statement s = c.createStatement()) {
			s.execute("select 1");
		}
		builder.up();
	}

}
