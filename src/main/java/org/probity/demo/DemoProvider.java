package org.probity.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deterministic, invented probation provider written as the nine CSV files of the case
 * data exchange format (data-exchange.md). The same seed and parameters give
 * byte-identical files. Rows are streamed to disk, so the generator scales to a national
 * dataset without holding it in memory. Pure Java: no Spring needed.
 */
public final class DemoProvider {

	/** The files in the order a full load imports them. */
	public static final List<String> FILES = List.of("units", "staff", "people", "events", "requirements", "contacts",
			"plans", "referrals", "accommodation");

	/** Seed of the demo provider loaded at start-up. */
	public static final long DEMO_SEED = 42L;

	/** People of the demo provider loaded at start-up. */
	public static final int DEMO_PEOPLE = 20_000;

	/**
	 * What to generate.
	 *
	 * @param seed the random seed: the same parameters give the same files
	 * @param people how many people on probation
	 * @param asOf the last day of the data (the extract date); events run from two years
	 * before, with some allocated up to nine months earlier still active
	 * @param providerCode three characters, the start of every unit and staff code
	 * @param providerName the provider's (invented) name
	 * @param crnLetter the letter every CRN starts with
	 * @param firstCrn the number of the first CRN (six digits); people are numbered on
	 * from it
	 * @param regions number of regions
	 * @param ldus number of local delivery units, spread over the regions
	 * @param teams number of teams, spread over the LDUs
	 */
	public record Parameters(long seed, int people, LocalDate asOf, String providerCode, String providerName,
			char crnLetter, int firstCrn, int regions, int ldus, int teams) {

		public Parameters {
			if (providerCode == null || !providerCode.matches("[A-Z][A-Z0-9]{2}")) {
				throw new IllegalArgumentException("Provider code must be 3 upper-case characters: " + providerCode);
			}
			if (crnLetter < 'A' || crnLetter > 'Z') {
				throw new IllegalArgumentException("CRN letter must be A to Z: " + crnLetter);
			}
			if (people < 1 || firstCrn < 0 || firstCrn + people > 1_000_000) {
				throw new IllegalArgumentException("CRNs have six digits: first " + firstCrn + ", people " + people);
			}
			if (regions < 1 || ldus < regions || teams < ldus || teams > 999) {
				throw new IllegalArgumentException("Need 1 <= regions <= ldus <= teams <= 999");
			}
			if (asOf == null) {
				throw new IllegalArgumentException("As-of date is required");
			}
		}

		/**
		 * The demo provider: 2 regions, 6 LDUs, 24 teams, about 200 staff, 20,000 people.
		 */
		public static Parameters demo(LocalDate asOf) {
			return scaled(DEMO_SEED, DEMO_PEOPLE, asOf);
		}

		/**
		 * An estate in proportion to the caseload: a team per 830 or so people, four
		 * teams to an LDU in a small provider and six in a national one, three LDUs or
		 * more to a region, at most twelve regions. 250,000 people give 12 regions, 50
		 * LDUs and 300 teams.
		 */
		public static Parameters scaled(long seed, int people, LocalDate asOf) {
			int teams = (int) Math.max(1, Math.min(999, Math.round(people / 833.34)));
			int ldus = (int) Math.max(1, Math.round(teams / ((teams <= 48) ? 4.0 : 6.0)));
			int regions = (int) Math.max(1, Math.min(12, Math.round(ldus / 3.0)));
			return new Parameters(seed, people, asOf, "N54", "Weald, Downs and Coast Rehabilitation Partnership", 'D',
					100_001, regions, ldus, teams);
		}

		public Parameters withProvider(String code, String name, char crnLetter, int firstCrn) {
			return new Parameters(this.seed, this.people, this.asOf, code, name, crnLetter, firstCrn, this.regions,
					this.ldus, this.teams);
		}

		/** The first day of the two years of data. */
		public LocalDate windowStart() {
			return this.asOf.minusYears(2).plusDays(1);
		}

	}

	/** What was written: rows per file (without headers), in import order. */
	public record Summary(Path directory, Map<String, Long> rows, Duration elapsed) {

		public Path file(String name) {
			return this.directory.resolve(name + ".csv");
		}

		public long totalRows() {
			return this.rows.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	private DemoProvider() {
	}

	/** The extract date for a given day: the last day of the month before it. */
	public static LocalDate asOfFor(LocalDate today) {
		return today.withDayOfMonth(1).minusDays(1);
	}

	/**
	 * Writes the nine files ({@code units.csv} ... {@code accommodation.csv}) into the
	 * directory.
	 */
	public static Summary write(Parameters parameters, Path directory) {
		long started = System.nanoTime();
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Estate estate = new Estate(parameters);
		Map<String, Long> rows = new LinkedHashMap<>();
		try (CsvFile units = new CsvFile(directory.resolve("units.csv"), "unit_code", "unit_name", "unit_type",
				"parent_code")) {
			for (Estate.Unit unit : estate.units()) {
				units.add(unit.code()).add(unit.name()).add(unit.type()).add(unit.parentCode()).end();
			}
			rows.put("units", units.rows());
		}
		try (CsvFile staff = new CsvFile(directory.resolve("staff.csv"), "staff_code", "forename", "surname", "grade",
				"team_code", "start_date", "end_date")) {
			for (Estate.Staff s : estate.staff) {
				staff.add(s.code)
					.add(s.forename)
					.add(s.surname)
					.add(s.grade)
					.add(s.team.code)
					.add(s.startDate)
					.add(s.endDate)
					.end();
			}
			rows.put("staff", staff.rows());
		}
		try (CaseHistories cases = new CaseHistories(parameters, estate, directory)) {
			for (int i = 0; i < parameters.people(); i++) {
				cases.person(i);
			}
			rows.putAll(cases.rows());
		}
		return new Summary(directory, rows, Duration.ofNanos(System.nanoTime() - started));
	}

}
