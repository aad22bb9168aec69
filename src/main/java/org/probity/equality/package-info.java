/**
 * Equality analysis (equality.md): every measure by protected characteristic, compared
 * with the rest, with significance, Benjamini-Hochberg q-values and small-number
 * suppression. Owns no case data: reads the views the measures and cases modules publish.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "accounts", "estate", "imports" })
package org.probity.equality;
