package org.probity.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether this Probity runs with the demo provider ({@code PROBITY_DEMO_DATA}, property
 * {@code probity.demo-data}): {@code true} or {@code false}, and when blank true exactly
 * when Probity runs on its embedded database (no {@code PROBITY_DATABASE_URL}), so that
 * the one start command shows a working provider and a real database is never filled with
 * invented cases unless asked. Besides loading the demo, it opens what only a demo may
 * show without sign-in (the API documentation).
 */
@Component
public class DemoMode {

	/**
	 * The password of every demo account, printed in the README and the ready banner: a
	 * production Probity refuses it ({@link ProductionChecks}).
	 */
	public static final String PUBLISHED_PASSWORD = "demo-password-2026";

	private final boolean enabled;

	DemoMode(@Value("${probity.demo-data:}") String demoData,
			@Value("${spring.datasource.url:${PROBITY_DATABASE_URL:}}") String databaseUrl) {
		this.enabled = enabled(demoData, databaseUrl);
	}

	public static boolean enabled(String demoData, String databaseUrl) {
		String setting = (demoData != null) ? demoData.trim() : "";
		if (setting.isEmpty()) {
			return databaseUrl == null || databaseUrl.isBlank();
		}
		if (setting.equalsIgnoreCase("true")) {
			return true;
		}
		if (setting.equalsIgnoreCase("false")) {
			return false;
		}
		throw new IllegalStateException("PROBITY_DEMO_DATA must be true or false, not '" + setting + "'");
	}

	public boolean enabled() {
		return this.enabled;
	}

}
