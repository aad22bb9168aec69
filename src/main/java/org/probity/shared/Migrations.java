package org.probity.shared;

import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway applies the migrations in version order only (no out-of-order): a new migration
 * takes a version above every one in {@code db/migration}, whichever module's folder it
 * goes in (README, "Migrations"). A database migrated while out-of-order was on can lack
 * a migration whose version is below its latest one (one added to a module's folder
 * later): the embedded demo database has it applied there and then, as before; any other
 * database is refused at start-up, naming the versions and what to do.
 */
@Configuration(proxyBeanMethods = false)
class Migrations {

	private static final Logger log = LoggerFactory.getLogger(Migrations.class);

	@Bean
	FlywayMigrationStrategy inVersionOrder(DemoMode demo,
			@Value("${spring.datasource.url:${PROBITY_DATABASE_URL:}}") String databaseUrl) {
		boolean embeddedDemo = demo.enabled() && databaseUrl.isBlank();
		return (flyway) -> migrate(flyway, embeddedDemo);
	}

	static void migrate(Flyway flyway, boolean embeddedDemo) {
		try {
			flyway.migrate();
		}
		catch (FlywayValidateException ex) {
			List<String> skipped = skipped(flyway);
			if (skipped.isEmpty()) {
				throw ex;
			}
			if (!embeddedDemo) {
				throw new IllegalStateException("The database has not run the migrations " + String.join(", ", skipped)
						+ ", which are below versions it has run: Probity applies migrations in version order only."
						+ " Back up the database, start once with SPRING_FLYWAY_OUTOFORDER=true to run them"
						+ " (they add tables, columns and views), then start without it.", ex);
			}
			log.info("The demo database has not run the migrations {}, below versions it has run: running them now",
					String.join(", ", skipped));
			Flyway.configure(flyway.getConfiguration().getClassLoader())
				.configuration(flyway.getConfiguration())
				.outOfOrder(true)
				.load()
				.migrate();
		}
	}

	/** Versions not applied although a later one is (Flyway's "ignored" state). */
	static List<String> skipped(Flyway flyway) {
		return Arrays.stream(flyway.info().all())
			.filter((m) -> m.getState() == MigrationState.IGNORED)
			.map(MigrationInfo::getVersion)
			.map(Object::toString)
			.toList();
	}

}
