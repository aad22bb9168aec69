/**
 * The deterministic demo provider: generates exchange-format case data (and audits) and
 * loads it through the real import path.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "accounts", "estate", "imports",
		"audits", "improvement", "improvement :: projects", "improvement :: spc", "feedback", "people", "reports" })
package org.probity.demo;
