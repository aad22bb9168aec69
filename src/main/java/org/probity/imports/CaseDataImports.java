package org.probity.imports;

import java.io.InputStream;

/** Imports one dataset of the case data exchange format, all or nothing. */
public interface CaseDataImports {

	/**
	 * Validates the whole file and, when every row is valid, applies it in one
	 * transaction and publishes {@link CaseDataImported}. The file is streamed, never
	 * held whole in memory. The attempt is recorded in the import history either way.
	 */
	default ImportResult importCsv(Dataset dataset, InputStream csv, String username) {
		return importCsv(dataset, csv, username, dataset.fileName() + ".csv");
	}

	/**
	 * As {@link #importCsv(Dataset, InputStream, String)}, naming the file in the
	 * history.
	 */
	ImportResult importCsv(Dataset dataset, InputStream csv, String username, String fileName);

}
