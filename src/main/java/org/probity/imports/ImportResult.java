package org.probity.imports;

import java.util.List;

/**
 * What an import did: applied (with counts) or rejected (with every bad row, at most
 * {@link #MAX_ERRORS} listed, and the total).
 */
public record ImportResult(long importId, Dataset dataset, boolean applied, int inserted, int updated,
		List<RowError> errors, long errorCount) {

	public static final int MAX_ERRORS = 1000;

	/** One problem in one row: row 1 is the header, so row 2 is the first data row. */
	public record RowError(long row, String column, String message) {
	}

}
