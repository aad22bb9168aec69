package org.probity.audits;

import java.sql.Connection;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.ProbityApplication;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.shared.ScheduledWork;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database: the test's application context and a second one started
 * beside it on the same PostgreSQL. The hourly round job must plan each round once, in
 * one transaction with its lock, and plan again a round a dead node left unplanned.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditRoundsAcrossNodesTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditProgrammes programmes;

	@Autowired
	ScheduledWork work;

	@Autowired
	DataSource dataSource;

	ConfigurableApplicationContext secondNode;

	long programmeId;

	String thisMonth;

	@BeforeAll
	void twoNodesAndAProgramme() {
		CaseData.TwoTeams data = new CaseData(this.jdbc).aProviderWithTwoTeams("ANO", 'V', 900);
		data.people(12);
		this.accounts.createOrReset("ano-quality", "ano-quality", Role.QUALITY_TEAM, null, null,
				"a-password-for-tests");
		YearMonth month = YearMonth.now(ZoneId.of("Europe/London"));
		this.thisMonth = month.toString();
		this.programmeId = this.programmes
			.create(new ProgrammeRequest("Two nodes", ProgrammeKind.REMOTE_CHECK, "CASE_SUPERVISION",
					new PopulationFilter(data.provider(), List.of(), null, null, null, null, null), 3, null, null,
					false, Recurrence.MONTHLY, month, null, List.of("ano-quality"), 11L), "test")
			.programmeId();

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

	/** As if the hour had not yet come: the programme has no round. */
	@BeforeEach
	void noRoundYet() {
		deleteAuditsAndSamples();
		this.jdbc.sql("delete from audit_round where programme_id = :id").param("id", this.programmeId).update();
	}

	@Test
	void whenBothNodesTickAtOnceTheRoundIsPlannedOnce() throws Exception {
		AuditProgrammes other = this.secondNode.getBean(AuditProgrammes.class);
		ScheduledWork otherWork = this.secondNode.getBean(ScheduledWork.class);
		long before = calls(this.work) + calls(otherWork);
		CyclicBarrier tick = new CyclicBarrier(2);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
				await(tick);
				this.programmes.scheduled();
			}, nodes);
			CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
				await(tick);
				other.scheduled();
			}, nodes);
			CompletableFuture.allOf(first, second).get(60, TimeUnit.SECONDS);
		}
		finally {
			nodes.shutdownNow();
		}

		assertThat(rounds()).containsExactly(this.thisMonth);
		assertThat(samples()).isEqualTo(1);
		assertThat(audits()).isEqualTo(3);
		assertThat(calls(this.work) + calls(otherWork) - before).isEqualTo(2);
		assertThat(failures(this.work) + failures(otherWork)).isZero();
	}

	@Test
	void whileOneNodeHoldsTheLockTheOtherPlansNothingAndTheNextTickPlans() throws Exception {
		AuditProgrammes other = this.secondNode.getBean(AuditProgrammes.class);
		ScheduledWork otherWork = this.secondNode.getBean(ScheduledWork.class);
		long skipped = otherWork.statistics().getOrDefault("audit rounds", empty()).skipped();
		try (Connection busyNode = this.dataSource.getConnection(); Statement s = busyNode.createStatement()) {
			s.execute("select pg_advisory_lock(" + AuditProgrammes.SCHEDULER_LOCK + ")");
			other.scheduled();
			assertThat(otherWork.statistics().get("audit rounds").skipped()).isEqualTo(skipped + 1);
			assertThat(rounds()).isEmpty();
			s.execute("select pg_advisory_unlock(" + AuditProgrammes.SCHEDULER_LOCK + ")");
		}

		other.scheduled();

		assertThat(rounds()).containsExactly(this.thisMonth);
		assertThat(audits()).isEqualTo(3);
	}

	@Test
	void aRoundLeftWithNoSampleAndNoAuditsIsPlannedAtTheNextTick() {
		this.programmes.scheduled();
		long roundId = roundId();
		// a node died after creating the round (before rounds were planned in one
		// transaction with their lock)
		deleteAuditsAndSamples();
		assertThat(audits()).isZero();

		this.secondNode.getBean(AuditProgrammes.class).scheduled();

		assertThat(roundId()).isEqualTo(roundId);
		assertThat(samples()).isEqualTo(1);
		assertThat(audits()).isEqualTo(3);
		// planned, it is left alone
		this.programmes.scheduled();
		assertThat(samples()).isEqualTo(1);
		assertThat(audits()).isEqualTo(3);
	}

	private void deleteAuditsAndSamples() {
		this.jdbc.sql("delete from case_audit where programme_id = :id").param("id", this.programmeId).update();
		this.jdbc
			.sql("""
					delete from audit_sample_case where sample_id in (select sample_id from audit_sample where programme_id = :id)
					""")
			.param("id", this.programmeId)
			.update();
		this.jdbc.sql("delete from audit_sample where programme_id = :id").param("id", this.programmeId).update();
	}

	private List<String> rounds() {
		return this.jdbc.sql("select period_code from audit_round where programme_id = :id order by period_code")
			.param("id", this.programmeId)
			.query(String.class)
			.list();
	}

	private long roundId() {
		return this.jdbc.sql("select round_id from audit_round where programme_id = :id")
			.param("id", this.programmeId)
			.query(Long.class)
			.single();
	}

	private long samples() {
		return this.jdbc.sql("select count(*) from audit_sample where programme_id = :id")
			.param("id", this.programmeId)
			.query(Long.class)
			.single();
	}

	private long audits() {
		return this.jdbc.sql("select count(*) from case_audit where programme_id = :id")
			.param("id", this.programmeId)
			.query(Long.class)
			.single();
	}

	private static ScheduledWork.JobStatistics empty() {
		return new ScheduledWork.JobStatistics("audit rounds", 0, 0, 0, null, null, null);
	}

	private static long calls(ScheduledWork work) {
		ScheduledWork.JobStatistics s = work.statistics().getOrDefault("audit rounds", empty());
		return s.runs() + s.skipped();
	}

	private static long failures(ScheduledWork work) {
		return work.statistics().getOrDefault("audit rounds", empty()).failures();
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
