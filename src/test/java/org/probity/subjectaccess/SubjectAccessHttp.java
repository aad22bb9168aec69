package org.probity.subjectaccess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The subject access API as a client calls it, over real HTTP with Basic authentication
 * (no credentials: none sent), and the rows of one section of a disclosure.
 */
final class SubjectAccessHttp {

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	SubjectAccessHttp(int port) {
		this.port = port;
	}

	HttpResponse<String> get(String path, String user, String password) throws Exception {
		return this.http.send(request(path, user, password).build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<byte[]> getBytes(String path, String user, String password) throws Exception {
		return this.http.send(request(path, user, password).build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	static List<JsonNode> rows(JsonNode disclosure, String key) {
		for (JsonNode section : disclosure.path("sections")) {
			if (section.path("key").asString().equals(key)) {
				List<JsonNode> rows = new ArrayList<>();
				section.path("rows").forEach(rows::add);
				return rows;
			}
		}
		throw new AssertionError("No section " + key);
	}

	private HttpRequest.Builder request(String path, String user, String password) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		return request;
	}

}
