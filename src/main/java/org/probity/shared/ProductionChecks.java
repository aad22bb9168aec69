package org.probity.shared;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * With the {@code production} profile, Probity refuses to start on settings that only a
 * demo may have: demo data (its accounts share a published password), a published or
 * default password for the admin account, HTTP Basic for staff accounts, or the embedded
 * database unless {@code PROBITY_ALLOW_EMBEDDED_DATABASE=true}. The check runs before any
 * bean is made (no database is started), and the message lists every problem at once.
 */
@Configuration(proxyBeanMethods = false)
@Profile("production")
class ProductionChecks {

	/** Passwords anyone can read: the demo's, and those in this repository's tests. */
	static final List<String> PUBLISHED_PASSWORDS = List.of(DemoMode.PUBLISHED_PASSWORD, "test-admin-password", "admin",
			"password");

	@Bean
	static BeanFactoryPostProcessor refuseDemoSettings(Environment environment) {
		return (beanFactory) -> {
			List<String> problems = problems(environment);
			if (!problems.isEmpty()) {
				throw new IllegalStateException(
						"Probity will not start with the production profile: " + String.join("; ", problems) + ".");
			}
		};
	}

	static List<String> problems(Environment environment) {
		List<String> problems = new ArrayList<>();
		String databaseUrl = environment.getProperty("spring.datasource.url", "");
		if (DemoMode.enabled(environment.getProperty("probity.demo-data", ""), databaseUrl)) {
			problems.add("demo data is on (PROBITY_DEMO_DATA), which creates the demo accounts with their "
					+ "published password");
		}
		String adminPassword = environment.getProperty("probity.admin-password", "");
		if (!adminPassword.isEmpty() && PUBLISHED_PASSWORDS.contains(adminPassword)) {
			problems.add("PROBITY_ADMIN_PASSWORD is a default or published password");
		}
		if (environment.getProperty("probity.sso.api.basic", Boolean.class, true)
				&& environment.getProperty("probity.sso.api.basic-staff", Boolean.class, true)) {
			problems.add("HTTP Basic accepts staff accounts (PROBITY_API_BASIC_STAFF=true): staff use a bearer "
					+ "token, HTTP Basic is for API client accounts");
		}
		if (databaseUrl.isBlank()
				&& !environment.getProperty("probity.allow-embedded-database", Boolean.class, false)) {
			problems.add("no PROBITY_DATABASE_URL, so the embedded database would be used (set "
					+ "PROBITY_ALLOW_EMBEDDED_DATABASE=true to allow it)");
		}
		return problems;
	}

}
