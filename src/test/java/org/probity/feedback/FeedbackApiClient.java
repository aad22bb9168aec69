package org.probity.feedback;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the API over real HTTP as a signed-in API user (HTTP Basic). */
final class FeedbackApiClient {

	record Response(int status, JsonNode body) {
	}

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	private final String credentials;

	FeedbackApiClient(int port, String username, String password) {
		this.port = port;
		this.credentials = Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	static FeedbackApiClient admin(int port) {
		return new FeedbackApiClient(port, "admin", "test-admin-password");
	}

	Response json(String method, String path, String body) {
		return send(method, path, "application/json", body);
	}

	Response csv(String path, String body) {
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
			JsonNode node = response.body().isBlank() ? null : this.json.readTree(response.body());
			return new Response(response.statusCode(), node);
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
