package org.probity.imports;

import java.time.LocalDate;
import java.util.Set;

import org.probity.shared.EventId;

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
 * it as "everything may have changed"; empty when the import changed nothing. Stored in
 * the event publication registry as JSON: a list of plain strings
 * @param changedFrom for a dated dataset (contacts), the earliest date of a changed row,
 * before or after the change: nothing dated earlier changed; {@code null} otherwise
 * @param changedTo the latest such date: nothing dated later changed
 */
public record CaseDataImported(long importId, Dataset dataset, int inserted, int updated, Set<EventId> changedEventIds,
		LocalDate changedFrom, LocalDate changedTo) {

	/** An import of a dataset whose rows carry no date that bounds what changed. */
	public CaseDataImported(long importId, Dataset dataset, int inserted, int updated, Set<EventId> changedEventIds) {
		this(importId, dataset, inserted, updated, changedEventIds, null, null);
	}

	public boolean changedEverything() {
		return this.changedEventIds == null;
	}

	public boolean changedNothing() {
		return this.inserted == 0 && this.updated == 0;
	}

}
