package org.probity.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.probity.shared.Clocks;

/**
 * Writes a generated provider as exchange-format CSV files, for benchmarks and for trying
 * an import by hand. Needs nothing but the compiled classes:
 *
 * <pre>
 * mvn -q compile
 * java -cp target/classes org.probity.demo.GenerateCaseData --people 250000 --seed 42 \
 *     --out benchmark-data/national --as-of 2026-10-31
 * </pre>
 *
 * Options: {@code --people} (default 20000), {@code --seed} (default 42), {@code --out}
 * (default {@code benchmark-data/demo}), {@code --as-of} (default: the last day of last
 * month), {@code --provider CODE} (three characters, default N54).
 */
public final class GenerateCaseData {

	private GenerateCaseData() {
	}

	public static void main(String[] args) throws IOException {
		int people = DemoProvider.DEMO_PEOPLE;
		long seed = DemoProvider.DEMO_SEED;
		Path out = Path.of("benchmark-data", "demo");
		LocalDate asOf = DemoProvider.asOfFor(LocalDate.now(Clocks.LONDON));
		String provider = null;
		for (int i = 0; i < args.length; i++) {
			String value = (i + 1 < args.length) ? args[i + 1] : null;
			switch (args[i]) {
				case "--people" -> people = Integer.parseInt(value.replace("_", "").replace(",", ""));
				case "--seed" -> seed = Long.parseLong(value);
				case "--out" -> out = Path.of(value);
				case "--as-of" -> asOf = LocalDate.parse(value);
				case "--provider" -> provider = value;
				default -> {
					System.err.println("Unknown option " + args[i]
							+ "; use --people N --seed S --out DIR --as-of YYYY-MM-DD [--provider CODE]");
					System.exit(2);
				}
			}
			i++;
		}
		DemoProvider.Parameters parameters = DemoProvider.Parameters.scaled(seed, people, asOf);
		if (provider != null) {
			parameters = parameters.withProvider(provider, parameters.providerName(), parameters.crnLetter(),
					parameters.firstCrn());
		}
		System.out.printf("Generating %,d people (seed %d, as of %s) in %d regions, %d LDUs, %d teams into %s%n",
				parameters.people(), parameters.seed(), parameters.asOf(), parameters.regions(), parameters.ldus(),
				parameters.teams(), out.toAbsolutePath());
		DemoProvider.Summary summary = DemoProvider.write(parameters, out);
		long bytes = 0;
		for (Map.Entry<String, Long> entry : summary.rows().entrySet()) {
			long size = Files.size(summary.file(entry.getKey()));
			bytes += size;
			System.out.printf("  %-18s %,14d rows %,10.1f MB%n", entry.getKey() + ".csv", entry.getValue(), size / 1e6);
		}
		System.out.printf("  %-18s %,14d rows %,10.1f MB in %.1f s%n", "total", summary.totalRows(), bytes / 1e6,
				summary.elapsed().toMillis() / 1000.0);
	}

}
