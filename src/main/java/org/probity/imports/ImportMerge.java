package org.probity.imports;

import org.springframework.stereotype.Component;

import org.probity.cases.CaseTables;
import org.probity.estate.EstateTables;
import org.probity.shared.TableMerge;
import org.probity.shared.TableMerge.Merged;

/**
 * Hands the typed rows of a clean file ({@code import_rows}) to the module that owns the
 * dataset's table: the estate for units and staff, cases for the rest. The owners merge
 * them (an upsert that leaves identical rows alone, in bulk for a large file:
 * {@link TableMerge}); the import names none of their tables.
 */
@Component
class ImportMerge {

	/** Below this many rows a file is merged row by row: {@link TableMerge}. */
	static final long MIN_BULK_ROWS = TableMerge.MIN_BULK_ROWS;

	/** The share of new rows from which a file is loaded in bulk: {@link TableMerge}. */
	static final double BULK_FRACTION = TableMerge.BULK_FRACTION;

	/** The typed rows of the file being imported (ImportChecks). */
	private static final String STAGED = "import_rows";

	private final EstateTables estate;

	private final CaseTables cases;

	ImportMerge(EstateTables estate, CaseTables cases) {
		this.estate = estate;
		this.cases = cases;
	}

	Merged merge(Dataset dataset, long stagedRows) {
		return switch (dataset) {
			case UNITS -> this.estate.mergeUnits(STAGED, stagedRows);
			case STAFF -> this.estate.mergeStaff(STAGED, stagedRows);
			case PEOPLE -> this.cases.mergePeople(STAGED, stagedRows);
			case EVENTS -> this.cases.mergeEvents(STAGED, stagedRows);
			case REQUIREMENTS -> this.cases.mergeRequirements(STAGED, stagedRows);
			case CONTACTS -> this.cases.mergeContacts(STAGED, stagedRows);
			case PLANS -> this.cases.mergePlans(STAGED, stagedRows);
			case REFERRALS -> this.cases.mergeReferrals(STAGED, stagedRows);
			case ACCOMMODATION -> this.cases.mergeAccommodation(STAGED, stagedRows);
		};
	}

}
