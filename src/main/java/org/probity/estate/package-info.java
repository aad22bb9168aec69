/**
 * The provider's estate: units (provider, region, LDU, team) with their hierarchy, and
 * staff; and the one visibility rule ({@link org.probity.estate.Visibility}) that every
 * module asks what a person may see of units, staff and cases.
 * <p>
 * Case facts reach the estate through views the cases module publishes, and caseload
 * counts through {@link org.probity.estate.CaseloadCounts}, an interface owned here and
 * implemented by the cases module: cases depends on the estate, so the estate must not
 * call cases directly.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "accounts" })
package org.probity.estate;
