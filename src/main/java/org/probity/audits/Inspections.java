package org.probity.audits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.probity.shared.UnitCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An inspection-style exercise over the ten standards: 1.1 to 1.4 judged and entered by
 * the lead inspector, 2.1 to 2.4, 4.1 and 4.2 rated from the unit's completed audits in
 * the period; only a complete set of ten gets an overall rating (case-audit.md,
 * "Ratings", rule 3).
 */
@Service
public class Inspections {

	public record StandardLine(String code, String title, Rating rating, String source) {
	}

	public record Inspection(long inspectionId, String name, String unitCode, LocalDate periodStart,
			LocalDate periodEnd, String frameworkVersion, List<StandardLine> standards, Integer score, Rating overall) {
	}

	private static final Map<String, String> TITLES = new LinkedHashMap<>();

	static {
		TITLES.put("1.1", "Leadership");
		TITLES.put("1.2", "Staff");
		TITLES.put("1.3", "Services");
		TITLES.put("1.4", "Information and facilities");
		TITLES.put("2.1", "Assessment");
		TITLES.put("2.2", "Planning");
		TITLES.put("2.3", "Implementation and delivery");
		TITLES.put("2.4", "Reviewing");
		TITLES.put("4.1", "Unpaid work");
		TITLES.put("4.2", "Through the gate");
	}

	private final JdbcClient jdbc;

	private final AuditRatings ratings;

	Inspections(JdbcClient jdbc, AuditRatings ratings) {
		this.jdbc = jdbc;
		this.ratings = ratings;
	}

	/**
	 * Records an inspection-style rating exercise of a unit over a period: the
	 * organisational standards' judgements, the case standards rated from the audits.
	 */
	@Transactional
	public long create(String name, UnitCode unit, LocalDate from, LocalDate to, Map<String, Rating> judgements,
			String username) {
		return create(name, (unit != null) ? unit.value() : null, from, to, judgements, username);
	}

	/** As the inspection form gives it: the unit's code as entered. */
	@Transactional
	public long create(String name, String unitCode, LocalDate from, LocalDate to, Map<String, Rating> judgements,
			String username) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("Enter a name for the inspection");
		}
		if (unitCode == null || from == null || to == null || to.isBefore(from)) {
			throw new IllegalArgumentException("Give the unit and a period whose end is not before its start");
		}
		new UnitCode(unitCode);
		for (String standard : judgements.keySet()) {
			if (!RatingRules.ORGANISATIONAL_STANDARDS.contains(standard)) {
				throw new IllegalArgumentException(
						"Only organisational standards (1.1 to 1.4) are judged; " + standard + " comes from audits");
			}
		}
		long id = this.jdbc.sql("""
				insert into audit_inspection (name, unit_code, period_start, period_end, framework_version, created_by)
				values (:name, :unit, :from, :to, :framework, :by) returning inspection_id
				""")
			.param("name", name.trim())
			.param("unit", unitCode)
			.param("from", from)
			.param("to", to)
			.param("framework", this.ratings.rules().frameworkVersion())
			.param("by", username)
			.query(Long.class)
			.single();
		judgements.forEach((standard, rating) -> this.jdbc.sql("""
				insert into audit_inspection_judgement (inspection_id, standard_code, rating)
				values (:id, :standard, :rating)
				""").param("id", id).param("standard", standard).param("rating", rating.name()).update());
		return id;
	}

	@Transactional(readOnly = true)
	public List<Long> all() {
		return this.jdbc.sql("select inspection_id from audit_inspection order by period_end desc, inspection_id desc")
			.query(Long.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Inspection> find(long id) {
		record Head(long inspectionId, String name, String unitCode, LocalDate periodStart, LocalDate periodEnd,
				String frameworkVersion) {
		}
		Optional<Head> head = this.jdbc.sql("""
				select inspection_id, name, unit_code, period_start, period_end, framework_version
				from audit_inspection where inspection_id = :id
				""").param("id", id).query(Head.class).optional();
		if (head.isEmpty()) {
			return Optional.empty();
		}
		Head h = head.get();
		Map<String, Rating> judged = new LinkedHashMap<>();
		this.jdbc.sql("select standard_code, rating from audit_inspection_judgement where inspection_id = :id")
			.param("id", id)
			.query((rs, n) -> judged.put(rs.getString(1), Rating.valueOf(rs.getString(2))))
			.list();
		AuditRatings.Result fromAudits = this.ratings
			.rate(new AuditRatings.Scope(null, h.unitCode(), null, h.periodStart(), h.periodEnd(), null));
		Map<String, Rating> all = new LinkedHashMap<>();
		List<StandardLine> lines = new ArrayList<>();
		for (Map.Entry<String, String> standard : TITLES.entrySet()) {
			String code = standard.getKey();
			Rating rating;
			String source;
			if (RatingRules.ORGANISATIONAL_STANDARDS.contains(code)) {
				rating = judged.get(code);
				source = "Judged by the lead inspector";
			}
			else {
				rating = fromAudits.standard(code).map(AuditRatings.StandardResult::rating).orElse(null);
				source = "From completed audits";
			}
			if (rating != null) {
				all.put(code, rating);
			}
			lines.add(new StandardLine(code, standard.getValue(), rating, source));
		}
		Optional<Integer> score = this.ratings.rules().overallScore(all);
		return Optional.of(new Inspection(h.inspectionId(), h.name(), h.unitCode(), h.periodStart(), h.periodEnd(),
				h.frameworkVersion(), lines, score.orElse(null), score.map(this.ratings.rules()::band).orElse(null)));
	}

}
