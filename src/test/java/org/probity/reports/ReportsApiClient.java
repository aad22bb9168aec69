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

	public record Response(int status, JsonNode body, String text) {
	}

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

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
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			JsonNode node = null;
			if (!response.body().isBlank() && response.body().startsWith("{") || response.body().startsWith("[")) {
				node = this.json.readTree(response.body());
			}
			return new Response(response.statusCode(), node, response.body());
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
