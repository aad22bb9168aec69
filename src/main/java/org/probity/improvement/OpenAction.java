package org.probity.improvement;

import java.time.LocalDate;

import org.probity.shared.Crn;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

/**
 * An open action as other modules show it, with its RAG as of a date.
 *
 * @param rag the RAG in words: "Green", "Amber" or "Red"
 * @param ragTagClass the GOV.UK tag class of the RAG
 * @param crn the case of the audit the action was raised from (AUDIT_FINDING and ALERT
 * actions), or null; with {@code teamCode} and {@code staffCode} of the audit, so that a
 * page can scope it as case data
 * @param path the action's page
 */
public record OpenAction(long actionId, long planId, String planTitle, String description, String owner,
		LocalDate targetDate, String rag, String ragTagClass, SourceKind source, Crn crn, UnitCode teamCode,
		StaffCode staffCode, String path) {
}
