/**
 * The provider's estate: units (provider, region, LDU, team) with their hierarchy, and
 * staff.
 * <p>
 * Caseload counts on the estate pages come through
 * {@link org.probity.estate.CaseloadCounts}, an interface owned here and implemented by
 * the cases module: cases depends on the estate, so the estate must not call cases
 * directly.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package org.probity.estate;
