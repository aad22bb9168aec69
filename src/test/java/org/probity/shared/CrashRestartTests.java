package org.probity.shared;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probity.ProbityApplication;
import org.probity.demo.DemoProvider;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Kills Probity with SIGKILL in the middle of a large import, as an operator's
 * {@code kill -9} or the kernel's out-of-memory killer would, and starts it again on the
 * same data directory: it must stop the PostgreSQL the dead process left running, be
 * healthy within 60 seconds, and hold exactly the rows it held before the import (the
 * import is one transaction). Probity runs as a real child process on the test classpath.
 */
@Tag("crash")
class CrashRestartTests {

	private static final String ADMIN_PASSWORD = "crash-test-admin-password";

	private static final List<String> TABLES = List.of("unit", "staff", "person", "event", "requirement", "contact",
			"import_run", "account");

	@TempDir
	Path dir;

	private final List<Process> started = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@AfterEach
	void stopEverything() throws Exception {
		for (Process process : this.started) {
			if (process.isAlive()) {
				process.destroy();
				if (!process.waitFor(30, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
		}
		// the child processes' logs, kept for whoever reads a failure
		Path kept = Path.of("target", "crash-restart");
		Files.createDirectories(kept);
		for (String name : List.of("first", "second")) {
			if (Files.exists(log(name))) {
				Files.copy(log(name), kept.resolve(name + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
		// whatever happened above, no PostgreSQL outlives the test
		if (Files.exists(data().resolve("pg"))) {
			EmbeddedCluster.stopOrphanedServer(data().resolve("pg"));
		}
	}

	@Test
	void afterKillNineDuringAnImportTheNextStartIsHealthyWithinAMinuteWithTheDataAsBefore() throws Exception {
		assumeTrue(System.getenv("PROBITY_DATABASE_URL") == null, "runs on the embedded database only");
		DemoProvider.Summary files = DemoProvider
			.write(DemoProvider.Parameters.scaled(7L, 3_000, LocalDate.of(2026, 6, 30)), this.dir.resolve("csv"));
		Path contacts = files.file("contacts");
		Path someContacts = this.dir.resolve("some-contacts.csv");
		Files.write(someContacts, Files.readAllLines(contacts).subList(0, 2_001));

		int port = freePort();
		long t0 = System.nanoTime();
		Process first = start(port, "first");
		awaitHealthy(port, Duration.ofSeconds(120));
		System.out.printf("first start %d ms%n", (System.nanoTime() - t0) / 1_000_000);
		for (String dataset : List.of("units", "staff", "people", "events", "requirements")) {
			assertThat(importFile(port, dataset, files.file(dataset)).statusCode()).as(dataset).isEqualTo(200);
		}
		assertThat(importFile(port, "contacts", someContacts).statusCode()).isEqualTo(200);
		Map<String, Long> before = counts();
		System.out.printf("imports done %d ms%n", (System.nanoTime() - t0) / 1_000_000);
		assertThat(before.get("contact")).isEqualTo(2_000);
		long postgresPid = postmasterPid();

		// the whole contacts file: killed while PostgreSQL is still busy with it
		CompletableFuture<HttpResponse<String>> interrupted = this.http.sendAsync(
				importRequest(port, "contacts", HttpRequest.BodyPublishers.ofFile(contacts)),
				HttpResponse.BodyHandlers.ofString());
		awaitImportUnderWay(Duration.ofSeconds(60));
		first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		assertThat(first.isAlive()).isFalse();
		assertThat(interrupted).failsWithin(Duration.ofSeconds(10));
		// the orphan: still running, holding the data directory
		assertThat(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive)).hasValue(true);

		long restarting = System.nanoTime();
		Process second = start(port, "second");
		awaitHealthy(port, Duration.ofSeconds(60));
		Duration restart = Duration.ofNanos(System.nanoTime() - restarting);
		System.out.printf("Healthy again %.1f s after the restart following kill -9%n", restart.toMillis() / 1000.0);

		assertThat(restart).isLessThan(Duration.ofSeconds(60));
		assertThat(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
		assertThat(Files.readString(log("second"))).contains("Stopping the PostgreSQL left running");
		assertThat(counts()).isEqualTo(before);
		assertThat(second.isAlive()).isTrue();
	}

	private Process start(int port, String name) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
				ProbityApplication.class.getName());
		Map<String, String> env = builder.environment();
		env.remove("PROBITY_DATABASE_URL");
		env.put("PROBITY_DATA_DIR", data().toString());
		env.put("SERVER_PORT", Integer.toString(port));
		env.put("PROBITY_DEMO_DATA", "false");
		env.put("PROBITY_ADMIN_PASSWORD", ADMIN_PASSWORD);
		builder.redirectErrorStream(true).redirectOutput(log(name).toFile());
		Process process = builder.start();
		this.started.add(process);
		return process;
	}

	private Path data() {
		return this.dir.resolve("data");
	}

	private Path log(String name) {
		return this.dir.resolve(name + ".log");
	}

	private void awaitHealthy(int port, Duration limit) throws Exception {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				HttpResponse<String> health = this.http
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
						.timeout(Duration.ofSeconds(2))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new AssertionError("Probity was not healthy within " + limit + "; its log:\n" + tail());
	}

	private String tail() throws IOException {
		StringBuilder out = new StringBuilder();
		for (String name : List.of("first", "second")) {
			if (Files.exists(log(name))) {
				List<String> lines = Files.readAllLines(log(name));
				out.append("--- ").append(name).append('\n');
				lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach((l) -> out.append(l).append('\n'));
			}
		}
		return out.toString();
	}

	private HttpResponse<String> importFile(int port, String dataset, Path file) throws Exception {
		return this.http.send(importRequest(port, dataset, HttpRequest.BodyPublishers.ofFile(file)),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest importRequest(int port, String dataset, HttpRequest.BodyPublisher body) {
		String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes());
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports/" + dataset))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "text/csv")
			.timeout(Duration.ofMinutes(5))
			.POST(body)
			.build();
	}

	/** Waits until Probity's connection is inside the import's transaction. */
	private void awaitImportUnderWay(Duration limit) throws Exception {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			long busy = superuser((jdbc) -> jdbc.sql("""
					select count(*) from pg_stat_activity
					where usename = 'probity' and state in ('active', 'idle in transaction')
					  and xact_start < now() - interval '300 milliseconds'
					  and (query ilike '%import_staging%' or query ilike '%contact%')
					""").query(Long.class).single());
			if (busy > 0) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("The import never reached PostgreSQL");
	}

	private Map<String, Long> counts() throws Exception {
		return superuser((jdbc) -> {
			Map<String, Long> counts = new LinkedHashMap<>();
			for (String table : TABLES) {
				counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
			}
			return counts;
		});
	}

	private long postmasterPid() throws IOException {
		return Long.parseLong(Files.readAllLines(data().resolve("pg").resolve("postmaster.pid")).get(0).strip());
	}

	private <T> T superuser(java.util.function.Function<JdbcClient, T> work) throws Exception {
		List<String> pid = Files.readAllLines(data().resolve("pg").resolve("postmaster.pid"));
		String password = Files.readString(data().resolve(EmbeddedCluster.SUPERUSER_PASSWORD_FILE)).strip();
		try (Connection c = DriverManager
			.getConnection("jdbc:postgresql://localhost:" + pid.get(3).strip() + "/probity", "postgres", password)) {
			return work.apply(JdbcClient.create(new SingleConnectionDataSource(c, true)));
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
