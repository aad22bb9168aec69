package org.probity.shared.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table as a page shows it, described once for every export format: a title (the
 * sheet's name), columns with their headers and kinds, and rows of values in column
 * order. A {@link Kind#NUMBER} column holds {@link Number}s (or null for an empty cell);
 * any other value in it is written as text. Build one with {@code Table.titled("Cases")
 * .text("CRN").number("Numerator").row("X123456", 3)}.
 */
public record Table(String title, List<Column> columns, List<List<Object>> rows) {

	/**
	 * How a column's cells are written: as text, or as numbers a spreadsheet can add up.
	 */
	public enum Kind {

		TEXT, NUMBER

	}

	public record Column(String header, Kind kind) {

		public Column {
			if (header == null || kind == null) {
				throw new IllegalArgumentException("A column has a header and a kind");
			}
		}

	}

	public Table {
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("A table has a title");
		}
		columns = List.copyOf(columns);
		rows = rows.stream().map((row) -> java.util.Collections.unmodifiableList(new ArrayList<>(row))).toList();
	}

	/** An empty table with no columns yet. */
	public static Table titled(String title) {
		return new Table(title, List.of(), List.of());
	}

	/** This table with one more text column. */
	public Table text(String... headers) {
		return with(Kind.TEXT, headers);
	}

	/** This table with one more number column. */
	public Table number(String... headers) {
		return with(Kind.NUMBER, headers);
	}

	/** This table with one more row (values in column order; null is an empty cell). */
	public Table row(Object... values) {
		List<List<Object>> more = new ArrayList<>(this.rows);
		more.add(Arrays.asList(values));
		return new Table(this.title, this.columns, more);
	}

	/** This table with these rows after its own. */
	public Table rows(List<? extends List<?>> values) {
		List<List<Object>> more = new ArrayList<>(this.rows);
		values.forEach((v) -> more.add(new ArrayList<>(v)));
		return new Table(this.title, this.columns, more);
	}

	public List<String> headers() {
		return this.columns.stream().map(Column::header).toList();
	}

	private Table with(Kind kind, String... headers) {
		List<Column> more = new ArrayList<>(this.columns);
		for (String header : headers) {
			more.add(new Column(header, kind));
		}
		return new Table(this.title, more, this.rows);
	}

}
