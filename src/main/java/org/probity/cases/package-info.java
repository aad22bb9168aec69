/**
 * People on probation and their case data: events, requirements, contacts, plans,
 * referrals and accommodation; who may open which case.
 * <p>
 * The tables change only through imports, and only through
 * {@link org.probity.cases.CaseTables}: the imports module stages and checks a file and
 * this module merges it into its own tables. Other modules' SQL reads the views published
 * in the {@code *_views.sql} migrations.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "accounts", "estate" })
package org.probity.cases;
