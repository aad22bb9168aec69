/**
 * Reports and contract management: the monthly pack to the Authority, the scheduled
 * reports (operations, managers, executive, Risk and Audit Committee), the quarterly site
 * quality RAG, the baseline year and the register of contract obligations. Owns the
 * archive of report versions; reads other modules only through their published views and
 * public APIs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "accounts", "estate", "measures",
		"audits", "improvement", "equality", "feedback" })
package org.probity.reports;
