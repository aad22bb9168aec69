package org.probity.feedback;

import java.sql.Array;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.probity.shared.Period;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Free-text answers read by the quality team and coded with themes from the list. */
@Service
class AnswerThemes {

	public record FreeText(long responseId, String questionCode, String answer, LocalDate answeredOn, String unitName,
			List<String> themes) {
	}

	private final JdbcClient jdbc;

	AnswerThemes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<FreeText> freeText(String questionnaireCode, Period period, String unitCode) {
		return this.jdbc
			.sql("""
					select a.response_id, a.question_code, a.answer, r.answered_on, u.unit_name,
					       array(select t.theme_code from answer_theme t
					             where t.response_id = a.response_id and t.question_code = a.question_code order by 1) as themes
					from survey_answer a
					join survey_response r on r.response_id = a.response_id
					join questionnaire_question q on q.code = r.questionnaire_code and q.version = r.questionnaire_version
					     and q.question_code = a.question_code and q.question_type = 'TEXT'
					left join estate_unit u on u.unit_code = r.unit_code
					where r.questionnaire_code = :q and r.answered_on between :from and :to
					  and (cast(:unit as text) is null
					       or r.unit_code in (select x.unit_code from estate_unit_ancestry x where x.ancestor_code = :unit))
					order by r.answered_on desc, a.response_id, a.question_code
					limit 500
					""")
			.param("q", questionnaireCode)
			.param("from", period.startDate())
			.param("to", period.endDate())
			.param("unit", unitCode, java.sql.Types.VARCHAR)
			.query((rs, n) -> {
				Array themes = rs.getArray("themes");
				return new FreeText(rs.getLong("response_id"), rs.getString("question_code"), rs.getString("answer"),
						rs.getObject("answered_on", LocalDate.class), rs.getString("unit_name"),
						(themes != null) ? Arrays.asList((String[]) themes.getArray()) : List.of());
			})
			.list();
	}

	/** Replaces the themes of one free-text answer. */
	@Transactional
	public void code(long responseId, String questionCode, List<String> themes, String username) {
		this.jdbc.sql("delete from answer_theme where response_id = :id and question_code = :q")
			.param("id", responseId)
			.param("q", questionCode)
			.update();
		for (String theme : themes.stream().distinct().toList()) {
			this.jdbc.sql("""
					insert into answer_theme (response_id, question_code, theme_code, coded_by)
					select :id, :q, :theme, :by
					where exists (select 1 from feedback_theme where code = :theme)
					  and exists (select 1 from survey_answer where response_id = :id and question_code = :q)
					""")
				.param("id", responseId)
				.param("q", questionCode)
				.param("theme", theme)
				.param("by", username)
				.update();
		}
	}

}
