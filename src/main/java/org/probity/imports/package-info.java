/**
 * The case data exchange format: validates extracts row by row, loads them all or
 * nothing, and keeps the history of imports.
 * <p>
 * The import writes no table but its history: it stages and checks a file, then hands the
 * clean rows to the module that owns their table ({@link org.probity.estate.EstateTables}
 * for units and staff, {@link org.probity.cases.CaseTables} for the rest), which merges
 * them through the kernel's {@link org.probity.shared.TableMerge}, in the import's
 * transaction. Chosen over making the import part of the owning module because there are
 * two owners (the estate and cases), and because the exchange format, its checks across
 * datasets, the history and the upload pages are a capability of their own; this way each
 * owner names its own tables and can change them behind its facade (TableOwnershipTests).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "cases", "estate" })
package org.probity.imports;
