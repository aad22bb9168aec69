package org.probity;

import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.shared.web.PageSession;
import org.probity.testing.CaseData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No input gets a 500 (issue 10, point 8). Walks every GET route of Probity (from the
 * handler mappings, as {@link ResourceSecurityTests} does) as a signed-in quality-team
 * user and an administrator (pages, through the sign-in form) and as an API client and
 * the quality team over HTTP Basic (API), and sends each query parameter the handler
 * declares, and each path variable, one malformed value at a time: NUL bytes, huge
 * numbers, far dates, a tiny exponent, NaN, negative numbers, 5,000-character strings.
 * Then posts such values to the target form, its confirmation step and the inspection
 * form. Any 5xx fails, listed with the request that got it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputTests {

	static final List<String> VALUES = List.of("\u0000", "N54\u0000T01", "99999999999999999999", "-99999999999",
			"+999999999-12", "0000-00", "1e-999999999", "NaN", "-50", "-1", "1000", "2024-13-45", "%", "'",
			"a".repeat(5000));

	/** The fields of handlers that read every parameter into a map. */
	static final List<String> MAP_FIELDS = List.of("unitCode", "staffCode", "dateFrom", "dateTo", "margin",
			"confidence", "eventTypes", "failedMeasure", "failedMeasurePeriod", "sampleSize", "seed", "q", "crn");

	/**
	 * Valid values of parameters, sent beside the one malformed (units of the test's
	 * estate).
	 */
	static final Map<String, String> VALID = Map.ofEntries(Map.entry("unitCode", "FZP"), Map.entry("unit", "FZP"),
			Map.entry("unit_code", "FZP"), Map.entry("staffCode", "FZS0001"), Map.entry("staff", "FZS0001"),
			Map.entry("staff_code", "FZS0001"), Map.entry("population_size", "100"), Map.entry("confidence", "80"),
			Map.entry("margin", "0.05"), Map.entry("period", "2024-03"), Map.entry("month", "2024-03"),
			Map.entry("from", "2024-01-01"), Map.entry("to", "2024-03-31"), Map.entry("dateFrom", "2024-01-01"),
			Map.entry("dateTo", "2024-03-31"), Map.entry("page", "1"), Map.entry("size", "10"));

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	int requests;

	final List<String> failures = new ArrayList<>();

	/**
	 * 400s that do not say so as the house does: a page without "Error:", JSON without a
	 * message.
	 */
	final List<String> unexplained = new ArrayList<>();

	/**
	 * How many responses of each status, by kind of client: to see that the walk was not
	 * all refused.
	 */
	final Map<String, Integer> statuses = new java.util.TreeMap<>();

	@BeforeAll
	void accounts(@Autowired Accounts accounts, @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		CaseData caseData = new CaseData(jdbc);
		caseData.aProvider("FZP").named("Fuzz provider").insert();
		caseData.aTeam("FZT1").named("Fuzz team").under("FZP").insert();
		caseData.aStaffMember("FZS0001")
			.named("Fuzz", "Officer")
			.inTeam("FZT1")
			.startedOn(java.time.LocalDate.of(2020, 1, 1))
			.insert();
		accounts.createOrReset("fuzz-quality", "Fuzz Quality", Role.QUALITY_TEAM, null, null, "fuzz-password-1");
		accounts.createOrReset("fuzz-api", "Fuzz API client", Role.API_CLIENT, null, null, "fuzz-password-2");
	}

	@BeforeEach
	void count() {
		this.requests = 0;
		this.failures.clear();
		this.unexplained.clear();
		this.statuses.clear();
	}

	record Route(String pattern, HandlerMethod handler) {
	}

	@Test
	void noMalformedGetRequestGetsAServerError() {
		List<Route> routes = getRoutes();
		assertThat(routes).hasSizeGreaterThan(30);
		PageSession quality = new PageSession(this.port).signedIn("fuzz-quality", "fuzz-password-1");
		PageSession admin = new PageSession(this.port).signedIn("admin", "test-admin-password");
		for (Route route : routes) {
			for (String path : malformedPaths(route)) {
				if (route.pattern().startsWith("/api/")) {
					basic(path, "fuzz-api", "fuzz-password-2");
					basic(path, "fuzz-quality", "fuzz-password-1");
				}
				else {
					page(quality, path);
					page(admin, path);
				}
			}
		}
		report("GET");
	}

	@Test
	void noMalformedFormGetsAServerError() {
		PageSession admin = new PageSession(this.port).signedIn("admin", "test-admin-password");
		Map<String, String> target = new LinkedHashMap<>(
				Map.of("day", "1", "month", "1", "year", "2099", "target", "50", "trigger", "40"));
		Map<String, String> confirm = new LinkedHashMap<>(
				Map.of("from", "2099-01-01", "target", "50", "trigger", "40"));
		Map<String, String> inspection = new LinkedHashMap<>(
				Map.of("name", "Fuzzed inspection", "unitCode", "N54", "period", "2024-Q1", "judgement-1.1", "GOOD"));
		for (String value : VALUES) {
			fuzzForm(admin, "/measures/SL018/target", "/measures/SL018/target", target, value);
			fuzzForm(admin, "/measures/SL018/target", "/measures/SL018/target/confirm", confirm, value);
			fuzzForm(admin, "/audits/inspections", "/audits/inspections", inspection, value);
		}
		// a trigger above its target, each valid on its own, sent straight to the
		// confirmation
		post(admin, "/measures/SL018/target", "/measures/SL018/target/confirm",
				Map.of("from", "2099-01-01", "target", "40", "trigger", "50"));
		report("POST");
	}

	private void fuzzForm(PageSession session, String formPage, String action, Map<String, String> valid,
			String value) {
		for (String field : valid.keySet()) {
			Map<String, String> fields = new LinkedHashMap<>(valid);
			fields.put(field, value);
			post(session, formPage, action, fields);
		}
	}

	private void report(String what) {
		System.out
			.println("Malformed " + what + " requests: " + this.requests + ", answered 5xx: " + this.failures.size()
					+ ", 400s without their message: " + this.unexplained.size() + ", statuses: " + this.statuses);
		assertThat(this.requests).isGreaterThan(100);
		assertThat(this.failures).as("requests answered with a server error").isEmpty();
		assertThat(this.unexplained).as("400s without their message").isEmpty();
	}

	private List<Route> getRoutes() {
		List<Route> routes = new ArrayList<>();
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
			for (String pattern : info.getPatternValues()) {
				if (!pattern.equals("/sign-in")) {
					routes.add(new Route(pattern, handler));
				}
			}
		}
		return routes;
	}

	/**
	 * Each declared parameter and path variable malformed in turn, the rest left out or
	 * plain.
	 */
	private List<String> malformedPaths(Route route) {
		List<String> variables = new ArrayList<>();
		Matcher m = VARIABLE.matcher(route.pattern());
		while (m.find()) {
			variables.add(m.group(1));
		}
		Set<String> params = new LinkedHashSet<>();
		for (Parameter parameter : route.handler().getMethod().getParameters()) {
			RequestParam annotation = parameter.getAnnotation(RequestParam.class);
			if (annotation == null) {
				continue;
			}
			if (Map.class.isAssignableFrom(parameter.getType())) {
				params.addAll(MAP_FIELDS);
				continue;
			}
			String name = !annotation.name().isEmpty() ? annotation.name()
					: !annotation.value().isEmpty() ? annotation.value() : parameter.getName();
			params.add(name);
		}
		for (Parameter parameter : route.handler().getMethod().getParameters()) {
			PathVariable annotation = parameter.getAnnotation(PathVariable.class);
			if (annotation != null && annotation.value().isEmpty() && annotation.name().isEmpty()
					&& !variables.contains(parameter.getName())) {
				variables.add(parameter.getName());
			}
		}
		List<String> paths = new ArrayList<>();
		for (String value : VALUES) {
			for (String variable : variables) {
				paths.add(path(route.pattern(), variable, value) + "?period=2024-03");
			}
			for (String param : params) {
				paths.add(path(route.pattern(), null, null) + "?" + param + "=" + encode(value));
				// and beside valid values of the others, so that the handler gets as far
				// as using it
				StringBuilder others = new StringBuilder();
				for (String other : params) {
					if (!other.equals(param) && VALID.containsKey(other)) {
						others.append('&').append(other).append('=').append(encode(VALID.get(other)));
					}
				}
				if (!others.isEmpty()) {
					paths.add(path(route.pattern(), null, null) + "?" + param + "=" + encode(value) + others);
				}
				if (!param.equals("format") && params.contains("format")) {
					paths.add(path(route.pattern(), null, null) + "?" + param + "=" + encode(value) + "&format=csv");
				}
			}
		}
		return paths;
	}

	/**
	 * The pattern with its variables filled: the one named malformed, the others plain.
	 */
	private static String path(String pattern, String malformed, String value) {
		Matcher m = VARIABLE.matcher(pattern);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String replacement = m.group(1).equals(malformed) ? encode(value) : plain(m.group(1));
			m.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static String plain(String variable) {
		return switch (variable) {
			case "code" -> "SL001R";
			case "crn" -> "X000001";
			case "dataset" -> "people";
			default -> "1";
		};
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private void page(PageSession session, String path) {
		this.requests++;
		HttpResponse<String> response = session.get(path);
		check(response.statusCode(), "GET " + path + " (pages)", response.body());
	}

	private void basic(String path, String username, String password) {
		this.requests++;
		String credentials = Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		try {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
					.header("Authorization", "Basic " + credentials)
					.header("Accept", "application/json")
					.timeout(Duration.ofSeconds(60))
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
			check(response.statusCode(), "GET " + path + " (API as " + username + ")", response.body());
		}
		catch (Exception ex) {
			this.failures.add("GET " + path + ": " + ex);
		}
	}

	private static String shorten(String request) {
		return (request.length() > 200) ? request.substring(0, 200) + "..." : request;
	}

	private void post(PageSession session, String formPage, String action, Map<String, String> fields) {
		this.requests++;
		HttpResponse<String> response = session.submit(formPage, action, fields);
		check(response.statusCode(), "POST " + action + " " + fields.toString().replace("\u0000", "\\0"),
				response.body());
	}

	private void check(int status, String request, String body) {
		// Tomcat itself answers 400, with its own short page, for an encoded NUL byte in
		// the
		// path: such a request never reaches Probity
		String path = request.contains("?") ? request.substring(0, request.indexOf('?')) : request;
		boolean refusedByTomcat = status == 400 && path.contains("%00");
		if (status == 400 && !refusedByTomcat && (request.endsWith("(pages)") || request.startsWith("POST"))
				&& !body.contains("<title>Error:")) {
			this.unexplained.add("400 without an \"Error:\" page title: " + shorten(request));
		}
		if (status == 400 && !refusedByTomcat && request.contains("(API") && !body.contains("\"message\"")) {
			this.unexplained.add("400 without a JSON message: " + shorten(request));
		}
		String kind = request.startsWith("POST") ? "form" : request.replaceAll("^.*\\((.*)\\)$", "$1");
		this.statuses.merge(kind + " " + status, 1, Integer::sum);
		if (status >= 500) {
			this.failures.add(status + " " + shorten(request));
		}
	}

}
