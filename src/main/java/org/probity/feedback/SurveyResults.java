package org.probity.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.probity.shared.Period;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Results of a questionnaire for a unit (with the units below it) and a period
 * (feedback.md, "Results"): each question's responses (answered, not DONT_KNOW or blank),
 * the count of each option and the positive share; the staff engagement index; nothing
 * but the number of respondents when there are fewer than 10.
 */
@Service
public class SurveyResults {

	/** Civil-service surveys show no results for fewer respondents than this. */
	public static final int MINIMUM_RESPONDENTS = 10;

	public static final String STAFF_ENGAGEMENT = "STAFF_ENGAGEMENT";

	/** Engagement scores from strongly disagree to strongly agree (feedback.md). */
	static final Map<String, Integer> ENGAGEMENT_SCORES = Map.of("STRONGLY_DISAGREE", 0, "DISAGREE", 25, "NEITHER", 50,
			"AGREE", 75, "STRONGLY_AGREE", 100);

	public record QuestionResult(String questionCode, String text, QuestionType type, long responses,
			Map<String, Long> counts, BigDecimal positive) {
	}

	public record Results(String questionnaireCode, String title, Period period, String unitCode, long respondents,
			boolean suppressed, List<QuestionResult> questions, BigDecimal engagementIndex) {
	}

	public record ThemeCount(String themeCode, String label, long count) {
	}

	record Answer(long responseId, String questionCode, String answer) {
	}

	private final JdbcClient jdbc;

	private final Questionnaires questionnaires;

	SurveyResults(JdbcClient jdbc, Questionnaires questionnaires) {
		this.jdbc = jdbc;
		this.questionnaires = questionnaires;
	}

	/**
	 * Results for responses whose unit is at or below the unit, answered in the period.
	 */
	@Transactional(readOnly = true)
	public Results results(String questionnaireCode, Period period, String unitCode) {
		return results(questionnaireCode, period, unitCode, null);
	}

	/** As {@link #results(String, Period, String)} for the responses of one round. */
	@Transactional(readOnly = true)
	public Results roundResults(SurveyRound round) {
		Period period = new Period(Period.Kind.MONTH, java.time.YearMonth.from(round.opensOn()),
				java.time.YearMonth.from(round.closesOn()));
		return results(round.questionnaireCode(), period, round.unitCode(), round.id());
	}

	private Results results(String questionnaireCode, Period period, String unitCode, Long roundId) {
		Questionnaire questionnaire = this.questionnaires.latest(questionnaireCode)
			.orElseThrow(() -> new FeedbackNotFound("There is no questionnaire " + questionnaireCode));
		String filter = """
				r.questionnaire_code = :q and r.answered_on between :from and :to
				and (cast(:unit as text) is null
				     or r.unit_code in (select a.unit_code from estate_unit_ancestry a where a.ancestor_code = :unit))
				and (cast(:round as bigint) is null or r.round_id = :round)
				""";
		long respondents = this.jdbc.sql("select count(*) from survey_response r where " + filter)
			.param("q", questionnaireCode)
			.param("from", period.startDate())
			.param("to", period.endDate())
			.param("unit", unitCode, java.sql.Types.VARCHAR)
			.param("round", roundId, java.sql.Types.BIGINT)
			.query(Long.class)
			.single();
		if (respondents < MINIMUM_RESPONDENTS) {
			return new Results(questionnaireCode, questionnaire.title(), period, unitCode, respondents, true, List.of(),
					null);
		}
		List<Answer> answers = this.jdbc.sql("""
				select a.response_id, a.question_code, a.answer from survey_answer a
				join survey_response r on r.response_id = a.response_id
				where %s
				""".formatted(filter))
			.param("q", questionnaireCode)
			.param("from", period.startDate())
			.param("to", period.endDate())
			.param("unit", unitCode, java.sql.Types.VARCHAR)
			.param("round", roundId, java.sql.Types.BIGINT)
			.query(Answer.class)
			.list();
		List<QuestionResult> questions = new ArrayList<>();
		for (Questionnaire.Question q : questionnaire.questions()) {
			Map<String, Long> counts = new LinkedHashMap<>();
			q.answers().forEach((option) -> counts.put(option, 0L));
			long responses = 0;
			for (Answer a : answers) {
				if (!a.questionCode().equals(q.code()) || a.answer().isBlank()) {
					continue;
				}
				if (q.type() != QuestionType.TEXT) {
					counts.merge(a.answer(), 1L, Long::sum);
				}
				if (!QuestionType.DONT_KNOW.equals(a.answer())) {
					responses++;
				}
			}
			questions.add(new QuestionResult(q.code(), q.text(), q.type(), responses,
					(q.type() == QuestionType.TEXT) ? Map.of() : counts, positive(q.type(), counts, responses)));
		}
		BigDecimal index = STAFF_ENGAGEMENT.equals(questionnaireCode) ? engagementIndex(answers) : null;
		return new Results(questionnaireCode, questionnaire.title(), period, unitCode, respondents, false, questions,
				index);
	}

