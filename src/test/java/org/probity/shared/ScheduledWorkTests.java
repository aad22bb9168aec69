package org.probity.shared;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.probity.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ScheduledWorkTests {

	static final long KEY = 0x50524F42495459F1L;

	@Autowired
	ScheduledWork work;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theWorkRunsInOneTransactionThatHoldsTheLockUntilItEnds() {
		long[] transaction = new long[2];
		ScheduledWork.Outcome outcome = this.work.runOnce("probe one transaction", KEY, () -> {
			transaction[0] = this.jdbc.sql("select txid_current()").query(Long.class).single();
			assertThat(heldByMe(KEY)).isTrue();
			transaction[1] = this.jdbc.sql("select txid_current()").query(Long.class).single();
		});

		assertThat(outcome).isEqualTo(ScheduledWork.Outcome.RAN);
		assertThat(transaction[0]).isPositive().isEqualTo(transaction[1]);
		assertThat(heldByAnyone(KEY)).isFalse();
		assertThat(this.work.statistics().get("probe one transaction").runs()).isEqualTo(1);
	}

	@Test
	void whileOneNodeDoesTheWorkAnotherSkipsIt() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		CompletableFuture<ScheduledWork.Outcome> first = CompletableFuture
			.supplyAsync(() -> this.work.runOnce("probe two nodes", KEY + 1, () -> {
				started.countDown();
				await(finish);
			}));
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		int[] ranHere = { 0 };

		ScheduledWork.Outcome second = this.work.runOnce("probe two nodes", KEY + 1, () -> ranHere[0]++);

		finish.countDown();
		assertThat(second).isEqualTo(ScheduledWork.Outcome.SKIPPED);
		assertThat(ranHere[0]).isZero();
		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(ScheduledWork.Outcome.RAN);
		ScheduledWork.JobStatistics stats = this.work.statistics().get("probe two nodes");
		assertThat(stats.runs()).isEqualTo(1);
		assertThat(stats.skipped()).isEqualTo(1);
		// and the next tick finds it free
		assertThat(this.work.runOnce("probe two nodes", KEY + 1, () -> ranHere[0]++))
			.isEqualTo(ScheduledWork.Outcome.RAN);
		assertThat(ranHere[0]).isEqualTo(1);
	}

	@Test
	void aFailureRollsEverythingBackReleasesTheLockAndIsCounted() {
		String name = "probe failure";
		ScheduledWork.Outcome outcome = this.work.runOnce(name, KEY + 2, () -> {
			// a write of the work: the lock of another job, taken in this transaction
			this.jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", KEY + 3).query().singleRow();
			throw new IllegalStateException("half done");
		});

		assertThat(outcome).isEqualTo(ScheduledWork.Outcome.FAILED);
		assertThat(heldByAnyone(KEY + 2)).isFalse();
		assertThat(heldByAnyone(KEY + 3)).isFalse();
		ScheduledWork.JobStatistics stats = this.work.statistics().get(name);
		assertThat(stats.failures()).isEqualTo(1);
		assertThat(stats.lastError()).contains("half done");
		assertThat(this.work.runOnce(name, KEY + 2, () -> {
		})).isEqualTo(ScheduledWork.Outcome.RAN);
	}

	private boolean heldByMe(long key) {
		return this.jdbc.sql("""
				select exists (select 1 from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()
				               and ((classid::bigint << 32) | objid::bigint) = :key)
				""").param("key", key).query(Boolean.class).single();
	}

	private boolean heldByAnyone(long key) {
		return this.jdbc.sql("""
				select exists (select 1 from pg_locks where locktype = 'advisory'
				               and ((classid::bigint << 32) | objid::bigint) = :key)
				""").param("key", key).query(Boolean.class).single();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
