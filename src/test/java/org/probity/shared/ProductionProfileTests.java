package org.probity.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.probity.ProbityApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production profile refuses to start on demo settings, with a message that says
 * which and what to set. The check fails before any bean is made (no database is
 * started): one start with every demo setting shows each refusal in the message; each
 * refusal alone, and settings that pass, are checked on the environment.
 */
class ProductionProfileTests {

	@Test
	void refusesToStartOnDemoSettingsNamingEachOfThem() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(ProbityApplication.class).profiles("production")
			.web(WebApplicationType.NONE)
			.run("--probity.demo-data=true", "--probity.admin-password=" + DemoMode.PUBLISHED_PASSWORD,
					"--probity.sso.api.basic-staff=true", "--spring.datasource.url=")
			.close()).satisfies((thrown) -> {
				Throwable cause = thrown;
				while (cause.getCause() != null) {
					cause = cause.getCause();
				}
				assertThat(cause).isInstanceOf(IllegalStateException.class)
					.hasMessageStartingWith("Probity will not start with the production profile: ")
					.hasMessageContaining("demo data is on (PROBITY_DEMO_DATA)")
					.hasMessageContaining("PROBITY_ADMIN_PASSWORD is a default or published password")
					.hasMessageContaining("HTTP Basic accepts staff accounts (PROBITY_API_BASIC_STAFF=true)")
					.hasMessageContaining("set PROBITY_ALLOW_EMBEDDED_DATABASE=true to allow it");
			});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					probity.demo-data               | true                          | demo data is on (PROBITY_DEMO_DATA)
					probity.admin-password          | demo-password-2026            | PROBITY_ADMIN_PASSWORD is a default or published password
					probity.sso.api.basic-staff     | true                          | HTTP Basic accepts staff accounts
					spring.datasource.url           | ''                            | no PROBITY_DATABASE_URL
					""")
	void eachDemoSettingAloneIsRefused(String property, String value, String message) {
		MockEnvironment environment = good();
		environment.setProperty(property, value);
		assertThat(ProductionChecks.problems(environment)).singleElement().asString().contains(message);
	}

	@Test
	void goodSettingsAndAnAllowedEmbeddedDatabasePass() {
		MockEnvironment environment = good();
		assertThat(ProductionChecks.problems(environment)).isEmpty();
		environment.setProperty("spring.datasource.url", "");
		environment.setProperty("probity.allow-embedded-database", "true");
		assertThat(ProductionChecks.problems(environment)).isEmpty();
		environment.setProperty("probity.sso.api.basic", "false");
		environment.setProperty("probity.sso.api.basic-staff", "true");
		assertThat(ProductionChecks.problems(environment)).as("no HTTP Basic at all").isEmpty();
	}

	private static MockEnvironment good() {
		return new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/probity")
			.withProperty("probity.demo-data", "false")
			.withProperty("probity.admin-password", "a-long-secret-from-the-vault")
			.withProperty("probity.sso.api.basic-staff", "false");
	}

}
