package org.probity.improvement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An API client signed in with HTTP Basic, for the improvement API tests. */
public final class ApiClient {

	public record Response(int status, JsonNode body, String text) {
	}

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final String authorization;

	public ApiClient(int port, String username, String password) {
		this.base = "http://localhost:" + port;
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	public Response get(String path) throws Exception {
		return send("GET", path, null, "application/json");
	}

	public Response post(String path, String json) throws Exception {
		return send("POST", path, json, "application/json");
	}

	public Response postCsv(String path, String csv) throws Exception {
		return send("POST", path, csv, "text/csv");
	}

	public byte[] bytes(String path) throws Exception {
		HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", this.authorization)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " gave " + response.statusCode());
		}
		return response.body();
	}

	public Response send(String method, String path, String body, String contentType) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", this.authorization)
			.header("Content-Type", contentType)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		String text = response.body();
		JsonNode node = null;
		if (text != null && !text.isBlank() && text.trim().startsWith("{")
				|| text != null && text.trim().startsWith("[")) {
			node = JSON.readTree(text);
		}
		return new Response(response.statusCode(), node, text);
	}

	public static String seedCsv() {
		try (InputStream in = ApiClient.class.getResourceAsStream("/improvement/seed-inspection-response.csv")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