	/**
	 * Positive share to one decimal place: strongly agree and agree (or yes) over the
	 * responses; none for other types or when no one answered.
	 */
	static BigDecimal positive(QuestionType type, Map<String, Long> counts, long responses) {
		if (responses == 0) {
			return null;
		}
		long positive = switch (type) {
			case AGREEMENT -> counts.getOrDefault("STRONGLY_AGREE", 0L) + counts.getOrDefault("AGREE", 0L);
			case YES_NO -> counts.getOrDefault("YES", 0L);
			default -> -1;
		};
		if (positive < 0) {
			return null;
		}
		return BigDecimal.valueOf(positive * 100).divide(BigDecimal.valueOf(responses), 1, RoundingMode.HALF_UP);
	}

	/**
	 * A respondent's score is the mean of their scored answers; the index is the mean of
	 * the scores of respondents with at least one (to one decimal place, kept exact until
	 * then).
	 */
	static BigDecimal engagementIndex(List<Answer> answers) {
		Map<Long, long[]> byRespondent = new HashMap<>();
		for (Answer a : answers) {
			Integer score = ENGAGEMENT_SCORES.get(a.answer());
			if (score != null) {
				long[] sumAndCount = byRespondent.computeIfAbsent(a.responseId(), (k) -> new long[2]);
				sumAndCount[0] += score;
				sumAndCount[1]++;
			}
		}
		if (byRespondent.isEmpty()) {
			return null;
		}
		BigDecimal total = BigDecimal.ZERO;
		for (long[] s : byRespondent.values()) {
			total = total.add(BigDecimal.valueOf(s[0]).divide(BigDecimal.valueOf(s[1]), 20, RoundingMode.HALF_UP));
		}
		return total.divide(BigDecimal.valueOf(byRespondent.size()), 1, RoundingMode.HALF_UP);
	}

	/** How often each theme was coded on free-text answers, for a unit and period. */
	@Transactional(readOnly = true)
	public List<ThemeCount> themeCounts(String questionnaireCode, Period period, String unitCode) {
		return this.jdbc
			.sql("""
					select t.code as theme_code, t.label, count(at.response_id) as count
					from feedback_theme t
					left join (answer_theme at
					    join survey_response r on r.response_id = at.response_id
					     and r.questionnaire_code = :q and r.answered_on between :from and :to
					     and (cast(:unit as text) is null
					          or r.unit_code in (select a.unit_code from estate_unit_ancestry a where a.ancestor_code = :unit)))
					  on at.theme_code = t.code
					group by t.code, t.label
					order by count desc, t.label
					""")
			.param("q", questionnaireCode)
			.param("from", period.startDate())
			.param("to", period.endDate())
			.param("unit", unitCode, java.sql.Types.VARCHAR)
			.query(ThemeCount.class)
			.list();
	}

}
