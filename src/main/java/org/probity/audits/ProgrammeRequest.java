package org.probity.audits;

import java.time.YearMonth;
import java.util.List;

/**
 * What a quality team sets up as an audit programme: what to audit (template and
 * population), how many cases (a sample size per round, or n audits per practitioner per
 * round), who audits and how often.
 *
 * @param practitioners for n-per-practitioner programmes: the selected practitioners'
 * staff codes; empty for every practitioner in the population
 * @param seed the base seed of the rounds' samples; null for a random one
 */
public record ProgrammeRequest(String name, ProgrammeKind kind, String templateCode, PopulationFilter population,
		Integer sampleSize, Integer perPractitioner, List<String> practitioners, boolean stratified,
		Recurrence recurrence, YearMonth startMonth, YearMonth endMonth, List<String> auditors, Long seed) {

	public ProgrammeRequest {
		practitioners = (practitioners != null)
				? practitioners.stream().filter((s) -> s != null && !s.isBlank()).map(String::trim).toList()
				: List.of();
		auditors = (auditors != null)
				? auditors.stream().filter((s) -> s != null && !s.isBlank()).map(String::trim).distinct().toList()
				: List.of();
		population = (population != null) ? population : PopulationFilter.everything();
	}

}
