package org.probity.measures.catalogue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.probity.imports.Dataset;
import org.probity.shared.SqlFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue is the one place that defines a measure; the SQL files are held to it:
 * each measure has its file, each file reads exactly the tables its definition lists
 * (which decide what an import recomputes), and monthly_cells.sql sums exactly the
 * derived measures.
 */
class CatalogueTests {

	/**
	 * A table (or function, or subquery alias) named after {@code from} or {@code join}.
	 */
	private static final Pattern READ = Pattern.compile("(?i)(?<![:\\w])(?:from|join)\\s+(\\w+)(\\s*\\()?");

	private static final Pattern CTE = Pattern.compile("(?i)(\\w+)\\s+as\\s+(?:not\\s+)?(?:materialized\\s+)?\\(");

	@Test
	void listsSixteenMeasuresOnceEachInTheOrderOfTheContract() {
		assertThat(Catalogue.codes()).containsExactly("SL001R", "SL002R", "SL003R", "SL004R", "SL006R", "SL008",
				"SL010", "SL011R", "SL013", "SL016", "SL018", "AM_C", "AM_E", "AM_J", "AM_K", "ATTENDANCE");
		assertThat(Catalogue.derived()).containsExactly("AM_K", "ATTENDANCE");
	}

	@Test
	void everyMeasureFileBelongsToAMeasureOfTheCatalogue() throws IOException, URISyntaxException {
		Path folder = Path.of(CatalogueTests.class.getResource("/sql/measures/SL001R.sql").toURI()).getParent();
		try (Stream<Path> files = Files.list(folder)) {
			Set<String> measureFiles = files.map((p) -> p.getFileName().toString())
				.filter((name) -> name.matches("[A-Z][A-Z0-9_]*\\.sql"))
				.map((name) -> name.substring(0, name.length() - ".sql".length()))
				.collect(Collectors.toCollection(TreeSet::new));
			assertThat(measureFiles).containsExactlyInAnyOrderElementsOf(Catalogue.codes());
		}
	}

	@Test
	void everyMeasureSqlReadsExactlyTheTablesOfItsDefinition() {
		for (MeasureDefinition measure : Catalogue.all()) {
			assertThat(tablesRead(SqlFiles.load(measure.sqlFile())))
				.as("the tables %s reads (its definition in Catalogue)", measure.sqlFile())
				.containsExactlyInAnyOrderElementsOf(measure.tables());
		}
	}

	@Test
	void monthlyCellsSumExactlyTheDerivedMeasures() {
		Matcher codes = Pattern.compile("'([A-Z][A-Z0-9_]*)'")
			.matcher(withoutComments(SqlFiles.load("measures/monthly_cells.sql")));
		Set<String> named = new LinkedHashSet<>();
		while (codes.find()) {
			named.add(codes.group(1));
		}
		assertThat(named).containsExactlyInAnyOrderElementsOf(Catalogue.derived());
	}

	@Test
	void anImportRecomputesTheMeasuresThatReadWhatItChanges() {
		assertThat(Catalogue.readersOf(Dataset.REQUIREMENTS)).containsExactly("SL006R", "SL010", "SL011R");
		assertThat(Catalogue.readersOf(Dataset.CONTACTS)).containsExactly("SL001R", "SL002R", "SL003R", "SL004R",
				"SL006R", "AM_K", "ATTENDANCE");
		assertThat(Catalogue.readersOf(Dataset.PLANS)).containsExactly("SL003R", "SL004R", "SL013");
		assertThat(Catalogue.readersOf(Dataset.REFERRALS)).containsExactly("SL016", "SL018", "AM_E");
		assertThat(Catalogue.readersOf(Dataset.ACCOMMODATION)).containsExactly("AM_C");
		// every measure counts events; a dataset none reads (units) recomputes them all
		assertThat(Catalogue.readersOf(Dataset.EVENTS)).isEqualTo(Catalogue.codes());
		assertThat(Catalogue.readersOf(Dataset.UNITS)).isEqualTo(Catalogue.codes());
		assertThat(Catalogue.firstContactReaders()).containsExactly("SL001R", "SL002R", "SL003R", "SL004R");
	}

	@Test
	void listsTheDueDatesOfTheMeasuresWithADeadlineToMeet() {
		assertThat(Catalogue.withDueDates()).containsExactly("SL001R", "SL002R", "SL003R", "SL004R", "SL006R", "SL013");
	}

	@Test
	void readsTablesButNotFunctionsAliasesOrCommonTableExpressions() {
		assertThat(tablesRead("""
				-- from commented_out
				with recent as (select * from case_event where x between :from and :to)
				select * from recent r join lateral (select 1 from generate_series(1, 2)) g on true
				join case_plan p on p.event_id = r.event_id
				""")).containsExactlyInAnyOrder("case_event", "case_plan");
	}

	/** The tables the SQL names after from or join: not functions, CTEs or lateral. */
	static Set<String> tablesRead(String sql) {
		String code = withoutComments(sql);
		Set<String> ctes = new TreeSet<>();
		Matcher cte = CTE.matcher(code);
		while (cte.find()) {
			ctes.add(cte.group(1).toLowerCase());
		}
		Set<String> tables = new TreeSet<>();
		Matcher read = READ.matcher(code);
		while (read.find()) {
			String name = read.group(1).toLowerCase();
			boolean function = read.group(2) != null;
			if (!function && !ctes.contains(name) && !List.of("lateral", "only").contains(name)) {
				tables.add(name);
			}
		}
		return tables;
	}

	private static String withoutComments(String sql) {
		return sql.replaceAll("--[^\n]*", "");
	}

}
