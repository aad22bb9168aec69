package org.probity.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.probity.imports.CaseDataImports;
import org.probity.imports.Dataset;
import org.probity.imports.ImportResult;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a generated provider through the real import path: writes the nine files to a
 * temporary folder and imports them in the exchange format's order, exactly as an extract
 * from the case management system would arrive.
 */
@Service
class DemoCaseData {

	private static final Logger log = LoggerFactory.getLogger(DemoCaseData.class);

	/** The name the imports are recorded under in the import history. */
	static final String IMPORTED_BY = "demo";

	private final ObjectProvider<CaseDataImports> imports;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	DemoCaseData(ObjectProvider<CaseDataImports> imports, JdbcClient jdbc, ApplicationEventPublisher events,
			PlatformTransactionManager transactions) {
		this.imports = imports;
		this.jdbc = jdbc;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Whether the imports module is present to load through. */
	boolean importsAvailable() {
		return this.imports.getIfAvailable() != null;
	}

	/**
	 * True when the database holds no estate yet. Reads the estate's own table: the
	 * estate module publishes no query for this yet.
	 */
	boolean databaseIsEmpty() {
		return !this.jdbc.sql("select exists (select 1 from estate_unit)").query(Boolean.class).single();
	}

	/**
	 * Generates the provider and imports it, dataset by dataset; then publishes
	 * {@link DemoCaseDataLoaded}.
	 * @throws IllegalStateException when an import is rejected
	 */
	DemoProvider.Summary load(DemoProvider.Parameters parameters) {
		CaseDataImports importer = this.imports.getObject();
		Path dir;
		try {
			dir = Files.createTempDirectory("probity-demo");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			DemoProvider.Summary summary = DemoProvider.write(parameters, dir);
			log.info("Generated the demo provider ({} rows) in {} ms", summary.totalRows(),
					summary.elapsed().toMillis());
			for (Dataset dataset : Dataset.values()) {
				long started = System.nanoTime();
				ImportResult result;
				try (InputStream in = Files.newInputStream(summary.file(dataset.fileName()))) {
					result = importer.importCsv(dataset, in, IMPORTED_BY);
				}
				if (!result.applied()) {
					throw new IllegalStateException("The demo " + dataset.fileName() + " were rejected: "
							+ result.errorCount() + " errors, first "
							+ result.errors()
								.stream()
								.limit(5)
								.map(Object::toString)
								.collect(Collectors.joining("; ")));
				}
				log.info("Imported demo {}: {} rows in {} ms", dataset.fileName(), result.inserted() + result.updated(),
						(System.nanoTime() - started) / 1_000_000);
			}
			this.transaction.executeWithoutResult((status) -> this.events
				.publishEvent(new DemoCaseDataLoaded(parameters.asOf(), parameters.providerCode())));
			return summary;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			delete(dir);
		}
	}

	private static void delete(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		catch (IOException ex) {
			log.warn("Could not delete {}", dir, ex);
		}
	}

}
