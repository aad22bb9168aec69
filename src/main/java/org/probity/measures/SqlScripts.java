package org.probity.measures;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The SQL of this module, kept in {@code resources/sql/measures/}. */
final class SqlScripts {

	private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

	private SqlScripts() {
	}

	static String load(String name) {
		return CACHE.computeIfAbsent(name, (n) -> {
			try (InputStream in = SqlScripts.class.getResourceAsStream("/sql/measures/" + n + ".sql")) {
				if (in == null) {
					throw new IllegalStateException("Missing SQL: " + n);
				}
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

}
