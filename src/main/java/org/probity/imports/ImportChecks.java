package org.probity.imports;

import org.probity.shared.SqlFiles;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.probity.imports.ExchangeFormat.Column;
import org.probity.imports.ImportResult.RowError;

/**
 * The set-based half of an import: creates the staging tables, types every staged value
 * (into {@code import_rows}, where a value that is not valid becomes null), and collects
 * every broken rule into {@code import_error}. The checks of each dataset's rules across
 * rows and tables are in {@code sql/imports/checks-<dataset>.sql}.
 */
@Component
class ImportChecks {

	private final JdbcClient jdbc;

	ImportChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Waits for the import lock (held to the end of the transaction) and creates empty
	 * staging tables.
	 */
	void prepare(ExchangeFormat format, long lock) {
		this.jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", lock).query().singleRow();
		// Checks and merge sort and hash whole files: a 2 million row file fits in this.
		this.jdbc.sql("set local work_mem = '256MB'").update();
		this.jdbc.sql("drop table if exists import_staging, import_rows, import_error").update();
		this.jdbc
			.sql("create temp table import_staging (row_no bigint not null, "
					+ format.columns().stream().map((c) -> c.name() + " text").collect(Collectors.joining(", "))
					+ ") on commit drop")
			.update();
		this.jdbc
			.sql("""
					create temp table import_error (row_no bigint not null, col text, ord integer not null, message text not null)
					on commit drop
					""")
			.update();
	}

	/** Types the staged rows and records every broken rule; returns how many. */
	long check(ExchangeFormat format) {
		this.jdbc.sql("analyze import_staging").update();
		this.jdbc.sql(typedRows(format)).update();
		this.jdbc.sql("analyze import_rows").update();
		this.jdbc.sql(valueChecks(format)).update();
		this.jdbc.sql(duplicateKeys(format)).update();
		for (String statement : statements("checks-" + format.dataset().fileName() + ".sql")) {
			this.jdbc.sql(statement).update();
		}
		return this.jdbc.sql("select count(*) from import_error").query(Long.class).single();
	}

	List<RowError> firstErrors(int limit) {
		return this.jdbc.sql("select row_no, col, message from import_error order by row_no, ord, col limit :limit")
			.param("limit", limit)
			.query((rs, n) -> new RowError(rs.getLong("row_no"), rs.getString("col"), rs.getString("message")))
			.list();
	}

	/**
	 * Types every value once; has_problem marks the rows with a missing or invalid value,
	 * so that only those are compared with their text again. (offset 0 keeps PostgreSQL
	 * from inlining the subquery, which would evaluate each expression twice.)
	 */
	private static String typedRows(ExchangeFormat format) {
		List<String> inner = new ArrayList<>();
		List<String> outer = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (Column column : format.columns()) {
			String c = column.name();
			inner.add(typed(column));
			outer.add(c);
			if (column.required()) {
				problems.add(c + " is null");
			}
			else {
				inner.add(c + " as raw_" + c);
				problems.add("(raw_" + c + " is not null and " + c + " is null)");
			}
		}
		return "create temp table import_rows on commit drop as select row_no, " + String.join(", ", outer) + ", ("
				+ String.join(" or ", problems) + ") as has_problem from (select row_no, " + String.join(", ", inner)
				+ " from import_staging offset 0) typed";
	}

	private static String typed(Column column) {
		String c = column.name();
		String value = switch (column.kind()) {
			case TEXT -> "case when btrim(%1$s) <> '' then %1$s end";
			case CODE -> "case when %1$s = any(array[" + quoted(column.codes()) + "]) then %1$s end";
			case FLAG -> "case %1$s when 'Y' then true when 'N' then false end";
			case DATE ->
				"case when %1$s ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' and pg_input_is_valid(%1$s, 'date') then %1$s::date end";
			case DATE_TIME -> "case when %1$s ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]$'"
					+ " and pg_input_is_valid(%1$s, 'timestamp') then %1$s::timestamp end";
			case POSITIVE_INTEGER -> "case when %1$s ~ '^0*[1-9][0-9]{0,8}$' then %1$s::integer end";
			case CRN -> "case when %1$s ~ '^[A-Z][0-9]{6}$' then %1$s end";
			case STAFF_CODE -> "case when %1$s ~ '^[^[:space:]]{7}$' then %1$s end";
			case UNIT_CODE -> "case when %1$s ~ '^[^[:space:]]{1,12}$' then %1$s end";
		};
		return value.formatted(c) + " as " + c;
	}

