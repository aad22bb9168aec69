/**
 * Service-level measures: definitions with dated targets, per-case results with reasons,
 * RAG and ratings, flags and drill-down. Recomputed from the case data after every
 * import. This package is what other modules use (the recomputation, figures, series,
 * shortfalls, deadlines and {@link org.probity.measures.MeasureFlagRaised}); the rest is
 * in sub-packages: catalogue, recomputation, results, flags and pages.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "accounts", "estate", "imports" })
package org.probity.measures;
