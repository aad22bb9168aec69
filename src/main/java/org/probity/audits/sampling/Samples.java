package org.probity.audits.sampling;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.probity.audits.PopulationFilter;
import org.probity.shared.Period;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draws samples of cases and keeps each draw's seed and population so that it can be
 * reproduced and shown to an inspector (case-audit.md, "Sampling").
 */
@Service
public class Samples {

	/** A case in a population: one event of a person on probation. */
	public record Candidate(String eventId, String crn, String teamCode, String staffCode, boolean restricted) {
	}

	public record SampleCase(int position, String eventId, String crn, String teamCode, String staffCode) {
	}

	public record Sample(long sampleId, Long programmeId, long seed, PopulationFilter filters, boolean stratified,
			int requestedSize, int populationSize, Instant drawnAt, String drawnBy, List<SampleCase> cases) {
	}

	private static final SecureRandom SEEDS = new SecureRandom();

	private final JdbcClient jdbc;

	private final MeasureFailures measureFailures;

	private final Clock clock;

	Samples(JdbcClient jdbc, MeasureFailures measureFailures, Clock clock) {
		this.jdbc = jdbc;
		this.measureFailures = measureFailures;
		this.clock = clock;
	}

	/**
	 * The population a filter defines, sorted by event id. Reads the cases module's
	 * person and event tables directly: a population is a plain query over case data, and
	 * the cases module publishes no population API yet (the integrator may move this
	 * behind one).
	 */
	@Transactional(readOnly = true)
	public List<Candidate> population(PopulationFilter filter) {
		filter.validate();
		Set<String> failing = null;
		if (filter.failedMeasure() != null) {
			failing = this.measureFailures.failingEventIds(filter.failedMeasure(),
					Period.parse(filter.failedMeasurePeriod()));
		}
		return this.jdbc
			.sql("""
					select e.event_id, e.crn, e.team_code, e.staff_code, p.restricted
					from case_event e join case_person p on p.crn = e.crn
					where (cast(:unit as text) is null
					       or e.team_code in (select unit_code from estate_unit_ancestry where ancestor_code = cast(:unit as text)))
					  and (cardinality(cast(:types as text[])) = 0 or e.event_type = any(cast(:types as text[])))
					  and (cast(:from as date) is null or e.termination_date is null or e.termination_date >= cast(:from as date))
					  and (cast(:to as date) is null or e.allocation_date <= cast(:to as date))
					  and (cast(:staff as text) is null or e.staff_code = cast(:staff as text))
					  and (not :byMeasure or e.event_id = any(cast(:failing as text[])))
					order by e.event_id
					""")
			.param("unit", filter.unitCode())
			.param("types", filter.eventTypes().toArray(String[]::new))
			.param("from", filter.dateFrom())
			.param("to", filter.dateTo())
			.param("staff", filter.staffCode())
			.param("byMeasure", failing != null)
			.param("failing", (failing != null) ? failing.toArray(String[]::new) : new String[0])
			.query(Candidate.class)
			.list();
	}

