package org.probity.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.probity.equality.Characteristic;
import org.probity.equality.EqualityStatistics;
import org.probity.equality.GroupFigures;
import org.probity.shared.Period;
import org.probity.shared.UnitCode;

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
	/** The answers counted as positive (feedback.md): strongly agree, agree, yes. */
	static final java.util.Set<String> POSITIVE = java.util.Set.of("STRONGLY_AGREE", "AGREE", "YES");

	static final Map<String, Integer> ENGAGEMENT_SCORES = Map.of("STRONGLY_DISAGREE", 0, "DISAGREE", 25, "NEITHER", 50,
			"AGREE", 75, "STRONGLY_AGREE", 100);

	public record QuestionResult(String questionCode, String text, QuestionType type, long responses,
			Map<String, Long> counts, BigDecimal positive) {
	}

	public record Results(String questionnaireCode, String title, Period period, UnitCode unitCode, long respondents,
			boolean suppressed, List<QuestionResult> questions, BigDecimal engagementIndex) {
	}

	public record ThemeCount(String themeCode, String label, long count) {
	}

	/**
	 * One declared group of a characteristic for one question: null wherever a figure is
	 * not shown (every figure when the group is suppressed; the rest when it has fewer
	 * than 10 responses; p and q when no comparison is made). Shares and the difference
	 * (percentage points) to one decimal place; p and q unrounded.
	 */
	public record GroupResult(String group, String label, boolean suppressed, Long responses, Long positive,
			BigDecimal positiveShare, Long restResponses, BigDecimal restPositiveShare, BigDecimal difference,
			Double pValue, Double qValue, boolean significant, String direction) {

		/** The comparison in words, as the equality pages say it. */
		public String significance() {
			if (this.suppressed) {
				return "Not shown: fewer than " + MINIMUM_RESPONDENTS + " responses";
			}
			if (Characteristic.NOT_RECORDED.equals(this.group)) {
				return "Not compared";
			}
			if (this.pValue == null) {
				return "No comparison";
			}
			return switch (this.direction) {
				case "LOWER" -> "Lower than the rest, significant";
				case "HIGHER" -> "Higher than the rest, significant";
				default -> "Not significant";
			};
		}

	}

	public record QuestionByGroup(String questionCode, String text, List<GroupResult> groups) {
	}

	public record CharacteristicResults(Characteristic characteristic, String label, List<QuestionByGroup> questions) {

		public CharacteristicResults only(String questionCode) {
			return new CharacteristicResults(this.characteristic, this.label,
					this.questions.stream().filter((q) -> q.questionCode().equals(questionCode)).toList());
		}

	}

	/**
	 * Results by self-declared characteristic: the characteristics the questionnaire asks
	 * about, and for each the agreement and yes/no questions by group.
	 */
	public record DeclaredResults(String questionnaireCode, String title, Period period, UnitCode unitCode,
			long respondents, boolean suppressed, List<Characteristic> asked,
			List<CharacteristicResults> characteristics) {

		public java.util.Optional<CharacteristicResults> of(Characteristic characteristic) {
			return this.characteristics.stream().filter((c) -> c.characteristic() == characteristic).findFirst();
		}

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
	 * Results for responses whose unit is at or below the unit (every unit when null),
	 * answered in the period.
	 */
	@Transactional(readOnly = true)
	public Results results(String questionnaireCode, Period period, UnitCode unit) {
		return results(questionnaireCode, period, unit, null);
	}

	/** As {@link #results(String, Period, UnitCode)} for the responses of one round. */
	@Transactional(readOnly = true)
	public Results roundResults(SurveyRound round) {
		Period period = new Period(Period.Kind.MONTH, java.time.YearMonth.from(round.opensOn()),
				java.time.YearMonth.from(round.closesOn()));
		return results(round.questionnaireCode(), period, round.unitCode(), round.id());
	}

	/** The respondents and answers of a questionnaire for a unit, period and round. */
	private record Loaded(Questionnaire questionnaire, long respondents, List<Answer> answers) {
	}

	private Loaded load(String questionnaireCode, Period period, UnitCode unit, Long roundId) {
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
			.param("unit", (unit != null) ? unit.value() : null, java.sql.Types.VARCHAR)
			.param("round", roundId, java.sql.Types.BIGINT)
			.query(Long.class)
			.single();
		if (respondents < MINIMUM_RESPONDENTS) {
			return new Loaded(questionnaire, respondents, List.of());
		}
		List<Answer> answers = this.jdbc.sql("""
				select a.response_id, a.question_code, a.answer from survey_answer a
				join survey_response r on r.response_id = a.response_id
				where %s
				""".formatted(filter))
			.param("q", questionnaireCode)
			.param("from", period.startDate())
			.param("to", period.endDate())
			.param("unit", (unit != null) ? unit.value() : null, java.sql.Types.VARCHAR)
			.param("round", roundId, java.sql.Types.BIGINT)
			.query(Answer.class)
			.list();
		return new Loaded(questionnaire, respondents, answers);
	}

	private Results results(String questionnaireCode, Period period, UnitCode unit, Long roundId) {
		Loaded loaded = load(questionnaireCode, period, unit, roundId);
		Questionnaire questionnaire = loaded.questionnaire();
		long respondents = loaded.respondents();
		if (respondents < MINIMUM_RESPONDENTS) {
			return new Results(questionnaireCode, questionnaire.title(), period, unit, respondents, true, List.of(),
					null);
		}
		List<Answer> answers = loaded.answers();
		List<QuestionResult> questions = new ArrayList<>();
		for (Questionnaire.Question q : questionnaire.questions()) {
			if (AboutYou.asks(q)) {
				// never a distribution of declared characteristics: see byCharacteristic
				continue;
			}
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
		return new Results(questionnaireCode, questionnaire.title(), period, unit, respondents, false, questions,
				index);
	}

	/**
	 * The positive share of each agreement and yes/no question by self-declared
	 * characteristic (the questionnaire's "about you" questions): each declared group
	 * against the other declared groups, with equality.md's tests and q-values (over
	 * every comparison of one question, every characteristic together). A group is shown
	 * only with at least 10 responses to the question (feedback's 10-respondent rule,
	 * stricter than equality's 5), with equality's secondary suppression; the rest is
	 * shown, and compared, only when it too has at least 10. Nothing at all under 10
	 * respondents to the questionnaire.
	 */
	@Transactional(readOnly = true)
	public DeclaredResults byCharacteristic(String questionnaireCode, Period period, UnitCode unit) {
		Loaded loaded = load(questionnaireCode, period, unit, null);
		Questionnaire questionnaire = loaded.questionnaire();
		List<Characteristic> asked = questionnaire.questions()
			.stream()
			.flatMap((q) -> AboutYou.characteristic(q).stream())
			.toList();
		if (loaded.respondents() < MINIMUM_RESPONDENTS) {
			return new DeclaredResults(questionnaireCode, questionnaire.title(), period, unit, loaded.respondents(),
					true, asked, List.of());
		}
		Map<Long, Map<String, String>> byRespondent = new HashMap<>();
		for (Answer a : loaded.answers()) {
			byRespondent.computeIfAbsent(a.responseId(), (k) -> new HashMap<>()).put(a.questionCode(), a.answer());
		}
		Map<Characteristic, List<QuestionByGroup>> byCharacteristic = new LinkedHashMap<>();
		asked.forEach((c) -> byCharacteristic.put(c, new ArrayList<>()));
		for (Questionnaire.Question q : questionnaire.questions()) {
			if (q.type() != QuestionType.AGREEMENT && q.type() != QuestionType.YES_NO) {
				continue;
			}
			Map<Characteristic, Map<String, long[]>> counts = new EnumMap<>(Characteristic.class);
			for (Map<String, String> respondent : byRespondent.values()) {
				String answer = respondent.get(q.code());
				if (answer == null || answer.isBlank() || QuestionType.DONT_KNOW.equals(answer)) {
					continue;
				}
				boolean positive = POSITIVE.contains(answer);
				for (Characteristic c : asked) {
					long[] n = counts.computeIfAbsent(c, (k) -> new HashMap<>())
						.computeIfAbsent(AboutYou.group(c, respondent.get(c.name())), (k) -> new long[2]);
					n[0] += positive ? 1 : 0;
					n[1]++;
				}
			}
			Map<Characteristic, Map<String, EqualityStatistics.Count>> rows = new EnumMap<>(Characteristic.class);
			counts.forEach((c, groups) -> {
				Map<String, EqualityStatistics.Count> g = new HashMap<>();
				groups.forEach((group, n) -> g.put(group, new EqualityStatistics.Count(n[0], n[1])));
				rows.put(c, g);
			});
			for (EqualityStatistics.Comparison comparison : EqualityStatistics.compare(rows, MINIMUM_RESPONDENTS)) {
				List<QuestionByGroup> questions = byCharacteristic.get(comparison.characteristic());
				if (questions != null) {
					questions.add(new QuestionByGroup(q.code(), q.text(),
							comparison.groups().stream().map(SurveyResults::group).toList()));
				}
			}
		}
		List<CharacteristicResults> characteristics = byCharacteristic.entrySet()
			.stream()
			.map((e) -> new CharacteristicResults(e.getKey(), e.getKey().label(), List.copyOf(e.getValue())))
			.toList();
		return new DeclaredResults(questionnaireCode, questionnaire.title(), period, unit, loaded.respondents(), false,
				asked, characteristics);
	}

	private static GroupResult group(GroupFigures g) {
		String label = Characteristic.NOT_RECORDED.equals(g.group()) ? "Not declared"
				: Characteristic.groupLabel(g.group());
		if (g.suppressed()) {
			return new GroupResult(g.group(), label, true, null, null, null, null, null, null, null, null, false,
					GroupFigures.Direction.NONE.name());
		}
		boolean restShown = g.restDenominator() != null && g.restDenominator() >= MINIMUM_RESPONDENTS;
		return new GroupResult(g.group(), label, false, g.denominator(), g.numerator(), share(g.performance()),
				restShown ? g.restDenominator() : null, restShown ? share(rest(g)) : null,
				(restShown && g.difference() != null) ? share(g.difference()) : null, g.pValue(), g.qValue(),
				g.significant(), g.direction().name());
	}

	private static Double rest(GroupFigures g) {
		return (g.restDenominator() == 0) ? null : 100.0 * g.restNumerator() / g.restDenominator();
	}

	private static BigDecimal share(Double value) {
		return (value == null) ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
	}

	/**
	 * The headlines a monthly or quarterly report needs, for every questionnaire with its
	 * latest version: respondents, the positive share of each agreement and yes/no
	 * question, and the engagement index; only the count under 10 respondents. A unit
	 * includes the units below it; null is every unit.
	 */
	@Transactional(readOnly = true)
	public List<SurveyHeadlines> headlines(Period period, UnitCode unit) {
		return this.questionnaires.latest().stream().map((q) -> headlines(q.code(), period, unit)).toList();
	}

	/** As {@link #headlines(Period, UnitCode)} for one questionnaire. */
	@Transactional(readOnly = true)
	public SurveyHeadlines headlines(String questionnaireCode, Period period, UnitCode unit) {
		Results r = results(questionnaireCode, period, unit);
		return new SurveyHeadlines(r.questionnaireCode(), r.title(), period, r.unitCode(), r.respondents(),
				r.suppressed(),
				r.questions()
					.stream()
					.filter((q) -> q.type() == QuestionType.AGREEMENT || q.type() == QuestionType.YES_NO)
					.map((q) -> new SurveyHeadlines.Headline(q.questionCode(), q.text(), q.responses(), q.positive()))
					.toList(),
				r.engagementIndex());
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
	public List<ThemeCount> themeCounts(String questionnaireCode, Period period, UnitCode unit) {
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
			.param("unit", (unit != null) ? unit.value() : null, java.sql.Types.VARCHAR)
			.query(ThemeCount.class)
			.list();
	}

}
