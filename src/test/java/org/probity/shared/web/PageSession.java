package org.probity.shared.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP session for page tests, the one for every module: keeps cookies,
 * does not follow redirects, and signs in through the real form with its CSRF token.
 */
public final class PageSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	/** What a browser asks for, so that errors come back as pages rather than JSON. */
	private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private final String base;

	private final HttpClient http;

	private String forwardedFor;

	public PageSession(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Sends every later request as if through a proxy on this machine for a client at
	 * {@code address} ({@code X-Forwarded-For}, which Probity trusts from loopback only).
	 */
	public PageSession from(String address) {
		this.forwardedFor = address;
		return this;
	}

	/** Signs in through the form; the response is the redirect that follows it. */
	public HttpResponse<String> signIn(String username, String password) {
		String token = csrfToken("/sign-in");
		return postForm("/sign-in", Map.of("username", username, "password", password, "_csrf", token));
	}

	public PageSession signedIn(String username, String password) {
		HttpResponse<String> response = signIn(username, password);
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException(
					"Sign-in failed for " + username + ": " + response.statusCode() + " " + location);
		}
		return this;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept", ACCEPT).GET().build());
	}

	/** A download, as bytes. */
	public HttpResponse<byte[]> getBytes(String path) {
		try {
			return this.http.send(
					HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept", ACCEPT).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The CSRF token from the hidden input of the form on the page. */
	public String csrfToken(String path) {
		return csrf(get(path).body());
	}

	/** The CSRF token from the hidden input of a form in this HTML. */
	public static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("No CSRF token in the page");
		}
		return m.group(1);
	}

	/** Posts a form with the CSRF token of the page at {@code formPage}. */
	public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
		return post(action, csrfToken(formPage), fields);
	}

	/** Posts a form with this CSRF token. */
	public HttpResponse<String> post(String path, String csrf, Map<String, String> fields) {
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		withToken.put("_csrf", csrf);
		return postForm(path, withToken);
	}

	public HttpResponse<String> postForm(String path, Map<String, String> fields) {
		String body = new LinkedHashMap<>(fields).entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", ACCEPT)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		if (this.forwardedFor != null) {
			request = HttpRequest.newBuilder(request, (name, value) -> true)
				.header("X-Forwarded-For", this.forwardedFor)
				.build();
		}
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
