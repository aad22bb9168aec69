package org.probity.demo;

import org.probity.shared.DemoMode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether to load the demo provider ({@code PROBITY_DEMO_DATA}, property
 * {@code probity.demo-data}): {@code true} or {@code false}, and when blank true exactly
 * when Probity runs on its embedded database (no {@code PROBITY_DATABASE_URL}), so that
 * the one start command shows a working provider and a real database is never filled with
 * invented cases unless asked.
 */
@Component
class DemoSettings {

	/**
	 * The published password of the demo accounts. It exists only while demo data is
	 * loaded: without demo data there is no default password anywhere.
	 */
	static final String PASSWORD = org.probity.shared.DemoMode.PUBLISHED_PASSWORD;

	private final boolean enabled;

	private final boolean adminPasswordSet;

	DemoSettings(@Value("${probity.demo-data:}") String demoData,
			@Value("${spring.datasource.url:${PROBITY_DATABASE_URL:}}") String databaseUrl,
			@Value("${probity.admin-password:}") String adminPassword) {
		this.enabled = enabled(demoData, databaseUrl);
		this.adminPasswordSet = !adminPassword.isBlank();
	}

	static boolean enabled(String demoData, String databaseUrl) {
		return DemoMode.enabled(demoData, databaseUrl);
	}

	boolean enabled() {
		return this.enabled;
	}

	/**
	 * An admin account set from PROBITY_ADMIN_PASSWORD takes precedence over the demo
	 * one.
	 */
	boolean adminPasswordSet() {
		return this.adminPasswordSet;
	}

}
