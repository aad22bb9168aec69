package org.probity;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.ScopeFixture.Person;
import org.probity.ScopeFixture.Viewer;
import org.probity.accounts.Accounts;
import org.probity.audits.AuditProgrammes;
import org.probity.audits.CaseAudits;
import org.probity.audits.Inspections;
import org.probity.measures.MeasureRecomputation;
import org.probity.shared.web.PageSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data scope from the outside (issue 10, point 3): every GET route of Probity (pages with
 * a signed-in form session, {@code /api/**} with HTTP Basic) is called by an account of
 * every role, with path variables and the query parameters each handler declares filled
 * from a small provider ({@link ScopeFixture}). A 200 response fails the test when it
 * <ul>
 * <li>names (page, CSV, XLSX, PDF or JSON) a CRN that the account may not open, unless
 * the case is in the account's scope and the CRN stands in a row that says "restricted"
 * and carries no name, date or reason; or unless it is the CRN the URL itself asks for,
 * echoed in a link or field or outside a table row;</li>
 * <li>shows a restricted person's name or date of birth to an account that may not open
 * the case;</li>
 * <li>answers a URL that names a unit, staff member, inspection or programme outside the
 * account's scope (the server should refuse it), or names an inspection of a unit outside
 * it.</li>
 * </ul>
 * Every violation is collected before the test fails, one line each:
 * {@code ROLE GET url -> CRN}.
 * <p>
 * To keep the run short: a route whose plain call (no subject parameter) a role is
 * refused (401, 403) is not called with its other parameters by that role; measure codes
 * other than those the fixture fills are called with their period only; a case list is
 * also asked for as CSV with every subject, other routes as CSV and XLSX with their plain
 * call only, the report's PDF for one unit. The access log page may name cases in scope
 * (it is the record of who opened which case, with no case details).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataScopeTests {

	private static final Pattern CRN = Pattern.compile("(?<![A-Za-z0-9])([A-Z][0-9]{6})(?![0-9])");

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");

	private static final Pattern FULL_DATE = Pattern.compile(
			"\\b(\\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \\d{4}|\\d{4}-\\d{2}-\\d{2})\\b");

	/** Words of the reasons measures give for a case (sql/measures). */
	private static final List<String> REASON_WORDS = List.of("contact", "plan", "referred", "terminated", "completed",
			"unpaid work", "accommodation", "attended", "business day", "information");

	/**
	 * The measures whose case lists are called with every unit and staff: one stored
	 * measure and one listed from the monthly contact SQL; figures with the first only.
	 */
	private static final Set<String> FILLED_MEASURES = Set.of("SL001R", "AM_K");

	private static final String FILLED_FIGURE = "SL001R";

	/** The unit a PDF (slow to make) is asked for: outside the senior manager's scope. */
	private static final List<String> PDF_UNITS = List.of(ScopeFixture.LDU2);

	private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcClient jdbc;

	ScopeFixture fixture;

	@BeforeAll
	void provider(@Autowired Accounts accounts, @Autowired MeasureRecomputation recomputation,
			@Autowired CaseAudits audits, @Autowired AuditProgrammes programmes, @Autowired Inspections inspections) {
		this.fixture = new ScopeFixture(this.jdbc).estate()
			.people()
			.accounts(accounts)
			.measures(recomputation)
			.audits(accounts, audits, programmes, inspections);
	}

	record Route(String pattern, Set<String> parameters) {

		boolean api() {
			return this.pattern.startsWith("/api/");
		}

	}

	/** One URL to call, with what it names. */
	record Call(String url, Map<String, String> pathValues, Map<String, String> query) {
	}

	@Test
	void noResponseShowsACaseOrUnitItsReaderMayNotSee() {
		long started = System.nanoTime();
		List<Route> routes = routes();
		List<String> measureCodes = measureCodes();
		Map<String, Boolean> otherPeople = otherPeople();
		Set<String> violations = new ConcurrentSkipListSet<>();
		Set<String> unwalked = new ConcurrentSkipListSet<>();
		AtomicInteger pairs = new AtomicInteger();
		AtomicInteger requests = new AtomicInteger();
		Map<String, LongAdder> cost = new ConcurrentHashMap<>();
		Map<String, LongAdder> calls = new ConcurrentHashMap<>();
		// the roles walk side by side, each with its own session
		ExecutorService walkers = Executors.newFixedThreadPool(3);
		try {
			List<Future<?>> walks = new ArrayList<>();
			for (Viewer viewer : Viewer.values()) {
				walks.add(walkers.submit(() -> {
					PageSession pages = new PageSession(this.port).signedIn(viewer.username, ScopeFixture.PASSWORD);
					for (Route route : routes) {
						List<List<Call>> groups = calls(route, measureCodes, unwalked);
						if (groups.isEmpty()) {
							continue;
						}
						pairs.incrementAndGet();
						long routeStarted = System.nanoTime();
						for (List<Call> group : groups) {
							for (int i = 0; i < group.size(); i++) {
								Call call = group.get(i);
								HttpResponse<byte[]> response = route.api() ? basic(viewer, call.url())
										: pages.getBytes(call.url());
								requests.incrementAndGet();
								calls.computeIfAbsent(route.pattern(), (k) -> new LongAdder()).increment();
								int status = response.statusCode();
								if (i == 0 && (status == 401 || status == 403)) {
									break;
								}
								if (status == 200) {
									check(viewer, route, call, Body.of(response), otherPeople, violations);
								}
							}
						}
						cost.computeIfAbsent(route.pattern(), (k) -> new LongAdder())
							.add(System.nanoTime() - routeStarted);
					}
				}));
			}
			for (Future<?> walk : walks) {
				walk.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			walkers.shutdownNow();
		}
		cost.entrySet()
			.stream()
			.sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
			.limit(8)
			.forEach((e) -> System.out.printf("Data scope: %s took %d ms in %d requests (all roles)%n", e.getKey(),
					e.getValue().sum() / 1_000_000, calls.get(e.getKey()).sum()));
		long seconds = (System.nanoTime() - started) / 1_000_000_000;
		System.out.printf("Data scope: %d routes x roles walked (%d routes, %d roles), %d requests in %d s%n",
				pairs.get(), routes.size(), Viewer.values().length, requests.get(), seconds);
		unwalked.forEach((u) -> System.out.println("Data scope: not walked (path variable unknown): " + u));
		String summary = summary(violations);
		System.out.println(summary);
		assertThat(violations)
			.as("%d responses show what their reader may not see:%n%s%nEvery one:%n%s", violations.size(), summary,
					String.join(System.lineSeparator(), violations))
			.isEmpty();
	}

	@Test
	void aManagerSeesAStaffMembersFiguresOnlyForTheCasesHeldInTheirUnits() {
		// the team 1.1 practitioner holds five community orders allocated in the month:
		// three in team 1.1, one in team 1.2 (same LDU), one in team 2.1 (other LDU)
		String url = "/api/v1/measures/SL001R/results?period=" + this.fixture.month + "&staff="
				+ ScopeFixture.PRACTITIONER;
		Map<Viewer, Integer> expected = new LinkedHashMap<>();
		expected.put(Viewer.QUALITY, 5);
		expected.put(Viewer.PRACTITIONER, 5);
		expected.put(Viewer.SENIOR_MANAGER, 4);
		expected.put(Viewer.LINE_MANAGER, 3);
		Map<Viewer, Integer> denominators = new LinkedHashMap<>();
		Pattern denominator = Pattern.compile("\"denominator\"\\s*:\\s*(\\d+)");
		for (Viewer viewer : expected.keySet()) {
			HttpResponse<byte[]> response = basic(viewer, url);
			Matcher m = denominator.matcher(new String(response.body(), StandardCharsets.UTF_8));
			denominators.put(viewer, (response.statusCode() == 200 && m.find()) ? Integer.valueOf(m.group(1)) : -1);
		}
		assertThat(denominators).as("denominator of GET %s by role", url).isEqualTo(expected);
	}

	// Routes and the URLs to call

	private List<Route> routes() {
		Map<String, Set<String>> routes = new TreeMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			HandlerMethod handler = entry.getValue();
			if (!handler.getBeanType().getName().startsWith("org.probity.")) {
				continue;
			}
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				continue;
			}
			Set<String> parameters = new LinkedHashSet<>();
			for (MethodParameter parameter : handler.getMethodParameters()) {
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				if (param == null || Map.class.isAssignableFrom(parameter.getParameterType())) {
					continue;
				}
				String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
				if (name != null) {
					parameters.add(name);
				}
			}
			for (String pattern : info.getPatternValues()) {
				routes.computeIfAbsent(pattern, (p) -> new LinkedHashSet<>()).addAll(parameters);
			}
		}
		return routes.entrySet().stream().map((e) -> new Route(e.getKey(), e.getValue())).toList();
	}

	/**
	 * The calls of a route, in groups of one set of path values: the first call of a
	 * group is the plain one (period only), then one per subject parameter value, period
	 * and format.
	 */
	private List<List<Call>> calls(Route route, List<String> measureCodes, Set<String> unwalked) {
		List<Map<String, String>> pathValues = new ArrayList<>();
		pathValues.add(new LinkedHashMap<>());
		Matcher m = PATH_VARIABLE.matcher(route.pattern());
		while (m.find()) {
			List<String> values = pathValues(route.pattern(), m.group(1), measureCodes);
			if (values == null) {
				unwalked.add(route.pattern());
				return List.of();
			}
			List<Map<String, String>> next = new ArrayList<>();
			for (Map<String, String> done : pathValues) {
				for (String value : values) {
					Map<String, String> more = new LinkedHashMap<>(done);
					more.put(m.group(1), value);
					next.add(more);
				}
			}
			pathValues = next;
		}
		List<List<Call>> groups = new ArrayList<>();
		for (Map<String, String> values : pathValues) {
			String path = PATH_VARIABLE.matcher(route.pattern())
				.replaceAll((r) -> Matcher.quoteReplacement(values.get(r.group(1))));
			boolean caseList = route.pattern().endsWith("/cases");
			boolean subjects = !route.pattern().contains("/measures/{code}") || (caseList
					? FILLED_MEASURES.contains(values.get("code")) : FILLED_FIGURE.equals(values.get("code")));
			List<Call> group = new ArrayList<>();
			List<Map<String, String>> queries = queries(route, subjects, caseList);
			// the other measures: their plain call only
			for (Map<String, String> query : subjects ? queries : queries.subList(0, 1)) {
				group.add(new Call(path + queryString(query), values, query));
			}
			groups.add(group);
		}
		return groups;
	}

	private List<String> pathValues(String pattern, String variable, List<String> measureCodes) {
		ScopeFixture f = this.fixture;
		return switch (variable) {
			case "crn" -> f.crns();
			case "id" -> {
				if (pattern.contains("/programmes/")) {
					yield strings(f.programmeIds);
				}
				if (pattern.contains("/samples/")) {
					yield strings(f.sampleIds);
				}
				if (pattern.contains("/inspections/")) {
					yield strings(f.inspections.keySet());
				}
				yield pattern.contains("/audits/") || pattern.contains("/alerts/") ? strings(f.auditIds) : null;
			}
			case "code" -> {
				if (pattern.contains("/units/")) {
					yield ScopeFixture.UNITS;
				}
				if (pattern.contains("/templates/")) {
					yield List.of("CASE_SUPERVISION");
				}
				yield pattern.contains("/measures/") ? measureCodes : null;
			}
			default -> null;
		};
	}

	/**
	 * The plain query, then one per subject value and other period; each also as CSV for
	 * a case list, the plain one only elsewhere (figures name no case).
	 */
	private List<Map<String, String>> queries(Route route, boolean subjects, boolean everyFormat) {
		Set<String> parameters = route.parameters();
		ScopeFixture f = this.fixture;
		Map<String, List<String>> context = new LinkedHashMap<>();
		context.put("period", List.of(f.month.toString(), f.quarter(), YearMonth.from(f.today).toString()));
		context.put("month", List.of(f.month.toString(), YearMonth.from(f.today).toString()));
		Map<String, List<String>> subject = new LinkedHashMap<>();
		subject.put("unit", route.pattern().endsWith(".pdf") ? PDF_UNITS : ScopeFixture.UNITS);
		subject.put("unit_code", ScopeFixture.UNITS);
		subject.put("staff", ScopeFixture.STAFF);
		subject.put("staff_code", ScopeFixture.STAFF);
		subject.put("programme", strings(f.programmeIds));
		subject.put("programme_id", strings(f.programmeIds));
		subject.put("crn", f.crns());
		List<String> q = new ArrayList<>(List.of(ScopeFixture.SURNAME));
		f.restrictedPeople().forEach((p) -> q.add(p.surname()));
		q.addAll(f.crns());
		subject.put("q", q);
		subject.put("user", List.of(Viewer.PRACTITIONER.username, Viewer.QUALITY.username));
		subject.put("level", List.of("TEAM", "LDU"));
		subject.put("contacts", List.of("all"));

		Map<String, String> base = new LinkedHashMap<>();
		context.forEach((name, values) -> {
			if (parameters.contains(name)) {
				base.put(name, values.get(0));
			}
		});
		List<Map<String, String>> queries = new ArrayList<>();
		queries.add(base);
		if (subjects) {
			subject.forEach((name, values) -> {
				if (parameters.contains(name)) {
					values.forEach((v) -> queries.add(with(base, name, v)));
				}
			});
			context.forEach((name, values) -> {
				if (parameters.contains(name)) {
					values.stream().skip(1).forEach((v) -> queries.add(with(base, name, v)));
				}
			});
		}
		if (!parameters.contains("format")) {
			return queries;
		}
		List<Map<String, String>> formatted = new ArrayList<>();
		for (Map<String, String> query : queries) {
			formatted.add(query);
			if (everyFormat || query == base) {
				formatted.add(with(query, "format", "csv"));
			}
			// the spreadsheet holds the CSV's rows: asked for once
			if (query == base) {
				formatted.add(with(query, "format", "xlsx"));
			}
		}
		return formatted;
	}

	private static Map<String, String> with(Map<String, String> query, String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(query);
		more.put(name, value);
		return more;
	}

	private static String queryString(Map<String, String> query) {
		if (query.isEmpty()) {
			return "";
		}
		return "?" + query.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static List<String> strings(java.util.Collection<Long> ids) {
		return ids.stream().map(String::valueOf).toList();
	}

	private List<String> measureCodes() {
		HttpResponse<byte[]> catalogue = basic(Viewer.QUALITY, "/api/v1/measures");
		assertThat(catalogue.statusCode()).isEqualTo(200);
		Matcher m = Pattern.compile("\"code\"\\s*:\\s*\"([A-Za-z0-9_]+)\"")
			.matcher(new String(catalogue.body(), StandardCharsets.UTF_8));
		Set<String> codes = new LinkedHashSet<>();
		while (m.find()) {
			codes.add(m.group(1));
		}
		assertThat(codes).containsAll(FILLED_MEASURES);
		return List.copyOf(codes);
	}

	/**
	 * Every other person in the shared test database, with whether they are restricted.
	 */
	private Map<String, Boolean> otherPeople() {
		Map<String, Boolean> people = new HashMap<>();
		this.jdbc.sql("select crn, restricted from person")
			.query((rs, n) -> people.put(rs.getString("crn"), rs.getBoolean("restricted")))
			.list();
		this.fixture.crns().forEach(people::remove);
		// the example in the case search's hint, should a test make a person of it
		people.remove("X123456");
		return people;
	}

	// The checks

	private void check(Viewer viewer, Route route, Call call, Body body, Map<String, Boolean> otherPeople,
			Set<String> violations) {
		String where = viewer + " GET " + call.url() + " -> ";
		ScopeFixture f = this.fixture;
		Set<String> asked = new LinkedHashSet<>(call.pathValues().values());
		asked.addAll(call.query().values());
		Matcher m = CRN.matcher(body.text());
		Set<String> reported = new LinkedHashSet<>();
		while (m.find()) {
			String crn = m.group(1);
			Person person = f.people.get(crn);
			boolean inScope;
			boolean mayOpen;
			if (person != null) {
				inScope = f.inScope(viewer, person);
				mayOpen = f.mayOpen(viewer, person);
			}
			else if (otherPeople.containsKey(crn)) {
				inScope = viewer.seesEverything();
				mayOpen = viewer == Viewer.QUALITY || (inScope && !otherPeople.get(crn));
			}
			else {
				continue;
			}
			if (mayOpen || reported.contains(crn)) {
				continue;
			}
			if (asked.contains(crn) && body.html() && (body.inTag(m.start()) || body.rowAt(m.start()) == null)) {
				continue;
			}
			if (inScope && route.pattern().equals("/admin/access-log")) {
				continue;
			}
			if (inScope && restrictedRow(body.rowAt(m.start()), person)) {
				continue;
			}
			reported.add(crn);
			violations.add(where + crn + (inScope ? " (restricted, not shown as a restricted row)" : ""));
		}
		for (Person person : f.restrictedPeople()) {
			if (f.mayOpen(viewer, person)) {
				continue;
			}
			if (shows(body, person.surname(), asked)) {
				violations.add(where + person.crn() + " (restricted: name " + person.surname() + ")");
			}
			LocalDate born = person.dateOfBirth();
			if (shows(body, born.format(LONG_DATE), asked) || shows(body, born.toString(), asked)) {
				violations.add(where + person.crn() + " (restricted: date of birth)");
			}
		}
		if (body.refusal()) {
			return;
		}
		Set<String> units = new TreeSet<>();
		Set<String> staff = new TreeSet<>();
		call.pathValues().forEach((name, value) -> {
			if (route.pattern().contains("/units/")) {
				units.add(value);
			}
			if (route.pattern().contains("/inspections/")) {
				units.add(f.inspections.get(Long.valueOf(value)));
			}
			if (route.pattern().contains("/programmes/") && name.equals("id")) {
				units.add(f.programmeUnits.get(Long.valueOf(value)));
			}
		});
		call.query().forEach((name, value) -> {
			switch (name) {
				case "unit", "unit_code" -> units.add(value);
				case "staff", "staff_code" -> staff.add(value);
				case "programme", "programme_id" -> units.add(f.programmeUnits.get(Long.valueOf(value)));
				default -> {
				}
			}
		});
		units.stream()
			.filter((u) -> !f.unitsOf(viewer).contains(u))
			.forEach((u) -> violations.add(where + "unit " + u + " out of scope (answered 200)"));
		staff.stream()
			.filter((s) -> !f.staffOf(viewer).contains(s))
			.forEach((s) -> violations.add(where + "staff " + s + " out of scope (answered 200)"));
		f.inspectionNames.forEach((id, name) -> {
			String unit = f.inspections.get(id);
			if (!f.unitsOf(viewer).contains(unit) && body.text().contains(name)) {
				violations.add(where + "inspection of " + unit + " out of scope");
			}
		});
	}

	/**
	 * Whether the body shows the text; text the URL itself asked for (a search) counts
	 * only in a table row or list item of a page.
	 */
	private static boolean shows(Body body, String text, Set<String> asked) {
		if (!asked.contains(text) || !body.html()) {
			return body.text().contains(text);
		}
		for (int at = body.text().indexOf(text); at >= 0; at = body.text().indexOf(text, at + 1)) {
			if (!body.inTag(at) && body.rowAt(at) != null) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A row standing for a restricted case: it says so, and shows no name, date or
	 * reason.
	 */
	private static boolean restrictedRow(String row, Person person) {
		if (row == null) {
			return false;
		}
		String lower = row.toLowerCase(Locale.ROOT);
		if (!lower.contains("restricted")) {
			return false;
		}
		if (person != null && (row.contains(person.surname()) || row.contains(person.forename()))) {
			return false;
		}
		if (FULL_DATE.matcher(row).find()) {
			return false;
		}
		return REASON_WORDS.stream().noneMatch(lower::contains);
	}

	/** Violations by role and route, with the CRNs and codes each one showed. */
	private static String summary(Set<String> violations) {
		Map<String, Set<String>> byRoute = new TreeMap<>();
		Pattern line = Pattern.compile("(\\w+) GET ([^?]*)(\\?\\S*)? -> (.*)");
		for (String v : violations) {
			Matcher m = line.matcher(v);
			if (m.matches()) {
				String path = m.group(2).replaceAll("V97\\d{4}", "{crn}");
				String query = (m.group(3) != null) ? " ?"
						+ Pattern.compile("=[^&]*").matcher(m.group(3).substring(1)).replaceAll("").replace("&", ",")
						: "";
				String what = m.group(4)
					.replace(" (answered 200)", "")
					.replace(" (restricted, not shown as a restricted row)", " (restricted)");
				byRoute.computeIfAbsent(m.group(1) + " " + path + query, (k) -> new TreeSet<>()).add(what);
			}
		}
		StringBuilder s = new StringBuilder("Data scope: " + violations.size() + " violations on " + byRoute.size()
				+ " role x route x parameters:" + System.lineSeparator());
		byRoute.forEach((route, what) -> s.append("  ")
			.append(route)
			.append(" -> ")
			.append(String.join(", ", what))
			.append(System.lineSeparator()));
		return s.toString();
	}

	// HTTP

	private HttpResponse<byte[]> basic(Viewer viewer, String path) {
		String credentials = Base64.getEncoder()
			.encodeToString((viewer.username + ":" + ScopeFixture.PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Basic " + credentials)
			.header("Accept", "application/json")
			.GET()
			.build();
		try {
			return API.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static final HttpClient API = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	/**
	 * A response as text: HTML, JSON and CSV as they are, a spreadsheet one line per row
	 * (cells separated by tabs), a PDF as its extracted text.
	 */
	record Body(String text, Kind kind) {

		enum Kind {

			HTML, JSON, LINES

		}

		static Body of(HttpResponse<byte[]> response) {
			String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
			byte[] bytes = response.body();
			if (type.contains("pdf")) {
				return new Body(pdf(bytes), Kind.LINES);
			}
			if (type.contains("spreadsheetml") || (bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K')) {
				return new Body(xlsx(bytes), Kind.LINES);
			}
			String text = new String(bytes, StandardCharsets.UTF_8);
			if (type.contains("html")) {
				return new Body(text, Kind.HTML);
			}
			if (type.contains("json")) {
				return new Body(text, Kind.JSON);
			}
			return new Body(text, Kind.LINES);
		}

		boolean html() {
			return this.kind == Kind.HTML;
		}

		/** A page that refuses or reports a problem rather than showing data. */
		boolean refusal() {
			return this.kind == Kind.HTML && this.text.contains("govuk-error-summary");
		}

		/** Whether the character at {@code at} is inside a tag (an attribute, a link). */
		boolean inTag(int at) {
			return this.kind == Kind.HTML && this.text.lastIndexOf('<', at) > this.text.lastIndexOf('>', at);
		}

		/**
		 * The text of the row holding the character at {@code at}: a table row of a page,
		 * the innermost object of JSON, a line otherwise; null when a page shows it
		 * outside any table row or list item.
		 */
		String rowAt(int at) {
			return switch (this.kind) {
				case HTML -> {
					String row = enclosing(this.text, at, "<tr", "</tr>");
					if (row == null) {
						row = enclosing(this.text, at, "<li", "</li>");
					}
					yield (row != null) ? row.replaceAll("<[^>]+>", " ") : null;
				}
				case JSON -> object(this.text, at);
				case LINES -> {
					int start = this.text.lastIndexOf('\n', at) + 1;
					int end = this.text.indexOf('\n', at);
					yield this.text.substring(start, (end < 0) ? this.text.length() : end);
				}
			};
		}

		private static String enclosing(String text, int at, String open, String close) {
			int start = text.lastIndexOf(open, at);
			if (start < 0 || text.lastIndexOf(close, at) > start) {
				return null;
			}
			int end = text.indexOf(close, at);
			return (end < 0) ? null : text.substring(start, end);
		}

		private static String object(String text, int at) {
			int depth = 0;
			int start = -1;
			for (int i = at; i >= 0; i--) {
				char c = text.charAt(i);
				if (c == '}') {
					depth++;
				}
				else if (c == '{') {
					if (depth == 0) {
						start = i;
						break;
					}
					depth--;
				}
			}
			if (start < 0) {
				return text;
			}
			depth = 0;
			for (int i = start; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '{') {
					depth++;
				}
				else if (c == '}' && --depth == 0) {
					return text.substring(start, i + 1);
				}
			}
			return text.substring(start);
		}

		private static String pdf(byte[] bytes) {
			try (PDDocument document = Loader.loadPDF(bytes)) {
				return new PDFTextStripper().getText(document);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Not a PDF", ex);
			}
		}

		/** The cells of every sheet, one line per row, shared strings resolved. */
		private static String xlsx(byte[] bytes) {
			// read through the central directory: the streamed entries have no sizes
			Map<String, String> parts = new TreeMap<>();
			try {
				java.nio.file.Path file = java.nio.file.Files.createTempFile("scope", ".xlsx");
				try {
					java.nio.file.Files.write(file, bytes);
					try (ZipFile zip = new ZipFile(file.toFile())) {
						for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
							parts.put(entry.getName(),
									new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
						}
					}
				}
				finally {
					java.nio.file.Files.delete(file);
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException("Not a spreadsheet", ex);
			}
			List<String> shared = new ArrayList<>();
			Matcher si = Pattern.compile("<si>(.*?)</si>", Pattern.DOTALL)
				.matcher(parts.getOrDefault("xl/sharedStrings.xml", ""));
			while (si.find()) {
				shared.add(texts(si.group(1)));
			}
			StringBuilder out = new StringBuilder();
			Pattern row = Pattern.compile("<row[^>]*>(.*?)</row>", Pattern.DOTALL);
			Pattern cell = Pattern.compile("<c([^>]*?)(?:/>|>(.*?)</c>)", Pattern.DOTALL);
			Pattern value = Pattern.compile("<v>(.*?)</v>", Pattern.DOTALL);
			parts.forEach((name, xml) -> {
				if (!name.startsWith("xl/worksheets/")) {
					return;
				}
				Matcher r = row.matcher(xml);
				while (r.find()) {
					Matcher c = cell.matcher(r.group(1));
					List<String> cells = new ArrayList<>();
					while (c.find()) {
						String attributes = c.group(1);
						String content = (c.group(2) != null) ? c.group(2) : "";
						Matcher v = value.matcher(content);
						String text = v.find() ? v.group(1) : texts(content);
						if (attributes.contains("t=\"s\"") && !text.isBlank()) {
							text = shared.get(Integer.parseInt(text.trim()));
						}
						cells.add(unescape(text));
					}
					out.append(String.join("\t", cells)).append('\n');
				}
			});
			return out.toString();
		}

		private static String texts(String xml) {
			Matcher t = Pattern.compile("<t[^>]*>(.*?)</t>", Pattern.DOTALL).matcher(xml);
			StringBuilder s = new StringBuilder();
			while (t.find()) {
				s.append(t.group(1));
			}
			return s.toString();
		}

		private static String unescape(String xml) {
			return xml.replace("&lt;", "<")
				.replace("&gt;", ">")
				.replace("&quot;", "\"")
				.replace("&apos;", "'")
				.replace("&amp;", "&");
		}

	}

}
