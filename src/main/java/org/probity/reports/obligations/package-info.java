/**
 * The register of contract obligations: clauses, owners, evidence, reviews appended and
 * never changed; named so that the demo can load a register through it.
 */
@org.springframework.modulith.NamedInterface("obligations")
package org.probity.reports.obligations;
