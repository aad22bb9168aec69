package org.probity.audits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ratings from completed audits (case-audit.md, "Ratings"): each key question's
 * performance, each standard's rating from its lowest key question, and, for an
 * inspection-style exercise, the overall rating. Every result carries the framework
 * version it was rated under.
 */
@Service
public class AuditRatings {

	/**
	 * Which completed audits to rate; every part is optional.
	 *
	 * @param unitCode a unit and every unit below it
	 * @param from completed on or after
	 * @param to completed on or before
	 */
	public record Scope(Long programmeId, String unitCode, String staffCode, LocalDate from, LocalDate to,
			String templateCode) {

		public static Scope programme(long programmeId) {
			return new Scope(programmeId, null, null, null, null, null);
		}

		/** The audits completed in a unit and every unit below it. */
		public static Scope unit(UnitCode unit, LocalDate from, LocalDate to) {
			return new Scope(null, (unit != null) ? unit.value() : null, null, from, to, null);
		}

		/** A practitioner's audits of one template (CASE_SUPERVISION, OBSERVATION...). */
		public static Scope practitioner(StaffCode staff, LocalDate from, LocalDate to, String templateCode) {
			return new Scope(null, null, staff.value(), from, to, templateCode);
		}

	}

	public record KeyQuestionResult(String code, String text, long yes, long no, long notApplicable,
			java.math.BigDecimal percent, Rating rating) {
	}

	public record StandardResult(String templateCode, String code, String title, Rating rating,
			List<KeyQuestionResult> keyQuestions) {
	}

	public record Result(String frameworkVersion, long auditsCompleted, List<StandardResult> standards) {

		public Optional<StandardResult> standard(String code) {
			return this.standards.stream().filter((s) -> s.code().equals(code)).findFirst();
		}

	}

	private final JdbcClient jdbc;

	private final RatingRules rules;

	AuditRatings(JdbcClient jdbc, RatingRules rules) {
		this.jdbc = jdbc;
		this.rules = rules;
	}

	public RatingRules rules() {
		return this.rules;
	}

	@Transactional(readOnly = true)
	public Result rate(Scope scope) {
		record Row(String templateCode, String standardCode, String standardTitle, String keyQuestionCode,
				String keyQuestionText, long yes, long no, long notApplicable) {
		}
		String where = """
				a.status = 'COMPLETED'
				  and (cast(:programme as bigint) is null or a.programme_id = cast(:programme as bigint))
				  and (cast(:unit as text) is null
				       or a.team_code in (select unit_code from estate_unit_ancestry where ancestor_code = cast(:unit as text)))
				  and (cast(:staff as text) is null or a.staff_code = cast(:staff as text))
				  and (cast(:from as date) is null or (a.completed_at at time zone 'Europe/London')::date >= cast(:from as date))
				  and (cast(:to as date) is null or (a.completed_at at time zone 'Europe/London')::date <= cast(:to as date))
				  and (cast(:template as text) is null or a.template_code = cast(:template as text))
				""";
		List<Row> rows = this.jdbc.sql("""
				with counts as (
				    select a.template_code, ans.key_question_code,
				           count(*) filter (where ans.answer = 'YES') as yes,
				           count(*) filter (where ans.answer = 'NO') as no,
				           count(*) filter (where ans.answer = 'NOT_APPLICABLE') as not_applicable,
				           max(a.template_version) as latest_version
				    from case_audit a join case_audit_answer ans on ans.audit_id = a.audit_id
				    where
				""" + where + """
				    group by a.template_code, ans.key_question_code
				)
				select c.template_code, q.standard_code, s.title as standard_title, c.key_question_code,
				       q.text as key_question_text, c.yes, c.no, c.not_applicable
				from counts c
				join audit_key_question q on q.template_code = c.template_code and q.version = c.latest_version
				     and q.key_question_code = c.key_question_code
				join audit_standard s on s.template_code = q.template_code and s.version = q.version
				     and s.standard_code = q.standard_code
				order by c.template_code, s.position, q.position
				""")
			.param("programme", scope.programmeId())
			.param("unit", scope.unitCode())
			.param("staff", scope.staffCode())
			.param("from", scope.from())
			.param("to", scope.to())
			.param("template", scope.templateCode())
			.query(Row.class)
			.list();
		long audits = this.jdbc.sql("select count(*) from case_audit a where " + where)
			.param("programme", scope.programmeId())
			.param("unit", scope.unitCode())
			.param("staff", scope.staffCode())
			.param("from", scope.from())
			.param("to", scope.to())
			.param("template", scope.templateCode())
			.query(Long.class)
			.single();
		Map<String, List<Row>> byStandard = new LinkedHashMap<>();
		rows.forEach(
				(r) -> byStandard.computeIfAbsent(r.templateCode() + "|" + r.standardCode(), (k) -> new ArrayList<>())
					.add(r));
		List<StandardResult> standards = new ArrayList<>();
		for (List<Row> questions : byStandard.values()) {
			List<KeyQuestionPerformance> performances = questions.stream()
				.map((r) -> new KeyQuestionPerformance(r.keyQuestionCode(), r.keyQuestionText(), r.yes(), r.no(),
						r.notApplicable()))
				.toList();
			List<KeyQuestionResult> results = performances.stream()
				.map((p) -> new KeyQuestionResult(p.code(), p.text(), p.yes(), p.no(), p.notApplicable(),
						p.percent().orElse(null), this.rules.rate(p).orElse(null)))
				.toList();
			Row first = questions.get(0);
			standards.add(new StandardResult(first.templateCode(), first.standardCode(), first.standardTitle(),
					this.rules.rateStandard(performances).orElse(null), results));
		}
		return new Result(this.rules.frameworkVersion(), audits, standards);
	}

}
