package org.probity.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.measures.MeasureRecomputation;
import org.probity.reports.archive.StoredReport;
import org.probity.reports.packs.MonthlyPacks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The time to generate the monthly pack on the national dataset (not part of the test
 * suite; BENCHMARKS.md): the measures benchmark's generator (scripts/benchmark), one full
 * recomputation, then last month's pack generated three times (a new draft, then the
 * draft regenerated twice) and its PDF and XLSX through the API. Run with
 * {@code mvn test -Dtest=MonthlyPackBenchmark -Dbenchmark=true}; figures go to
 * target/benchmark-pack.txt.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class MonthlyPackBenchmark {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MeasureRecomputation recomputation;

	@Autowired
	MonthlyPacks packs;

	@Autowired
	Accounts accounts;

	@LocalServerPort
	int port;

	private final List<String> report = new ArrayList<>();

	@Test
	void nationalMonthlyPack() throws IOException {
		YearMonth current = YearMonth.now();
		LocalDate start = current.minusMonths(24).atDay(1);
		LocalDate end = current.minusMonths(1).atEndOfMonth();
		long t = System.nanoTime();
		if (count("event") < 350_000) {
			generate(start, end);
		}
		note("Generated in %d s: %d units, %d events, %d contacts", millis(t) / 1000, count("unit"), count("event"),
				count("contact"));
		if (count("measure_case") == 0) {
			t = System.nanoTime();
			this.recomputation.recomputeAll();
			note("Full recomputation, reading every contact: %d ms", millis(t));
		}
		this.accounts.createOrReset("bench-quality", "Bench quality", Role.QUALITY_TEAM, null, null, "bench-pack");
		CurrentUser quality = this.accounts.userFor("bench-quality").orElseThrow();
		YearMonth month = current.minusMonths(1);
		StoredReport pack = null;
		for (int run = 1; run <= 3; run++) {
			t = System.nanoTime();
			pack = this.packs.generate(month, this.packs.provider(null), null, quality);
			note("Monthly pack %s generated (run %d, %s): %d ms, %d bytes of JSON", month, run,
					(run == 1) ? "new draft" : "draft regenerated", millis(t), pack.content().length());
		}
		ReportsApiClient api = new ReportsApiClient(this.port, "bench-quality", "bench-pack");
		for (String format : List.of("pdf", "xlsx")) {
			t = System.nanoTime();
			ReportsApiClient.Response response = api.get("/api/v1/reports/" + pack.id() + "." + format);
			note("GET /api/v1/reports/{id}.%s: %d ms, HTTP %d, %d bytes", format, millis(t), response.status(),
					response.bytes().length);
		}
		t = System.nanoTime();
		ReportsApiClient.Response page = api.get("/api/v1/reports/" + pack.id());
		note("GET /api/v1/reports/{id}: %d ms, HTTP %d", millis(t), page.status());
		Files.write(Path.of("target", "benchmark-pack.txt"), this.report);
	}

	// The measures benchmark's load (MeasuresBenchmark): contact indexes dropped for the
	// load and built again after it.
	private void generate(LocalDate start, LocalDate end) {
		List<String> indexes = this.jdbc
			.sql("select indexdef from pg_indexes where tablename = 'contact' and indexname <> 'contact_pkey'")
			.query(String.class)
			.list();
		List<String> names = this.jdbc
			.sql("select indexname from pg_indexes where tablename = 'contact' and indexname <> 'contact_pkey'")
			.query(String.class)
			.list();
		this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.sql("set local session_replication_role = replica").update();
			this.jdbc.sql("alter table contact drop constraint contact_pkey").update();
			this.jdbc.sql("drop index " + String.join(", ", names)).update();
			String sql;
			try {
				sql = Files.readString(Path.of("scripts", "benchmark", "national-data.sql"));
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			sql = sql.replace(":start", "'" + start + "'").replace(":end", "'" + end + "'");
			for (String statement : sql.split(";\\s*\\n")) {
				String body = statement.lines()
					.filter((l) -> !l.trim().startsWith("--"))
					.reduce("", (a, b) -> a + b + "\n");
				if (!body.isBlank()) {
					if (body.strip().startsWith("select")) {
						this.jdbc.sql(body).query().listOfRows();
					}
					else {
						this.jdbc.sql(body).update();
					}
				}
			}
		});
		this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.sql("set local maintenance_work_mem = '1GB'").update();
			this.jdbc.sql("alter table contact add primary key (contact_id)").update();
			indexes.forEach((ddl) -> this.jdbc.sql(ddl).update());
		});
		this.jdbc.sql("vacuum analyze").update();
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private void note(String format, Object... args) {
		String line = String.format(format, args);
		System.out.println("BENCHMARK " + line);
		this.report.add(line);
	}

	private static long millis(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

}
