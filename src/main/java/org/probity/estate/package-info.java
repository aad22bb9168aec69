/**
 * The provider's estate: units (provider, region, LDU, team) with their hierarchy, and
 * staff; and the one visibility rule ({@link org.probity.estate.Visibility}) that every
 * module asks what a person may see of units, staff and cases.
 * <p>
 * Case facts reach the estate through views the cases module publishes, and caseload
 * counts through {@link org.probity.estate.CaseloadCounts}, an interface owned here and
 * implemented by the cases module: cases depends on the estate, so the estate must not
 * call cases directly.
 * <p>
 * Units and staff change only through imports, and only through
 * {@link org.probity.estate.EstateTables}: the imports module stages and checks a file
 * and this module merges it into its own tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "accounts" })
package org.probity.estate;
