/**
 * The provider's estate: units (provider, region, LDU, team) with their hierarchy, and
 * staff.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "accounts" })
package org.probity.estate;
