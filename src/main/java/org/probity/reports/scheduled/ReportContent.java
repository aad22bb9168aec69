package org.probity.reports.scheduled;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * The frozen content of a scheduled report, as stored in the archive: what it covers and
 * its sections, each with its paragraphs and tables of values (text, or numbers a
 * spreadsheet can add). Case rows are frozen as every reader and recipient may see them:
 * a restricted case is one row that says "Restricted case". {@code cases} names every
 * case the report shows, for the access log of each opening.
 *
 * @param units the units the report covers: a reader must see each of them
 */
public record ReportContent(String kind, String title, String period, String periodLabel, String from, String to,
		String generatedOn, List<String> units, List<Section> sections, List<CaseShown> cases) {

	/**
	 * A list the stored JSON leaves out reads as empty: a report without units is then
	 * one no manager's scope covers, rather than a failed page.
	 */
	public ReportContent {
		units = (units != null) ? units : List.of();
		sections = (sections != null) ? sections : List.of();
		cases = (cases != null) ? cases : List.of();
	}

	public record Section(String heading, List<String> paragraphs, List<Grid> tables) {
	}

	/** A table: {@code numeric} says which columns hold numbers. */
	public record Grid(String caption, List<String> columns, List<Boolean> numeric, List<List<Object>> rows) {
	}

	public record CaseShown(String crn, boolean restricted) {
	}

	static final String RESTRICTED = "Restricted case";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public String json() {
		return JSON.writeValueAsString(this);
	}

	public static ReportContent read(String json) {
		return JSON.readValue(json, ReportContent.class);
	}

	/** Builds a table column by column, then row by row. */
	static final class GridBuilder {

		private final String caption;

		private final List<String> columns = new ArrayList<>();

		private final List<Boolean> numeric = new ArrayList<>();

		private final List<List<Object>> rows = new ArrayList<>();

		GridBuilder(String caption) {
			this.caption = caption;
		}

		GridBuilder text(String... headers) {
			for (String h : headers) {
				this.columns.add(h);
				this.numeric.add(false);
			}
			return this;
		}

		GridBuilder number(String... headers) {
			for (String h : headers) {
				this.columns.add(h);
				this.numeric.add(true);
			}
			return this;
		}

		GridBuilder row(Object... values) {
			this.rows.add(new ArrayList<>(java.util.Arrays.asList(values)));
			return this;
		}

		boolean isEmpty() {
			return this.rows.isEmpty();
		}

		Grid build() {
			return new Grid(this.caption, List.copyOf(this.columns), List.copyOf(this.numeric), List.copyOf(this.rows));
		}

	}

}
