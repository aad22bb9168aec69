/**
 * People on probation and their case data: events, requirements, contacts, plans,
 * referrals and accommodation; who may open which case.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "accounts", "estate" })
package org.probity.cases;
