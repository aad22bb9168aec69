/**
 * The deterministic demo provider: generates exchange-format case data (and audits) and
 * loads it through the real import path.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "accounts", "imports", "audits", "people" })
package org.probity.demo;
