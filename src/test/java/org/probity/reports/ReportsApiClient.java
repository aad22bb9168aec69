package org.probity.reports;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the reports API over real HTTP as one account (HTTP Basic). */
public final class ReportsApiClient {

	/** An answer: its status, its JSON (when it is JSON), its bytes and its text. */
	public record Response(int status, JsonNode body, byte[] bytes, String contentType) {

		public String text() {
			return new String(this.bytes, StandardCharsets.UTF_8);
		}

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	private final String credentials;

	public ReportsApiClient(int port, String username, String password) {
		this.port = port;
		this.credentials = Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	public Response get(String path) {
		return send("GET", path, "application/json", null);
	}

	public Response post(String path, String json) {
		return send("POST", path, "application/json", json);
	}

	public Response json(String method, String path, String body) {
		return send(method, path, "application/json", body);
	}

	public Response csv(String path, String body) {
		return send("POST", path, "text/csv", body);
	}

	private Response send(String method, String path, String type, String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Basic " + this.credentials)
			.header("Content-Type", type)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			HttpResponse<byte[]> response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			String contentType = response.headers().firstValue("Content-Type").orElse("");
			String text = new String(response.body(), StandardCharsets.UTF_8).stripLeading();
			JsonNode node = (text.startsWith("{") || text.startsWith("[")) ? JSON.readTree(text) : null;
			return new Response(response.statusCode(), node, response.body(), contentType);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
