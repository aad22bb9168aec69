/**
 * Case audits: versioned templates, reproducible samples, audit programmes, audit forms,
 * alerts and HMIP-style ratings.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "accounts", "estate", "cases", "measures" })
package org.probity.audits;
