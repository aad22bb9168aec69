package org.probity.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /actuator/prometheus over real HTTP: only for the METRICS role, with the JVM, HTTP and
 * pool metrics and Probity's own after an import.
 */
@IntegrationTest
class MetricsEndpointTests {

	private static final long KEY = 0x50524F42495459E7L;

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ScheduledWork work;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void accounts() {
		this.accounts.createOrReset("mx-scraper", "Metrics scraper", Role.METRICS, null, null, "mx-password-1");
		this.accounts.createOrReset("mx-quality", "MX Quality", Role.QUALITY_TEAM, null, null, "mx-password-2");
	}

	@Test
	void onlyAMetricsAccountReadsTheMetricsAndItReadsNothingElse() throws Exception {
		assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", basic("mx-quality", "mx-password-2")).statusCode()).isEqualTo(403);
		assertThat(get("/actuator/prometheus", basic("admin", "test-admin-password")).statusCode()).isEqualTo(403);
		assertThat(get("/actuator/prometheus", basic("mx-scraper", "wrong-password")).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", basic("mx-scraper", "mx-password-1")).statusCode()).isEqualTo(200);
		// the scraper's account opens no API route
		assertThat(get("/api/v1/measures", basic("mx-scraper", "mx-password-1")).statusCode()).isEqualTo(403);
	}

	@Test
	void afterAnImportThePrometheusOutputHasProbitysOwnMetricsBesideTheJvmHttpAndPoolOnes() throws Exception {
		HttpResponse<String> applied = importUnits(
				"unit_code,unit_name,unit_type,parent_code\nMXP,MX provider,PROVIDER,\n");
		assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
		HttpResponse<String> rejected = importUnits(
				"unit_code,unit_name,unit_type,parent_code\nMXR1,MX region,REGION,\n");
		assertThat(rejected.statusCode()).isEqualTo(422);
		this.work.runOnce("metrics probe", KEY, () -> {
		});
		long overdueAlerts = this.jdbc
			.sql("select count(*) from audit_alert where acknowledged_at is null and due_date < current_date")
			.query(Long.class)
			.single();

		HttpResponse<String> scrape = get("/actuator/prometheus", basic("mx-scraper", "mx-password-1"));

		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
		String metrics = scrape.body();
		System.out.println(metrics.lines().filter((l) -> l.startsWith("probity_")).toList());
		assertThat(metrics).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count",
				"hikaricp_connections_active");
		assertThat(value(metrics, "probity_imports_seconds_count", "dataset=\"units\"", "outcome=\"applied\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(value(metrics, "probity_imports_seconds_count", "dataset=\"units\"", "outcome=\"rejected\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(value(metrics, "probity_imports_rows_total", "dataset=\"units\"", "outcome=\"applied\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(value(metrics, "probity_imports_seconds_sum", "dataset=\"units\"", "outcome=\"applied\""))
			.isPositive();
		// a units import recomputes every measure from the contact summaries
		assertThat(value(metrics, "probity_measures_recomputation_seconds_count", "kind=\"summaries\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(value(metrics, "probity_scheduled_work_total", "job=\"metrics probe\"", "outcome=\"ran\""))
			.isEqualTo(1);
		assertThat(value(metrics, "probity_audits_alerts_overdue")).isEqualTo(overdueAlerts);
		assertThat(metrics).contains("probity_improvement_actions_overdue");
		assertThat(metrics).contains("application=\"probity\"");
	}

	/** The value of the first sample of the metric whose labels include all of these. */
	private static double value(String metrics, String name, String... labels) {
		Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);
		Matcher m = line.matcher(metrics);
		while (m.find()) {
			String given = (m.group(1) != null) ? m.group(1) : "";
			boolean all = true;
			for (String label : labels) {
				all &= given.contains(label);
			}
			if (all) {
				return Double.parseDouble(m.group(2));
			}
		}
		throw new AssertionError("No " + name + " with " + String.join(", ", labels) + " in:\n"
				+ metrics.lines().filter((l) -> l.startsWith(name)).reduce("", (a, b) -> a + b + "\n"));
	}

	private HttpResponse<String> importUnits(String csv) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri("/api/v1/imports/units"))
			.header("Authorization", basic("admin", "test-admin-password"))
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(csv))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
