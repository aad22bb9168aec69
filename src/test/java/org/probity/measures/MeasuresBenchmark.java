package org.probity.measures;

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
import org.probity.shared.Period;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The measures benchmark (not part of the test suite; see README): generates national
 * data with SQL, times a full recomputation, then one further month of contacts and the
 * incremental recomputation of the events it changed, and a few reads. Run with
 * {@code mvn test -Dtest=MeasuresBenchmark -Dbenchmark=true}.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class MeasuresBenchmark {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MeasureRecomputation recomputation;

	@Autowired
	MeasureResults results;

	private final List<String> report = new ArrayList<>();

	@Test
	void nationalDataset() throws IOException {
		YearMonth current = YearMonth.now();
		LocalDate start = current.minusMonths(24).atDay(1);
		LocalDate end = current.minusMonths(1).atEndOfMonth();
		note("Data: 24 months from %s to %s, then %s", start, end, current);
		long t = System.nanoTime();
		this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.sql("set local session_replication_role = replica").update();
			this.jdbc.sql("alter table contact drop constraint contact_pkey").update();
			this.jdbc.sql("drop index contact_event, contact_crn, contact_requirement").update();
			run("national-data.sql", start, end);
		});
		this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.sql("set local maintenance_work_mem = '1GB'").update();
			this.jdbc.sql("alter table contact add primary key (contact_id)").update();
			this.jdbc.sql("create index contact_event on contact (event_id, contact_at)").update();
			this.jdbc.sql("create index contact_crn on contact (crn, contact_at)").update();
			this.jdbc.sql(
					"create index contact_requirement on contact (requirement_id, contact_at) where requirement_id is not null")
				.update();
		});
		this.jdbc.sql("vacuum analyze").update();
		note("Generated in %d s: %s people, %s events, %s requirements, %s contacts", seconds(t), count("person"),
				count("event"), count("requirement"), count("contact"));

		for (int i = 1; i <= 2; i++) {
			t = System.nanoTime();
			this.recomputation.recomputeAll();
			note("Full recomputation, run %d: %d ms (%s per-case rows, %s unit results, %s practitioner results)", i,
					millis(t), count("measure_case"), count("measure_unit_result"), count("measure_staff_result"));
		}

		List<String> changed = new ArrayList<>();
		t = System.nanoTime();
		this.transactions.executeWithoutResult((tx) -> {
			run("next-month.sql", start, end);
			changed.addAll(this.jdbc.sql("select event_id from bench_changed").query(String.class).list());
		});
		note("One further month: %d contacts for %d events added in %d ms",
				countWhere("contact", "contact_id like '%-n%'"), changed.size(), millis(t));
		this.jdbc.sql("analyze contact").update();
		t = System.nanoTime();
		this.transactions.executeWithoutResult((tx) -> this.recomputation.recomputeEvents(changed));
		note("Incremental recomputation of the %d changed events: %d ms", changed.size(), millis(t));

		for (String period : List.of(current.toString(), current.minusMonths(3).toString(), "" + current.getYear())) {
			t = System.nanoTime();
			for (String measure : MeasureRecomputation.MEASURES) {
				this.results.unitResult(measure, Period.parse(period), "N00");
				this.results.trend(measure, "N00", false, current, 12);
			}
			note("Provider dashboard for %s (16 results and 16 twelve-month trends): %d ms", period, millis(t));
		}
		t = System.nanoTime();
		int cases = this.results.cases("AM_K", Period.parse(current.minusMonths(1).toString()), "N00R01L1T01", null)
			.size();
		note("Drill-down to the %d AM_K cases of a team for a month: %d ms", cases, millis(t));
		Files.write(Path.of("target", "benchmark.txt"), this.report);
	}

	private void run(String script, LocalDate start, LocalDate end) {
		String sql;
		try {
			sql = Files.readString(Path.of("scripts", "benchmark", script));
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
				long t = System.nanoTime();
				if (body.strip().startsWith("select")) {
					this.jdbc.sql(body).query().listOfRows();
				}
				else {
					this.jdbc.sql(body).update();
				}
				System.out.printf("  %6d ms  %s%n", millis(t), body.strip().lines().findFirst().orElse(""));
			}
		}
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private long countWhere(String table, String where) {
		return this.jdbc.sql("select count(*) from " + table + " where " + where).query(Long.class).single();
	}

	private void note(String format, Object... args) {
		String line = String.format(format, args);
		System.out.println("BENCHMARK " + line);
		this.report.add(line);
	}

	private static long millis(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static long seconds(long start) {
		return millis(start) / 1000;
	}

}
