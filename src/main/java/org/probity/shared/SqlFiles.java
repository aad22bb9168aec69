package org.probity.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SQL that modules keep in files, under {@code resources/sql/<module>/}: read once
 * and kept, as the files never change while Probity runs.
 */
public final class SqlFiles {

	private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

	private SqlFiles() {
	}

	/**
	 * The text of {@code sql/<path>}, e.g. {@code load("measures/AM_K.sql")}; a missing
	 * file is a programming error.
	 */
	public static String load(String path) {
		return CACHE.computeIfAbsent(path, (p) -> {
			try (InputStream in = SqlFiles.class.getResourceAsStream("/sql/" + p)) {
				if (in == null) {
					throw new IllegalStateException("Missing SQL file: sql/" + p);
				}
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

}
