/**
 * Case audits: versioned templates, reproducible samples, audit programmes, audit forms,
 * alerts and HMIP-style ratings. The root holds what other modules use: the services of
 * each sub-domain ({@link org.probity.audits.CaseAudits},
 * {@link org.probity.audits.AuditTemplates}, {@link org.probity.audits.AuditProgrammes},
 * {@link org.probity.audits.AuditAlerts}, {@link org.probity.audits.AuditRatings},
 * {@link org.probity.audits.Inspections}, {@link org.probity.audits.AssuranceReports}),
 * the events and the values they take; the sub-packages hold the rest.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "accounts", "estate", "cases", "measures" })
package org.probity.audits;
