package org.probity.demo;

import java.time.LocalDate;

/**
 * Published once the demo provider's case data has been imported through the real import
 * path, so that other modules' demo seeders (audits, improvement) can add their own demo
 * records on top of it.
 *
 * @param asOf the last day of the generated data
 * @param providerCode the demo provider's unit code
 */
public record DemoCaseDataLoaded(LocalDate asOf, String providerCode) {
}
