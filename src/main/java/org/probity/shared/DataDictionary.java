package org.probity.shared;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data dictionary (issue #19 point 7): every column of every table Probity's
 * migrations create, with the module that owns it, its classification and its
 * description, as each module's repeatable migration
 * {@code R__<module>_data_dictionary.sql} describes them.
 */
@Service
public class DataDictionary {

	/** How a column's contents are classified, most sensitive first. */
	public enum Classification {

		/**
		 * Protected characteristics and health (UK GDPR article 9, Equality Act 2010).
		 */
		SPECIAL_CATEGORY("Special category"),

		/**
		 * Identifies or is about a person: names, dates of birth, CRNs, usernames, notes.
		 */
		PERSONAL("Personal"),

		/** Staff performance, improvement plans, capability and training. */
		PERSONNEL("Personnel"),

		/** Everything else. */
		OPERATIONAL("Operational");

		private final String label;

		Classification(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		/** The classification a filter names, in any case; empty for none. */
		public static java.util.Optional<Classification> of(String value) {
			if (value == null || value.isBlank()) {
				return java.util.Optional.empty();
			}
			for (Classification c : values()) {
				if (c.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
					return java.util.Optional.of(c);
				}
			}
			throw new IllegalArgumentException(
					"Classification must be one of " + java.util.Arrays.stream(values()).map(Enum::name).toList());
		}

	}

	/** The orders the dictionary can be listed in. */
	public enum Order {

		MODULE("d.module, c.table_name, c.column_name"), TABLE("c.table_name, c.column_name"),
		COLUMN("c.column_name, c.table_name"), CLASSIFICATION(
				"case c.classification when 'SPECIAL_CATEGORY' then 1 when 'PERSONAL' then 2 when 'PERSONNEL' then 3 else 4 end, d.module, c.table_name, c.column_name");

		private final String sql;

		Order(String sql) {
			this.sql = sql;
		}

		/** The order a sort parameter names; MODULE when none, 400 for another. */
		public static Order of(String value) {
			if (value == null || value.isBlank()) {
				return MODULE;
			}
			for (Order o : values()) {
				if (o.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
					return o;
				}
			}
			throw new IllegalArgumentException("Sort by module, table, column or classification");
		}

	}

	public record Column(String module, String tableName, String tableDescription, String columnName,
			Classification classification, String description) {
	}

	public record Count(Classification classification, long columns) {
	}

	private final JdbcClient jdbc;

	DataDictionary(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The columns, of one module and one classification when given, in an order. */
	@Transactional(readOnly = true)
	public List<Column> columns(String module, Classification classification, Order order) {
		return this.jdbc.sql("""
				select d.module, c.table_name, d.description as table_description, c.column_name, c.classification,
				       c.description
				from data_dictionary_column c
				join data_dictionary_table d on d.table_name = c.table_name
				where (cast(:module as text) is null or d.module = :module)
				  and (cast(:classification as text) is null or c.classification = :classification)
				order by %s
				""".formatted(order.sql))
			.param("module", module, java.sql.Types.VARCHAR)
			.param("classification", (classification != null) ? classification.name() : null, java.sql.Types.VARCHAR)
			.query((rs, i) -> new Column(rs.getString("module"), rs.getString("table_name"),
					rs.getString("table_description"), rs.getString("column_name"),
					Classification.valueOf(rs.getString("classification")), rs.getString("description")))
			.list();
	}

	/** How many columns each classification has, every module together. */
	@Transactional(readOnly = true)
	public List<Count> counts() {
		return java.util.Arrays.stream(Classification.values())
			.map((c) -> new Count(c,
					this.jdbc.sql("select count(*) from data_dictionary_column where classification = :c")
						.param("c", c.name())
						.query(Long.class)
						.single()))
			.toList();
	}

	/** The modules that describe tables, in name order. */
	@Transactional(readOnly = true)
	public List<String> modules() {
		return this.jdbc.sql("select distinct module from data_dictionary_table order by 1").query(String.class).list();
	}

}
