/**
 * Service-level measures: definitions with dated targets, per-case results with reasons,
 * RAG and ratings, flags and drill-down.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package org.probity.measures;
