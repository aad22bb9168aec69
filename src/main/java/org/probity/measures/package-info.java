/**
 * Service-level measures: definitions with dated targets, per-case results with reasons,
 * RAG and ratings, flags and drill-down. Recomputed from the case data after every
 * import.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "accounts", "estate", "imports" })
package org.probity.measures;
