package org.probity.equality;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.probity.shared.Period;
import org.probity.shared.web.PageSession;

/**
 * The equality reads of the national benchmark (MeasuresBenchmark with
 * {@code -Dbenchmark.equality=true}), over HTTP as a user meets them: the overview for
 * the provider and a quarter, one measure's page for a team and a month, and that page
 * for many teams and months at once from 20 users. Each figure says whether the counts
 * were read afresh (cold) or from the node's recent reads (warm).
 */
public final class EqualityReads {

	private final int port;

	private final JdbcClient jdbc;

	private final List<String> report = new ArrayList<>();

	public EqualityReads(int port, JdbcClient jdbc) {
		this.port = port;
		this.jdbc = jdbc;
	}

	public List<String> time(YearMonth current) throws java.io.IOException {
		String provider = this.jdbc.sql("select unit_code from unit where unit_type = 'PROVIDER' limit 1")
			.query(String.class)
			.single();
		List<String> teams = this.jdbc.sql("select unit_code from unit where unit_type = 'TEAM' order by unit_code")
			.query(String.class)
			.list();
		YearMonth lastMonth = current.minusMonths(1);
		Period quarter = EqualityPages.lastFullQuarter(lastMonth);
		PageSession admin = new PageSession(this.port).signedIn("admin", "test-admin-password");
		for (String kind : List.of("cold", "warm")) {
			long t = System.nanoTime();
			HttpResponse<String> overview = admin.get("/equality?period=" + quarter.code() + "&unit=" + provider);
			note("Overview page, provider %s, %s (16 measures x 8 characteristics, a 12-month trend; cold: the first read after a recomputation, which counts the 12 months for every unit), %s: %d ms (HTTP %d)",
					provider, quarter.code(), kind, millis(t), overview.statusCode());
		}
		for (String kind : List.of("cold", "warm")) {
			long t = System.nanoTime();
			HttpResponse<String> detail = admin.get("/equality/SL001R?period=" + lastMonth + "&unit=" + teams.get(0));
			note("SL001R page, team %s, %s, %s: %d ms (HTTP %d)", teams.get(0), lastMonth, kind, millis(t),
					detail.statusCode());
		}
		for (String kind : List.of("cold", "warm")) {
			long t = System.nanoTime();
			int status = api("/api/v1/equality/AM_K?period=" + quarter.code() + "&unit=" + provider);
			note("API AM_K, provider, %s, %s: %d ms (HTTP %d)", quarter.code(), kind, millis(t), status);
		}
		// the steady state: after an import the background counting leaves the last 13
		// months counted; 2026-10 is not in the overview's trend, so count each month the
		// users ask for once before they start (otherwise the first of them counts it
		// while the others wait for the lock)
		for (int i = 1; i <= 6; i++) {
			long m = System.nanoTime();
			HttpResponse<String> month = admin
				.get("/equality/SL001R?period=" + lastMonth.minusMonths(i) + "&unit=" + teams.get(teams.size() - 1));
			note("SL001R page, team %s, %s, first read of the month: %d ms (HTTP %d)", teams.get(teams.size() - 1),
					lastMonth.minusMonths(i), millis(m), month.statusCode());
		}
		List<PageSession> users = new ArrayList<>();
		for (int u = 0; u < 20; u++) {
			users.add(new PageSession(this.port).signedIn("admin", "test-admin-password"));
		}
		// 20 users at once, each asking for one measure's page of 10 (team, month) pairs
		// no one asked for before, so that every read sums afresh: first other measures'
		// pages for 20 s (-Dbenchmark.equality.warmup=S), to warm the server's code up as
		// on a node that has been running, then SL001R's, timed
		long warmUp = System.nanoTime() + Integer.getInteger("benchmark.equality.warmup", 20) * 1_000_000_000L;
		for (String code : List.of("SL002R", "SL003R", "SL004R", "SL006R", "SL008", "SL010", "SL011R", "SL013", "SL016",
				"SL018")) {
			if (System.nanoTime() > warmUp) {
				break;
			}
			concurrently(code, users, pairs(code, lastMonth, teams));
		}
		concurrently("SL001R", users, pairs("SL001R", lastMonth, teams));
		return this.report;
	}

	private static List<String> pairs(String code, YearMonth lastMonth, List<String> teams) {
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			paths.add("/equality/" + code + "?period=" + lastMonth.minusMonths(1 + i % 6) + "&unit="
					+ teams.get((7 * i + 1) % teams.size()));
		}
		return paths;
	}

	private void concurrently(String code, List<PageSession> users, List<String> paths) {
		List<Long> times = Collections.synchronizedList(new ArrayList<>());
		java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
		int each = paths.size() / users.size();
		long t = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(users.size())) {
			List<Future<?>> done = new ArrayList<>();
			for (int u = 0; u < users.size(); u++) {
				PageSession user = users.get(u);
				List<String> mine = paths.subList(u * each, u * each + each);
				done.add(pool.submit(() -> {
					for (String path : mine) {
						long s = System.nanoTime();
						if (user.get(path).statusCode() != 200) {
							failed.incrementAndGet();
						}
						times.add(millis(s));
					}
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		List<Long> sorted = new ArrayList<>(times);
		Collections.sort(sorted);
		note("%s page for %d (team, month) pairs, %d users at once, months counted, pairs not read before: median %d ms,"
				+ " p95 %d ms, max %d ms, %d ms in all, %d not HTTP 200", code, paths.size(), users.size(),
				sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
				sorted.get(sorted.size() - 1), millis(t), failed.get());
	}

	private int api(String path) throws java.io.IOException {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
					.header("Authorization",
							"Basic " + Base64.getEncoder()
								.encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8)))
					.build(), HttpResponse.BodyHandlers.ofString())
				.statusCode();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
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