	private static String problem(Column column) {
		String shown = "left(s." + column.name() + ", 60)";
		return switch (column.kind()) {
			case TEXT -> "'This value is only spaces'";
			case CODE -> "format('\"%s\" is not a " + column.name() + ": use one of "
					+ String.join(", ", column.codes()) + "', " + shown + ")";
			case FLAG -> "format('\"%s\" is not a flag: use Y or N', " + shown + ")";
			case DATE -> "format('\"%s\" is not a date: use YYYY-MM-DD, like 2024-03-05', " + shown + ")";
			case DATE_TIME ->
				"format('\"%s\" is not a date and time: use YYYY-MM-DDTHH:MM, like 2024-03-05T14:30', " + shown + ")";
			case POSITIVE_INTEGER -> "format('\"%s\" is not a whole number greater than 0', " + shown + ")";
			case CRN ->
				"format('\"%s\" is not a CRN: use a capital letter and six digits, like X123456', " + shown + ")";
			case STAFF_CODE -> "format('\"%s\" is not a staff code: use 7 characters, like N54A001', " + shown + ")";
			case UNIT_CODE -> "format('\"%s\" is not a unit code: use 1 to 12 characters, like N54T01', " + shown + ")";
		};
	}

	private static String valueChecks(ExchangeFormat format) {
		List<String> checks = new ArrayList<>();
		for (int i = 0; i < format.columns().size(); i++) {
			Column column = format.columns().get(i);
			String c = column.name();
			String missing = column.required()
					? "when s.%1$s is null or btrim(s.%1$s) = '' then '%1$s is missing: it is required'".formatted(c)
					: "when s.%1$s is null then null".formatted(c);
			checks.add("('%s', %d, case %s when r.%s is null then %s end)".formatted(c, i + 1, missing, c,
					problem(column)));
		}
		return """
				insert into import_error (row_no, col, ord, message)
				select s.row_no, e.col, e.ord, e.message
				from import_staging s join import_rows r on r.row_no = s.row_no
				cross join lateral (values %s) e(col, ord, message)
				where r.has_problem and e.message is not null
				""".formatted(String.join(",\n", checks));
	}

	/** Grouping first: a hash of the keys is far cheaper than sorting a large file. */
	private static String duplicateKeys(ExchangeFormat format) {
		return """
				insert into import_error (row_no, col, ord, message)
				select s.row_no, '%1$s', 0, format('%1$s %%s is also on row %%s: a file may hold each key once', s.%1$s, d.first_row)
				from import_staging s
				join (select %1$s, min(row_no) as first_row from import_staging
				      where %1$s is not null group by %1$s having count(*) > 1) d on d.%1$s = s.%1$s
				where s.row_no > d.first_row
				"""
			.formatted(format.key());
	}

	private static String quoted(List<String> codes) {
		return codes.stream().map((code) -> "'" + code + "'").collect(Collectors.joining(", "));
	}

	static List<String> statements(String resource) {
		String sql = SqlFiles.load("imports/" + resource);
		List<String> statements = new ArrayList<>();
		for (String statement : sql.split(";\\s*(\\n|$)")) {
			String withoutComments = statement.lines()
				.filter((line) -> !line.strip().startsWith("--"))
				.collect(Collectors.joining("\n"))
				.strip();
			if (!withoutComments.isEmpty()) {
				statements.add(statement.strip());
			}
		}
		return statements;
	}

}
