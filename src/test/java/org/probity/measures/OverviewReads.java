package org.probity.measures;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.probity.measures.results.MeasureOverview;
import org.probity.shared.web.PageSession;

/**
 * The home page's overview in the national benchmark (MeasuresBenchmark with
 * {@code -Dbenchmark.overview=true}), over HTTP as users meet it: the first read after a
 * recomputation, then 20 signed-in users at once, each reading the pages of the overview
 * in turn for a while after a warm-up (the JIT), with the latency of every request.
 */
final class OverviewReads {

	private final int port;

	private final List<String> report = new ArrayList<>();

	/** The line managers' sessions, signed in when their reads start; null: not timed. */
	private java.util.function.Supplier<List<PageSession>> managers;

	OverviewReads(int port) {
		this.port = port;
	}

	List<String> time(YearMonth current) {
		PageSession admin = new PageSession(this.port).signedIn("admin", "test-admin-password");
		for (String kind : List.of("first read after the recomputation", "read again")) {
			long t = System.nanoTime();
			HttpResponse<String> home = admin.get("/");
			note("Home page with the overview, page 1, %s: %d ms (HTTP %d, %d KB, %d team rows)", kind, millis(t),
					home.statusCode(), home.body().length() / 1024, count(home.body(), "probity-overview__team"));
		}
		String first = admin.get("/").body();
		int pages = 1;
		while (first.contains("href=\"/?page=" + (pages + 1) + "\"")) {
			pages++;
		}
		note("The overview has %d pages of whole LDUs (%d teams a page at most)", pages,
				MeasureOverview.TEAMS_PER_PAGE);
		List<PageSession> users = new ArrayList<>();
		for (int u = 0; u < 20; u++) {
			users.add(new PageSession(this.port).signedIn("admin", "test-admin-password"));
		}
		long warmUp = Long.getLong("benchmark.overview.warmup", 20);
		long measure = Long.getLong("benchmark.overview.seconds", 30);
		int all = pages;
		timed(users, "Home page with the overview", (i) -> "/?page=" + (1 + i % all), warmUp, measure,
				"pages 1 to " + pages + " in turn");
		// the same users on a page without the overview, as a floor: what any signed-in
		// page costs on this machine at the time
		timed(users, "Case search page (no overview, for comparison)", (i) -> "/cases", warmUp / 2, measure / 2,
				"the empty search form");
		if (this.managers != null) {
			timed(this.managers.get(), "Home page of 20 line managers, each of their own team", (i) -> "/", warmUp / 2,
					measure / 2, "their team's overview, deadlines, absences and reviews");
		}
		return this.report;
	}

	/**
	 * Also times 20 line managers at once, each signed in as the manager of a team of
	 * their own (the first 20 teams), on their home page: the team's row of the overview,
	 * the practitioners' deadlines and absences from the measures' SQL, reviews due.
	 */
	OverviewReads withLineManagers(org.springframework.jdbc.core.simple.JdbcClient jdbc,
			org.probity.accounts.Accounts accounts) {
		this.managers = () -> {
			List<PageSession> sessions = new ArrayList<>();
			for (String team : jdbc
				.sql("select unit_code from estate_unit where unit_type = 'TEAM' order by unit_code limit 20")
				.query(String.class)
				.list()) {
				String staff = jdbc.sql("select min(staff_code) from estate_staff where team_code = :team")
					.param("team", team)
					.query(String.class)
					.single();
				String username = "bench-spo-" + team.strip().toLowerCase();
				accounts.createOrReset(username, "SPO " + team, org.probity.accounts.Role.LINE_MANAGER,
						new org.probity.shared.StaffCode(staff), new org.probity.shared.UnitCode(team.strip()),
						username + "@probation.example.gov.uk", "bench-password-2026");
				sessions.add(new PageSession(this.port).signedIn(username, "bench-password-2026"));
			}
			return sessions;
		};
		return this;
	}

	private void timed(List<PageSession> users, String what, java.util.function.IntFunction<String> paths, long warmUp,
			long measure, String how) {
		load(users, paths, warmUp, null);
		List<Long> times = Collections.synchronizedList(new ArrayList<>());
		long t = System.nanoTime();
		AtomicInteger failures = load(users, paths, measure, times);
		long elapsed = millis(t);
		List<Long> sorted = new ArrayList<>(times);
		Collections.sort(sorted);
		note("%s, 20 users at once for %d s after a %d s warm-up, %s: %d requests (%.1f a second), median %d ms,"
				+ " p95 %d ms, p99 %d ms, max %d ms, %d not 200", what, measure, warmUp, how, sorted.size(),
				sorted.size() * 1000.0 / elapsed, sorted.get(sorted.size() / 2),
				sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
				sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1), sorted.get(sorted.size() - 1), failures.get());
	}

	private static AtomicInteger load(List<PageSession> users, java.util.function.IntFunction<String> paths,
			long seconds, List<Long> times) {
		AtomicInteger failures = new AtomicInteger();
		long until = System.nanoTime() + seconds * 1_000_000_000L;
		try (ExecutorService pool = Executors.newFixedThreadPool(users.size())) {
			List<Future<?>> done = new ArrayList<>();
			for (int u = 0; u < users.size(); u++) {
				PageSession user = users.get(u);
				int start = u;
				done.add(pool.submit(() -> {
					for (int i = start; System.nanoTime() < until; i++) {
						long s = System.nanoTime();
						HttpResponse<String> r = user.get(paths.apply(i));
						if (times != null) {
							times.add(millis(s));
							if (r.statusCode() != 200) {
								failures.incrementAndGet();
							}
						}
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
		return failures;
	}

	private static int count(String text, String part) {
		int n = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			n++;
		}
		return n;
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
