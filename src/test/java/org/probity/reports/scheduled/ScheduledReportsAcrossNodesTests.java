package org.probity.reports.scheduled;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.probity.IntegrationTest;
import org.probity.ProbityApplication;
import org.probity.reports.archive.ReportKind;
import org.probity.shared.ScheduledWork;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database: the test's application context and a second one beside it.
 * When both tick at once, each report due today is issued once, by one of them.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduledReportsAcrossNodesTests {

	static final String PROVIDER = "SRNP";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ScheduledReportJob job;

	@Autowired
	ScheduledWork work;

	@Autowired
	DataSource dataSource;

	ConfigurableApplicationContext secondNode;

	@BeforeAll
	void twoNodesAndAProvider() {
		CaseData caseData = new CaseData(this.jdbc);
		caseData.aProvider(PROVIDER).named("Two nodes provider").insert();
		caseData.aTeam("SRNT1").named("Two nodes team").under(PROVIDER).insert();
		HikariDataSource database = (HikariDataSource) this.dataSource;
		this.secondNode = new SpringApplicationBuilder(ProbityApplication.class).run(
				"--PROBITY_DATABASE_URL=" + database.getJdbcUrl(),
				"--PROBITY_DATABASE_USERNAME=" + database.getUsername(),
				"--PROBITY_DATABASE_PASSWORD=" + database.getPassword(), "--SERVER_PORT=0", "--probity.demo-data=false",
				"--management.health.mail.enabled=false", "--spring.main.banner-mode=off");
	}

	@AfterAll
	void stopTheSecondNode() {
		if (this.secondNode != null) {
			this.secondNode.close();
		}
	}

	@Test
	void whenBothNodesTickAtOnceEachReportDueIsIssuedOnce() throws Exception {
		ScheduledReportJob other = this.secondNode.getBean(ScheduledReportJob.class);
		CyclicBarrier tick = new CyclicBarrier(2);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		ScheduledWork.Outcome[] outcomes = new ScheduledWork.Outcome[2];
		try {
			CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
				await(tick);
				outcomes[0] = this.job.tick();
			}, nodes);
			CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
				await(tick);
				outcomes[1] = other.tick();
			}, nodes);
			CompletableFuture.allOf(first, second).get(120, TimeUnit.SECONDS);
		}
		finally {
			nodes.shutdownNow();
		}
		// whichever came second either skipped (lock held) or found everything issued
		assertThat(outcomes).doesNotContain(ScheduledWork.Outcome.FAILED).contains(ScheduledWork.Outcome.RAN);

		LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
		for (ReportKind kind : new ReportKind[] { ReportKind.WEEKLY_OPERATIONS, ReportKind.QUARTERLY_EXECUTIVE,
				ReportKind.COMMITTEE }) {
			String period = ScheduleRules.latestDue(kind, today).period();
			assertThat(this.jdbc
				.sql("select count(*) from report where kind = :kind and period = :period and unit_code = :unit")
				.param("kind", kind.name())
				.param("period", period)
				.param("unit", PROVIDER)
				.query(Integer.class)
				.single()).as(kind + " " + period).isEqualTo(1);
		}

		// a later tick issues nothing more
		assertThat(other.tick()).isEqualTo(ScheduledWork.Outcome.RAN);
		assertThat(this.jdbc.sql("select count(*) from report where unit_code = :unit")
			.param("unit", PROVIDER)
			.query(Integer.class)
			.single()).isEqualTo(3);
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