	/**
	 * Draws and stores a sample.
	 * @param seed the seed to use, or null for a new random one (stored either way)
	 */
	@Transactional
	public Sample draw(Long programmeId, Long roundId, PopulationFilter filter, int size, boolean stratified, Long seed,
			String username) {
		List<Candidate> population = population(filter);
		long theSeed = (seed != null) ? seed : SEEDS.nextLong();
		List<Candidate> drawn = select(population, size, stratified, theSeed);
		long id = this.jdbc
			.sql("""
					insert into audit_sample (programme_id, round_id, seed, filters, stratified, requested_size,
					    population_event_ids, population_team_codes, drawn_at, drawn_by)
					values (:programme, :round, :seed, jsonb_build_object('unit_code', cast(:unit as text),
					        'event_types', to_jsonb(cast(:types as text[])), 'date_from', cast(:from as date),
					        'date_to', cast(:to as date), 'staff_code', cast(:staff as text),
					        'failed_measure', cast(:measure as text), 'failed_measure_period', cast(:measurePeriod as text)),
					    :stratified, :size, :events, :teams, :at, :by)
					returning sample_id
					""")
			.param("programme", programmeId)
			.param("round", roundId)
			.param("seed", theSeed)
			.param("unit", filter.unitCode())
			.param("types", filter.eventTypes().toArray(String[]::new))
			.param("from", filter.dateFrom())
			.param("to", filter.dateTo())
			.param("staff", filter.staffCode())
			.param("measure", filter.failedMeasure())
			.param("measurePeriod", filter.failedMeasurePeriod())
			.param("stratified", stratified)
			.param("size", size)
			.param("events", population.stream().map(Candidate::eventId).toArray(String[]::new))
			.param("teams", population.stream().map(Candidate::teamCode).toArray(String[]::new))
			.param("at", Timestamp.from(this.clock.instant()))
			.param("by", username)
			.query(Long.class)
			.single();
		int position = 0;
		for (Candidate c : drawn) {
			this.jdbc.sql("""
					insert into audit_sample_case (sample_id, position, event_id, crn, team_code, staff_code)
					values (:id, :position, :event, :crn, :team, :staff)
					""")
				.param("id", id)
				.param("position", ++position)
				.param("event", c.eventId())
				.param("crn", c.crn())
				.param("team", c.teamCode())
				.param("staff", c.staffCode())
				.update();
		}
		return find(id).orElseThrow();
	}

	static List<Candidate> select(List<Candidate> population, int size, boolean stratified, long seed) {
		return stratified ? Sampling.stratified(population, Candidate::eventId, Candidate::teamCode, size, seed)
				: Sampling.simple(population, Candidate::eventId, size, seed);
	}

	@Transactional(readOnly = true)
	public Optional<Sample> find(long sampleId) {
		List<SampleCase> cases = this.jdbc.sql("""
				select position, event_id, crn, team_code, staff_code from audit_sample_case
				where sample_id = :id order by position
				""").param("id", sampleId).query(SampleCase.class).list();
		return this.jdbc.sql("""
				select sample_id, programme_id, seed, stratified, requested_size, cardinality(population_event_ids),
				       drawn_at, drawn_by, filters->>'unit_code', filters->>'date_from', filters->>'date_to',
				       filters->>'staff_code', filters->>'failed_measure', filters->>'failed_measure_period',
				       array(select jsonb_array_elements_text(coalesce(filters->'event_types', '[]'::jsonb)))
				from audit_sample where sample_id = :id
				""").param("id", sampleId).query((rs, n) -> {
			PopulationFilter filter = new PopulationFilter(rs.getString(9), strings(rs.getArray(15)),
					date(rs.getString(10)), date(rs.getString(11)), rs.getString(12), rs.getString(13),
					rs.getString(14));
			return new Sample(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getLong(3), filter,
					rs.getBoolean(4), rs.getInt(5), rs.getInt(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
					cases);
		}).optional();
	}

	/**
	 * Draws the sample again from its stored population and seed, for an inspector to
	 * compare with the stored one.
	 */
	@Transactional(readOnly = true)
	public Optional<List<String>> redraw(long sampleId) {
		return this.jdbc.sql("""
				select population_event_ids, population_team_codes, requested_size, stratified, seed
				from audit_sample where sample_id = :id
				""").param("id", sampleId).query((rs, n) -> {
			List<String> events = strings(rs.getArray(1));
			List<String> teams = strings(rs.getArray(2));
			List<Candidate> population = new ArrayList<>();
			for (int i = 0; i < events.size(); i++) {
				population.add(new Candidate(events.get(i), "", teams.get(i), "", false));
			}
			return select(population, rs.getInt(3), rs.getBoolean(4), rs.getLong(5)).stream()
				.map(Candidate::eventId)
				.toList();
		}).optional();
	}

	public static List<String> strings(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

	private static LocalDate date(String text) {
		return (text != null) ? LocalDate.parse(text) : null;
	}

}
