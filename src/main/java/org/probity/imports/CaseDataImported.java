package org.probity.imports;

import java.util.Set;

/**
 * Published when an import has been applied, in the import's transaction. Measures
 * recompute from it; later modules may react too.
 *
 * @param importId the import in the history
 * @param dataset what was imported
 * @param inserted rows that were new
 * @param updated rows whose values changed
 * @param changedEventIds events whose case data changed (an event row, or a requirement,
 * contact, plan, referral or accommodation row of it); {@code null} when too many to list
 * or when the change touches every case (units, staff, people), so that listeners treat
 * it as "everything may have changed"; empty when the import changed nothing
 */
public record CaseDataImported(long importId, Dataset dataset, int inserted, int updated, Set<String> changedEventIds) {

	public boolean changedEverything() {
		return this.changedEventIds == null;
	}

	public boolean changedNothing() {
		return this.inserted == 0 && this.updated == 0;
	}

}
