package org.probity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.probity.measures.MeasureRecomputation;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data dictionary (issue #19 point 7) covers the schema exactly: every column of
 * every table in the public schema has its classified, described row (so that a migration
 * cannot add a column silently), no row names a column that is gone, and every table and
 * column carries its description as its COMMENT. Left out: Flyway's history and Spring
 * Modulith's event publication tables, which Spring creates at start-up, not a migration.
 * A failure says exactly which rows to add or remove, and where.
 */
@IntegrationTest
class DataDictionaryTests {

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Pattern CREATES = Pattern.compile(
			"\\bcreate\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)",
			Pattern.CASE_INSENSITIVE);

	/** Columns of the schema's tables that the dictionary does not describe. */
	static final String UNDESCRIBED = """
			select c.table_name, c.column_name, c.data_type,
			       exists (select 1 from data_dictionary_table d where d.table_name = c.table_name) as table_described
			from information_schema.columns c
			join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
			where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
			  and c.table_name <> 'flyway_schema_history' and c.table_name not like 'event\\_publication%'
			  and not exists (select 1 from data_dictionary_column d
			                  where d.table_name = c.table_name and d.column_name = c.column_name)
			order by c.table_name, c.ordinal_position
			""";

	record Undescribed(String tableName, String columnName, String dataType, boolean tableDescribed) {
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	MeasureRecomputation recomputation;

	@Test
	void everyColumnOfTheSchemaIsClassified() {
		List<Undescribed> missing = this.jdbc.sql(UNDESCRIBED).query(Undescribed.class).list();
		assertThat(missing).as(() -> whatToAdd(missing)).isEmpty();
	}

	@Test
	void noRowDescribesATableOrColumnThatIsGone() {
		List<String> stale = this.jdbc.sql("""
				select d.module || ': ' || c.table_name || '.' || c.column_name
				from data_dictionary_column c join data_dictionary_table d on d.table_name = c.table_name
				where not exists (select 1 from information_schema.columns i where i.table_schema = 'public'
				                  and i.table_name = c.table_name and i.column_name = c.column_name)
				union all
				select d.module || ': table ' || d.table_name from data_dictionary_table d
				where to_regclass(format('public.%I', d.table_name)) is null
				order by 1
				""").query(String.class).list();
		assertThat(stale)
			.as("Remove these rows from db/migration/<module>/R__<module>_data_dictionary.sql:"
					+ " the schema no longer has them\n" + String.join("\n", stale))
			.isEmpty();
	}

	@Test
	void everyTableAndColumnHasItsDescriptionAsItsComment() {
		List<String> uncommented = this.jdbc
			.sql("""
					select d.table_name from data_dictionary_table d
					where to_regclass(format('public.%I', d.table_name)) is not null
					  and obj_description(to_regclass(format('public.%I', d.table_name)), 'pg_class') is distinct from d.description
					union all
					select c.table_name || '.' || c.column_name from data_dictionary_column c
					join pg_attribute a on a.attrelid = to_regclass(format('public.%I', c.table_name))
					 and a.attname = c.column_name and not a.attisdropped
					where col_description(a.attrelid, a.attnum) is distinct from c.description
					order by 1
					""")
			.query(String.class)
			.list();
		assertThat(uncommented)
			.as("Tables and columns whose COMMENT is not their description in the dictionary"
					+ " (a table re-created outside a migration calls data_dictionary_comment(null, '<table>'))")
			.isEmpty();
	}

	@Test
	void aFullRecomputationPutsBackTheCommentsOfTheTableItRecreates() {
		this.recomputation.recomputeAll();
		assertThat(this.jdbc.sql("""
				select obj_description(cast('measure_contact_month' as regclass), 'pg_class')
				""").query(String.class).single()).startsWith("Contacts of each event and month");
		assertThat(this.jdbc.sql("""
				select count(*) from pg_attribute a
				where a.attrelid = cast('measure_contact_month' as regclass) and a.attnum > 0 and not a.attisdropped
				  and col_description(a.attrelid, a.attnum) is null
				""").query(Long.class).single()).isZero();
	}

	@Test
	void aColumnAddedWithoutItsRowIsFoundAndNamed() {
		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		List<Undescribed> found = tx.execute((status) -> {
			status.setRollbackOnly();
			this.jdbc.sql("alter table complaint_category add column colour text").update();
			this.jdbc.sql("create table dictionary_probe (probe_id bigint)").update();
			return this.jdbc.sql(UNDESCRIBED).query(Undescribed.class).list();
		});
		assertThat(found).extracting(Undescribed::columnName).containsExactly("colour", "probe_id");
		String message = whatToAdd(found);
		assertThat(message).contains("db/migration/feedback/R__feedback_data_dictionary.sql")
			.contains("('complaint_category', 'colour', 'OPERATIONAL', '<what it holds>')")
			.contains("('dictionary_probe', '<module>', '<what the table holds>')");
	}

	@Test
	void everyClassificationIsUsedAndTheProtectedCharacteristicsAreSpecialCategory() {
		Map<String, Long> counts = this.jdbc
			.sql("select classification, count(*) as n from data_dictionary_column group by classification")
			.query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(counts).containsOnlyKeys("PERSONAL", "SPECIAL_CATEGORY", "PERSONNEL", "OPERATIONAL");
		assertThat(this.jdbc.sql("""
				select column_name from data_dictionary_column where table_name = 'person'
				and classification = 'SPECIAL_CATEGORY' order by column_name
				""").query(String.class).list()).containsExactly("disability", "ethnicity",
				"gender_identity_same_as_birth", "marital_status", "religion", "sex", "sexual_orientation");
		assertThat(this.jdbc.sql("""
				select table_name || '.' || column_name from data_dictionary_column
				where classification = 'PERSONAL' and column_name in ('forename', 'surname', 'date_of_birth')
				order by 1
				""").query(String.class).list()).containsExactly("person.date_of_birth", "person.forename",
				"person.surname", "staff.forename", "staff.surname");
		assertThat(this.jdbc.sql("""
				select distinct classification from data_dictionary_column
				where table_name in ('staff_rating', 'staff_improvement_plan', 'capability_procedure')
				  and column_name not in ('rating_id', 'plan_id', 'procedure_id', 'version')
				""").query(String.class).list()).containsExactly("PERSONNEL");
	}

	/**
	 * The rows to add, each under the file it goes in: the module whose migration creates
	 * the table.
	 */
	static String whatToAdd(List<Undescribed> missing) {
		Map<String, List<Undescribed>> byModule = new java.util.TreeMap<>();
		for (Undescribed u : missing) {
			byModule.computeIfAbsent(owner(u.tableName()), (k) -> new ArrayList<>()).add(u);
		}
		StringBuilder message = new StringBuilder("Columns with no row in the data dictionary. Add them (choose"
				+ " PERSONAL, SPECIAL_CATEGORY, PERSONNEL or OPERATIONAL, and say what the column holds):\n");
		byModule.forEach((module, rows) -> {
			message.append("\nin src/main/resources/db/migration/")
				.append(module)
				.append("/R__")
				.append(module)
				.append("_data_dictionary.sql (copy another module's file if it has none):\n");
			rows.stream()
				.filter((u) -> !u.tableDescribed())
				.map(Undescribed::tableName)
				.distinct()
				.forEach((t) -> message.append("  to data_dictionary_table: ('")
					.append(t)
					.append("', '")
					.append(module)
					.append("', '<what the table holds>')\n"));
			rows.forEach((u) -> message.append("  to data_dictionary_column: ('")
				.append(u.tableName())
				.append("', '")
				.append(u.columnName())
				.append("', 'OPERATIONAL', '<what it holds>')  -- ")
				.append(u.dataType())
				.append('\n'));
		});
		return message.toString();
	}

	/** The module whose migration creates a table; {@code <module>} when none does. */
	static String owner(String table) {
		try (Stream<Path> walk = Files.walk(MIGRATIONS)) {
			for (Path file : walk.filter((p) -> p.toString().endsWith(".sql")).sorted().toList()) {
				Matcher m = CREATES.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (m.find()) {
					if (m.group(1).toLowerCase(Locale.ROOT).equals(table)) {
						return MIGRATIONS.relativize(file).getName(0).toString();
					}
				}
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return "<module>";
	}

}
