/**
 * Improvement: plans of every kind (inspection responses, site and quality development,
 * risk assurance...), their recommendations, actions with RAG and history, and risks.
 * Turns the findings of audits, alerts and measure flags into owned, dated actions.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "accounts", "estate", "audits", "measures" })
package org.probity.improvement;
