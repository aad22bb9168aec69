/**
 * Staff performance as personnel data: each practitioner's page and the team page,
 * quarterly RAG ratings, performance improvement plans, the start of the capability
 * procedure, formal review prompts, deadlines before they are missed, and the training
 * needs analysis with the learning and development plan.
 * <p>
 * A module of its own, not part of improvement: personnel records have a stricter scope
 * than case data (the staff member, their line manager and the senior managers above; not
 * the quality team, not administrators) and other owners (line managers and HR).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "accounts", "estate", "measures", "audits", "improvement" })
package org.probity.people;
