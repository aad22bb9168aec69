package org.probity.shared;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probity.ProbityApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Probity as an operator runs it, in a child process of its own on an embedded database:
 * with {@code PROBITY_LOG_FORMAT=json} every log line is a JSON object, and the lines of
 * a request carry its id (sent back in {@code X-Request-Id}) and the user; the readiness
 * probe is DOWN while PostgreSQL is stopped and UP again, with no restart of Probity,
 * when it is started again (liveness stays UP throughout).
 */
class OperationsProcessTests {

	private static final String ADMIN_PASSWORD = "ops-test-admin-password";

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path dir;

	private final List<Process> started = new ArrayList<>();

	private EmbeddedCluster restarted;

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
		Path kept = Path.of("target", "operations");
		Files.createDirectories(kept);
		for (String name : List.of("probity.log")) {
			if (Files.exists(this.dir.resolve(name))) {
				Files.copy(this.dir.resolve(name), kept.resolve(name),
						java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
		if (this.restarted != null) {
			try {
				this.restarted.close();
			}
			catch (RuntimeException | IOException ex) {
				// Probity's own shutdown stopped it already (the same data directory)
			}
		}
		if (Files.exists(pg())) {
			EmbeddedCluster.stopOrphanedServer(pg());
		}
	}

	@Test
	void jsonLogLinesCarryTheRequestIdAndUserAndReadinessFollowsTheDatabase() throws Exception {
		assumeTrue(System.getenv("PROBITY_DATABASE_URL") == null, "runs on the embedded database only");
		int port = freePort();
		start(port);
		awaitStatus(port, "/actuator/health/readiness", 200, Duration.ofSeconds(300));

		HttpResponse<String> imported = this.http.send(request(port, "/api/v1/imports/units")
			.header("Authorization", basic("admin", ADMIN_PASSWORD))
			.header("Content-Type", "text/csv")
			.header("X-Request-Id", "ops-request-0001")
			.POST(HttpRequest.BodyPublishers.ofString("unit_code,unit_name,unit_type,parent_code\nOPP,Ops,PROVIDER,\n"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		assertThat(imported.headers().firstValue("X-Request-Id")).hasValue("ops-request-0001");
		HttpResponse<String> signIn = this.http.send(request(port, "/sign-in").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(signIn.headers().firstValue("X-Request-Id")).hasValueSatisfying(
				(id) -> assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
		// a made-up id that could carry anything into the logs is replaced
		HttpResponse<String> odd = this.http.send(request(port, "/sign-in").header("X-Request-Id", "x\" y{}").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(odd.headers().firstValue("X-Request-Id")).hasValueSatisfying((id) -> assertThat(id).hasSize(36));

		List<JsonNode> lines = awaitLogLines("Imported units.csv", Duration.ofSeconds(10));
		List<JsonNode> ofTheImport = lines.stream()
			.filter((l) -> "ops-request-0001".equals(text(l, "request", "id")))
			.toList();
		assertThat(ofTheImport).as("log lines of the import request").hasSizeGreaterThanOrEqualTo(2);
		assertThat(ofTheImport).allSatisfy((l) -> {
			assertThat(text(l, "user", "name")).isEqualTo("admin");
			assertThat(l.path("log").path("logger").asString()).isNotBlank();
			assertThat(l.path("@timestamp").asString()).isNotBlank();
		});
		assertThat(ofTheImport).anySatisfy((l) -> assertThat(l.path("message").asString()).startsWith("Imported"));
		// lines outside any request have no request id
		assertThat(lines).anySatisfy((l) -> assertThat(text(l, "request", "id")).isNull());

		// the database goes away: not ready, still alive; back: ready again, same process
		long pid = this.started.get(0).pid();
		int pgPort = Integer.parseInt(Files.readAllLines(pg().resolve("postmaster.pid")).get(3).strip());
		EmbeddedCluster.stopOrphanedServer(pg());
		long down = System.nanoTime();
		awaitStatus(port, "/actuator/health/readiness", 503, Duration.ofSeconds(20));
		System.out.printf("readiness DOWN %d ms after PostgreSQL stopped%n", (System.nanoTime() - down) / 1_000_000);
		assertThat(status(port, "/actuator/health/liveness")).isEqualTo(200);
		restartPostgres(pgPort);
		long up = System.nanoTime();
		awaitStatus(port, "/actuator/health/readiness", 200, Duration.ofSeconds(30));
		System.out.printf("readiness UP %d ms after PostgreSQL started again%n", (System.nanoTime() - up) / 1_000_000);
		assertThat(this.started.get(0).pid()).isEqualTo(pid);
		assertThat(this.started.get(0).isAlive()).isTrue();
		// and the pool serves requests again
		HttpResponse<String> again = this.http
			.send(request(port, "/api/v1/imports/units").header("Authorization", basic("admin", ADMIN_PASSWORD))
				.header("Content-Type", "text/csv")
				.POST(HttpRequest.BodyPublishers
					.ofString("unit_code,unit_name,unit_type,parent_code\nOPP,Ops 2,PROVIDER,\n"))
				.timeout(Duration.ofSeconds(60))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
	}

	/**
	 * A field of an ECS line, nested ({"request": {"id": ...}}) or dotted ("request.id").
	 */
	private static String text(JsonNode line, String outer, String inner) {
		JsonNode nested = line.path(outer).path(inner);
		if (!nested.isMissingNode() && !nested.isNull()) {
			return nested.asString();
		}
		JsonNode dotted = line.path(outer + "." + inner);
		return (dotted.isMissingNode() || dotted.isNull()) ? null : dotted.asString();
	}

	/** Every line of the log once one of them contains the text; each must be JSON. */
	private List<JsonNode> awaitLogLines(String text, Duration limit) throws Exception {
		long deadline = System.nanoTime() + limit.toNanos();
		while (true) {
			List<String> raw = Files.readAllLines(this.dir.resolve("probity.log"), StandardCharsets.UTF_8);
			if (raw.stream().anyMatch((l) -> l.contains(text)) || System.nanoTime() > deadline) {
				List<JsonNode> lines = new ArrayList<>();
				for (String line : raw) {
					if (line.isBlank() || line.startsWith("WARNING: ")) {
						// the JDK's own warnings on stderr (native access), not Probity's
						// log
						continue;
					}
					assertThat(line).as("every log line is a JSON object").startsWith("{");
					lines.add(JSON.readTree(line));
				}
				assertThat(lines).as("JSON log lines").isNotEmpty();
				return lines;
			}
			Thread.sleep(100);
		}
	}

	private void start(int port) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
				"-Dprobity.embedded.durable=false", "-cp", classpath, ProbityApplication.class.getName());
		Map<String, String> env = builder.environment();
		env.remove("PROBITY_DATABASE_URL");
		env.put("PROBITY_DATA_DIR", this.dir.resolve("data").toString());
		env.put("SERVER_PORT", Integer.toString(port));
		env.put("PROBITY_DEMO_DATA", "false");
		env.put("PROBITY_ADMIN_PASSWORD", ADMIN_PASSWORD);
		env.put("PROBITY_LOG_FORMAT", "json");
		builder.redirectErrorStream(true).redirectOutput(this.dir.resolve("probity.log").toFile());
		this.started.add(builder.start());
	}

	/**
	 * Starts the stopped cluster again on its port, where Probity's pool looks for it.
	 */
	private void restartPostgres(int port) throws IOException {
		// zonky's lock file is still locked by Probity's process (its cluster object
		// lives
		// on): a new file is a new lock, which this process takes
		Files.deleteIfExists(pg().resolve("epg-lock"));
		this.restarted = EmbeddedCluster.start(this.dir.resolve("data"), false, false, port);
	}

	private Path pg() {
		return this.dir.resolve("data").resolve("pg");
	}

	private void awaitStatus(int port, String path, int wanted, Duration limit) throws Exception {
		long deadline = System.nanoTime() + limit.toNanos();
		int last = -1;
		while (System.nanoTime() < deadline) {
			last = status(port, path);
			if (last == wanted) {
				return;
			}
			Thread.sleep(200);
		}
		List<String> log = Files.readAllLines(this.dir.resolve("probity.log"));
		throw new AssertionError(path + " answered " + last + ", not " + wanted + ", within " + limit + "; log:\n"
				+ String.join("\n", log.subList(Math.max(0, log.size() - 30), log.size())));
	}

	private int status(int port, String path) throws InterruptedException {
		try {
			return this.http
				.send(request(port, path).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString())
				.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private static HttpRequest.Builder request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	private static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
