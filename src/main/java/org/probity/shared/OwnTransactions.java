package org.probity.shared;

import java.sql.SQLException;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes that commit on their own, whatever becomes of the transaction of the request
 * that makes them: the case access log, where a refusal is logged even when the request
 * fails.
 * <p>
 * They go through a small pool of their own ({@link #POOL_SIZE} connections, opened when
 * first needed). From the main pool, a request already holding a connection for its own
 * transaction would wait for a second one; when as many requests as the pool has
 * connections do that at once, each holds one and waits for another that never comes,
 * until the pool's timeout fails them all (measured: 20 users on the case search page, 30
 * s and an error each). A writer here holds nothing while it waits, so it cannot be part
 * of such a cycle.
 */
@Component
public class OwnTransactions implements DisposableBean {

	/** Connections of the pool: each write is one short insert. */
	static final int POOL_SIZE = 4;

	private final HikariDataSource pool;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	OwnTransactions(DataSource dataSource, PlatformTransactionManager main) throws SQLException {
		if (dataSource.isWrapperFor(HikariDataSource.class)) {
			this.pool = new HikariDataSource(config(dataSource.unwrap(HikariDataSource.class)));
			this.jdbc = JdbcClient.create(this.pool);
			this.transactions = new TransactionTemplate(new DataSourceTransactionManager(this.pool));
		}
		else {
			// not a pool Probity configures (a test's own data source): a new transaction
			// of the same data source, as before
			this.pool = null;
			this.jdbc = JdbcClient.create(dataSource);
			this.transactions = new TransactionTemplate(main);
		}
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	private static HikariConfig config(HikariDataSource main) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(main.getJdbcUrl());
		config.setUsername(main.getUsername());
		config.setPassword(main.getPassword());
		if (main.getDriverClassName() != null) {
			config.setDriverClassName(main.getDriverClassName());
		}
		config.setDataSourceProperties(main.getDataSourceProperties());
		config.setPoolName(main.getPoolName() + "-own-transactions");
		config.setMaximumPoolSize(POOL_SIZE);
		// no connection until the first write, and none kept open against a database
		// that went away
		config.setMinimumIdle(0);
		config.setConnectionTimeout(main.getConnectionTimeout());
		return config;
	}

	/** Runs the work in a transaction of its own, committed when it returns. */
	public void write(Consumer<JdbcClient> work) {
		this.transactions.executeWithoutResult((status) -> work.accept(this.jdbc));
	}

	@Override
	public void destroy() {
		if (this.pool != null) {
			this.pool.close();
		}
	}

}
