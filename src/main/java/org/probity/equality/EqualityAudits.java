package org.probity.equality;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.probity.equality.EqualityFigures.Focus;
import org.probity.equality.EqualityTables.Count;
import org.probity.shared.Period;

/**
 * Key-question performance of case audits by protected characteristic (equality.md,
 * "Audit ratings"): each completed case audit's answer to a key question is one row, met
 * when judged sufficient (YES), counted when YES or NO, as KeyQuestionPerformance counts
 * them. Rows count in the month the audit was completed, for the team and practitioner it
 * was of; a person's age is taken on the last day of that month. Read through the views
 * the audits module publishes; the statistics and suppression are the measures' own
 * ({@link EqualityTables}). Audits are few (hundreds a quarter), so they are summed when
 * read.
 */
@Service
class EqualityAudits {

	/** A key question of a case audit template's current version. */
	record KeyQuestion(String templateCode, String templateName, String code, String standardCode, String text) {

		/** The key of this key question in the maps below. */
		String key() {
			return this.templateCode + "|" + this.code;
		}

	}

	/** One audit's answer to the key question, for the list behind a group's figure. */
	record AuditRow(long auditId, String crn, LocalDate completedOn, String teamCode, String staffCode,
			boolean sufficient) {
	}

	private static final String IN_FOCUS = """
			(case when cast(:unit as text) is not null
			      then r.team_code in (select unit_code from estate_unit_ancestry where ancestor_code = cast(:unit as text))
			      else %s end)
			"""
		.formatted(EqualityFigures.STAFF_ROWS);

	private final JdbcClient jdbc;

	EqualityAudits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every key question of the case templates, in the templates' order. */
	@Transactional(readOnly = true)
	List<KeyQuestion> keyQuestions() {
		return this.jdbc.sql("""
				select template_code, template_name, key_question_code as code, standard_code, key_question_text as text
				from equality_audit_key_question
				order by template_code, standard_position, key_question_position
				""").query(KeyQuestion.class).list();
	}

	/** The key questions of that code (more than one only if two templates share it). */
	@Transactional(readOnly = true)
	List<KeyQuestion> keyQuestions(String code) {
		return keyQuestions().stream().filter((q) -> q.code().equals(code)).toList();
	}

	/** The tables of every characteristic for one key question. */
	@Transactional(readOnly = true)
	List<EqualityTables.Table> tables(KeyQuestion question, Period period, Focus focus) {
		return EqualityTables.of(counts(period, focus, question).getOrDefault(question.key(), Map.of()));
	}

	/** The tables of every key question, by {@link KeyQuestion#key()}, in order. */
	@Transactional(readOnly = true)
	Map<String, List<EqualityTables.Table>> everyKeyQuestion(Period period, Focus focus) {
		Map<String, Map<Characteristic, Map<String, Count>>> counts = counts(period, focus, null);
		Map<String, List<EqualityTables.Table>> tables = new LinkedHashMap<>();
		for (KeyQuestion q : keyQuestions()) {
			tables.put(q.key(), EqualityTables.of(counts.getOrDefault(q.key(), Map.of())));
		}
		return tables;
	}

	/**
	 * The audits behind one group's figure, those judged not sufficient first: the same
	 * rows the figure counts.
	 */
	@Transactional(readOnly = true)
	List<AuditRow> audits(KeyQuestion question, Period period, Focus focus, Characteristic characteristic,
			String group) {
		return this.jdbc.sql("""
				select r.audit_id, r.crn, r.completed_on, r.team_code, r.staff_code, r.sufficient
				from equality_audit_answer r
				join equality_person p on p.crn = r.crn
				cross join lateral equality_groups(p.date_of_birth, p.sex, p.gender_identity_same_as_birth, p.ethnicity,
				    p.religion, p.sexual_orientation, p.disability, p.marital_status,
				    cast(r.month + interval '1 month' - interval '1 day' as date)) as g
				where r.template_type = 'CASE' and r.template_code = :template and r.key_question_code = :question
				  and r.month between :from and :to and g.characteristic = :characteristic and g.group_code = :group
				  and %s
				order by r.sufficient, r.completed_on, r.crn, r.audit_id
				""".formatted(IN_FOCUS))
			.param("template", question.templateCode())
			.param("question", question.code())
			.param("from", period.startDate())
			.param("to", period.last().atDay(1))
			.param("characteristic", characteristic.name())
			.param("group", group)
			.param("unit", focus.unit(), java.sql.Types.VARCHAR)
			.param("staff", focus.staff(), java.sql.Types.VARCHAR)
			.param("within", focus.within(), java.sql.Types.VARCHAR)
			.query(AuditRow.class)
			.list();
	}

	/**
	 * Counts per key question, characteristic and group for the period (every key
	 * question, or only the one given).
	 */
	private Map<String, Map<Characteristic, Map<String, Count>>> counts(Period period, Focus focus, KeyQuestion only) {
		Map<String, Map<Characteristic, Map<String, Count>>> counts = new HashMap<>();
		this.jdbc.sql("""
				select r.template_code, r.key_question_code, g.characteristic, g.group_code,
				       count(*) filter (where r.sufficient) as numerator, count(*) as denominator
				from equality_audit_answer r
				join equality_person p on p.crn = r.crn
				cross join lateral equality_groups(p.date_of_birth, p.sex, p.gender_identity_same_as_birth, p.ethnicity,
				    p.religion, p.sexual_orientation, p.disability, p.marital_status,
				    cast(r.month + interval '1 month' - interval '1 day' as date)) as g
				where r.template_type = 'CASE' and r.month between :from and :to
				  and (cast(:template as text) is null
				       or (r.template_code = cast(:template as text) and r.key_question_code = cast(:question as text)))
				  and %s
				group by 1, 2, 3, 4
				""".formatted(IN_FOCUS))
			.param("from", period.startDate())
			.param("to", period.last().atDay(1))
			.param("template", (only != null) ? only.templateCode() : null, java.sql.Types.VARCHAR)
			.param("question", (only != null) ? only.code() : null, java.sql.Types.VARCHAR)
			.param("unit", focus.unit(), java.sql.Types.VARCHAR)
			.param("staff", focus.staff(), java.sql.Types.VARCHAR)
			.param("within", focus.within(), java.sql.Types.VARCHAR)
			.query((rs, i) -> counts
				.computeIfAbsent(rs.getString("template_code") + "|" + rs.getString("key_question_code"),
						(k) -> new EnumMap<>(Characteristic.class))
				.computeIfAbsent(Characteristic.valueOf(rs.getString("characteristic")), (k) -> new HashMap<>())
				.put(rs.getString("group_code"), new Count(rs.getLong("numerator"), rs.getLong("denominator"))))
			.list();
		return counts;
	}

}
