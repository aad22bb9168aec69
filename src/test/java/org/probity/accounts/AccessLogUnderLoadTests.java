package org.probity.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.probity.IntegrationTest;
import org.probity.shared.Crn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages log the cases they list from inside their own read transaction. When every
 * connection of the pool is held by such a request at once, each must still be able to
 * write its log entry (in a transaction of its own) and finish: before the log had a pool
 * of its own, each waited for a second connection of the same pool until the pool's
 * timeout failed them all (the case search benchmark with 20 users: 30 s and an error
 * each).
 */
@IntegrationTest
class AccessLogUnderLoadTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	CaseAccessLog log;

	@Test
	void requestsHoldingEveryConnectionOfThePoolStillWriteTheirLogEntries() throws Exception {
		int connections = this.dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
		CountDownLatch allHoldOne = new CountDownLatch(connections);
		ExecutorService requests = Executors.newFixedThreadPool(connections);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < connections; i++) {
				String user = "load-" + i;
				done.add(requests.submit(() -> this.transactions.executeWithoutResult((tx) -> {
					this.jdbc.sql("select 1").query(Integer.class).single();
					allHoldOne.countDown();
					await(allHoldOne);
					this.log.recordList(user, "Case search", List.of(new Crn("L000001"), new Crn("L000002")),
							CaseAccessLog.Outcome.LISTED);
				})));
			}
			for (Future<?> request : done) {
				request.get(20, TimeUnit.SECONDS);
			}
		}
		finally {
			requests.shutdownNow();
		}
		assertThat(this.jdbc.sql("""
				select count(*) from case_access_log
				where username like 'load-%' and shown = 'Case search' and crns = array['L000001', 'L000002']
				""").query(Long.class).single()).isEqualTo(connections);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(20, TimeUnit.SECONDS)).as("every request holds a connection").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
