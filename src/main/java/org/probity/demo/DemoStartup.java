package org.probity.demo;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.probity.accounts.SignInReadiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * At start-up, when demo data is enabled and the database is empty, loads the demo
 * provider (as of the last day of last month) and creates the demo accounts; then says
 * where to sign in. Runs after the admin account is set from PROBITY_ADMIN_PASSWORD.
 */
@Component
@Order(10)
class DemoStartup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

	private final DemoSettings settings;

	private final DemoCaseData caseData;

	private final DemoAccounts accounts;

	private final Clock clock;

	private final Environment environment;

	private final DemoAudits audits;

	private final SignInReadiness signIn;

	private final List<DemoRecords> records;

	private final DemoEvents events;

	DemoStartup(DemoSettings settings, DemoCaseData caseData, DemoAccounts accounts, Clock clock,
			Environment environment, DemoAudits audits, SignInReadiness signIn, List<DemoRecords> records,
			DemoEvents events) {
		this.audits = audits;
		this.events = events;
		this.records = records;
		this.signIn = signIn;
		if (settings.enabled()) {
			// the server listens before this runner has made the demo accounts
			signIn.holdUntilReady("The demo provider is still loading.");
		}
		this.settings = settings;
		this.caseData = caseData;
		this.accounts = accounts;
		this.clock = clock;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			load();
		}
		finally {
			this.signIn.ready();
		}
	}

	private void load() {
		if (!this.settings.enabled()) {
			return;
		}
		if (this.caseData.databaseIsEmpty()) {
			if (!this.caseData.importsAvailable()) {
				log.warn("Demo data is enabled but no case data import is available: starting without demo data");
				return;
			}
			LocalDate asOf = DemoProvider.asOfFor(LocalDate.now(this.clock));
			DemoProvider.Parameters parameters = DemoProvider.Parameters.demo(asOf);
			log.info("Loading the demo provider ({} people, data to {}) through the case data import",
					parameters.people(), asOf);
			long started = System.nanoTime();
			try {
				this.caseData.load(parameters);
			}
			catch (RuntimeException ex) {
				log.error("Could not load the demo provider; no demo accounts were created", ex);
				return;
			}
			log.info("Demo provider loaded in {} s", (System.nanoTime() - started) / 1_000_000_000);
			this.accounts.create(parameters, !this.settings.adminPasswordSet());
			// Audits are answered by the demo quality team, so they come after the
			// accounts.
			this.audits.load(parameters.providerCode(), List.of("quality"));
			long records = System.nanoTime();
			if (!this.events.awaitAuditsHandled(Duration.ofSeconds(60))) {
				log.warn("The demo audits' findings were not all turned into actions within a minute");
			}
			this.records.forEach((r) -> r.load(parameters));
			log.info("Demo plans, projects, feedback and personnel records loaded in {} ms",
					(System.nanoTime() - records) / 1_000_000);
			banner(DemoAccounts.plan(parameters, !this.settings.adminPasswordSet()));
		}
		else if (this.accounts.exist()) {
			LocalDate asOf = DemoProvider.asOfFor(LocalDate.now(this.clock));
			banner(DemoAccounts.plan(DemoProvider.Parameters.demo(asOf), !this.settings.adminPasswordSet()));
		}
	}

	private void banner(List<DemoAccounts.DemoAccount> accounts) {
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
		double seconds = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
		String others = accounts.stream()
			.filter((a) -> !"quality".equals(a.username()))
			.map((a) -> a.username() + " (" + a.role().name().toLowerCase().replace('_', ' ') + ")")
			.collect(Collectors.joining(", "));
		log.info("""

				================================================================================
				Probity is ready at http://localhost:{} (started in {} s)
				Sign in as quality / {} (quality team, whole provider)
				Other demo accounts, same password: {}
				================================================================================""", port,
				String.format("%.1f", seconds), DemoSettings.PASSWORD, others);
	}

}
