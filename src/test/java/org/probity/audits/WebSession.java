package org.probity.audits;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A signed-in browser session over plain HTTP, for page tests. */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	public WebSession(int port, String username, String password) throws Exception {
		this.base = "http://localhost:" + port;
		HttpResponse<String> signIn = get("/sign-in");
		HttpResponse<String> posted = post("/sign-in", csrf(signIn.body()),
				Map.of("username", username, "password", password));
		if (posted.statusCode() != 302 || posted.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Sign-in failed for " + username);
		}
	}

	public HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<byte[]> getBytes(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	/** Posts a form with the CSRF token of the page at {@code formPage}. */
	public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) throws Exception {
		return post(action, csrf(get(formPage).body()), fields);
	}

	public HttpResponse<String> post(String path, String csrf, Map<String, String> fields) throws Exception {
		String body = fields.entrySet()
			.stream()
			.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		body = body + (body.isEmpty() ? "" : "&") + "_csrf=" + enc(csrf);
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	public static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("No CSRF token in page");
		}
		return m.group(1);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
