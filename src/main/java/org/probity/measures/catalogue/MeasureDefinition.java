package org.probity.measures.catalogue;

import java.util.Set;
import java.util.stream.Collectors;

import org.probity.imports.Dataset;

/**
 * What defines a measure: its code, its title (as the {@code measure} table holds it),
 * the SQL of its per-case rows ({@code sql/measures/<code>.sql}), the tables that SQL
 * reads, whether its rows are stored or derived when read, and whether its SQL also
 * selects each case's due date. Its dated targets are data ({@code measure_target}):
 * contract variations change them.
 *
 * @param code the measure's code, e.g. {@code SL001R}
 * @param title the title pages and reports show
 * @param reads the tables its SQL reads (CatalogueTests scans the file for them)
 * @param rows whether its per-case rows are stored by each recomputation or derived
 * @param dueDates whether its SQL selects, after the columns of every measure, the date
 * by which the case must be met (the deadlines listed before they are missed)
 */
public record MeasureDefinition(String code, String title, Set<Input> reads, Rows rows, boolean dueDates) {

	public MeasureDefinition {
		reads = Set.copyOf(reads);
	}

	/** How a measure's per-case rows are kept. */
	public enum Rows {

		/** in {@code measure_case}, written by each recomputation */
		STORED,

		/**
		 * listed from the SQL when a reader asks for them and summed straight into
		 * {@code measure_cell} (monthly_cells.sql): monthly contact and attendance, one
		 * row per event and month, nine in ten of all rows
		 */
		DERIVED

	}

	/**
	 * A table a measure's SQL reads, and the dataset of the exchange format whose import
	 * changes it (none for the business calendar).
	 */
	public enum Input {

		EVENTS("case_event", Dataset.EVENTS),
		/** the events as last counted, with their months of monthly contact */
		COUNTED_EVENTS("measure_event", Dataset.EVENTS), REQUIREMENTS("case_requirement", Dataset.REQUIREMENTS),
		CONTACTS("case_contact", Dataset.CONTACTS),
		/** each event's first contacts, kept in step with the contacts */
		FIRST_CONTACTS("measure_contact_first", Dataset.CONTACTS),
		/** each event's contacts summed by month, kept in step with the contacts */
		MONTHLY_CONTACTS("measure_contact_month", Dataset.CONTACTS), PLANS("case_plan", Dataset.PLANS),
		REFERRALS("case_referral", Dataset.REFERRALS), ACCOMMODATION("case_accommodation", Dataset.ACCOMMODATION),
		CALENDAR("business_calendar", null);

		private final String table;

		private final Dataset dataset;

		Input(String table, Dataset dataset) {
			this.table = table;
			this.dataset = dataset;
		}

		public String table() {
			return this.table;
		}

		/** The dataset whose import changes the table, or null. */
		public Dataset dataset() {
			return this.dataset;
		}

	}

	/** The file of its SQL, for {@code SqlFiles.load}. */
	public String sqlFile() {
		return "measures/" + this.code + ".sql";
	}

	public boolean stored() {
		return this.rows == Rows.STORED;
	}

	/** Whether an import of the dataset can change its rows. */
	public boolean reads(Dataset dataset) {
		return this.reads.stream().anyMatch((i) -> i.dataset() == dataset);
	}

	/** The names of the tables its SQL reads. */
	public Set<String> tables() {
		return this.reads.stream().map(Input::table).collect(Collectors.toSet());
	}

}
