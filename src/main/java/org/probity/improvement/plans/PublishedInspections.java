package org.probity.improvement.plans;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.probity.audits.Rating;
import org.probity.audits.RatingRules;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inspections as HMIP published them, for inspection responses to answer: the rating of
 * each of the ten standards entered as published, and the overall score and rating
 * computed by the audits module's rules (none for a set of fewer than ten).
 * <p>
 * Kept here rather than in {@code audits.Inspections}, which rates 2.1 to 4.2 from
 * Probity's own completed audits over a period: a published report's ratings are facts to
 * record, not figures to recompute.
 */
@Service
public class PublishedInspections {

	public record Inspection(long inspectionId, String name, String unitCode, String unitName, LocalDate publishedOn,
			Map<String, Rating> ratings, Integer score, Rating overall) {
	}

	private final JdbcClient jdbc;

	private final RatingRules rules;

	PublishedInspections(JdbcClient jdbc, RatingRules rules) {
		this.jdbc = jdbc;
		this.rules = rules;
	}

	public List<String> standards() {
		return this.rules.standards();
	}

	@Transactional
	public long create(String name, String unitCode, LocalDate publishedOn, Map<String, Rating> ratings,
			String username) {
		if (name == null || name.isBlank()) {
			throw new InvalidPlan("name", "Enter the name of the inspection");
		}
		if (unitCode == null || unitCode.isBlank() || unitCode.length() > 12) {
			throw new InvalidPlan("unit_code", "Give the code of the unit inspected (1 to 12 characters)");
		}
		if (publishedOn == null) {
			throw new InvalidPlan("published_on", "Enter the date the report was published");
		}
		Map<String, Rating> given = (ratings != null) ? ratings : Map.of();
		for (Map.Entry<String, Rating> rating : given.entrySet()) {
			if (!this.rules.standards().contains(rating.getKey())) {
				throw new InvalidPlan("ratings", "Unknown standard " + rating.getKey() + ": the standards are "
						+ String.join(", ", this.rules.standards()));
			}
			if (rating.getValue() == null) {
				throw new InvalidPlan("ratings", "Give the published rating of standard " + rating.getKey());
			}
		}
		long id = this.jdbc.sql("""
				insert into improvement_inspection (name, unit_code, published_on, created_by)
				values (:name, :unit, :published, :by) returning inspection_id
				""")
			.param("name", name.trim())
			.param("unit", unitCode)
			.param("published", publishedOn)
			.param("by", username)
			.query(Long.class)
			.single();
		given.forEach((standard, rating) -> this.jdbc.sql("""
				insert into improvement_inspection_rating (inspection_id, standard_code, rating)
				values (:id, :standard, :rating)
				""").param("id", id).param("standard", standard).param("rating", rating.name()).update());
		return id;
	}

	@Transactional(readOnly = true)
	public Optional<Inspection> find(long id) {
		record Head(long inspectionId, String name, String unitCode, String unitName, LocalDate publishedOn) {
		}
		Optional<Head> head = this.jdbc
			.sql("""
					select i.inspection_id, i.name, i.unit_code, coalesce(u.unit_name, i.unit_code) as unit_name, i.published_on
					from improvement_inspection i left join estate_unit u on u.unit_code = i.unit_code
					where i.inspection_id = :id
					""")
			.param("id", id)
			.query(Head.class)
			.optional();
		if (head.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Rating> stored = new LinkedHashMap<>();
		this.jdbc.sql("select standard_code, rating from improvement_inspection_rating where inspection_id = :id")
			.param("id", id)
			.query((rs) -> {
				stored.put(rs.getString(1), Rating.valueOf(rs.getString(2)));
			});
		Map<String, Rating> ratings = new LinkedHashMap<>();
		for (String standard : this.rules.standards()) {
			if (stored.containsKey(standard)) {
				ratings.put(standard, stored.get(standard));
			}
		}
		Optional<Integer> score = this.rules.overallScore(ratings);
		Head h = head.get();
		return Optional.of(new Inspection(h.inspectionId(), h.name(), h.unitCode(), h.unitName(), h.publishedOn(),
				ratings, score.orElse(null), score.map(this.rules::band).orElse(null)));
	}

	@Transactional(readOnly = true)
	public List<Inspection> all() {
		return this.jdbc
			.sql("select inspection_id from improvement_inspection order by published_on desc, inspection_id")
			.query(Long.class)
			.list()
			.stream()
			.map((id) -> find(id).orElseThrow())
			.toList();
	}

}
