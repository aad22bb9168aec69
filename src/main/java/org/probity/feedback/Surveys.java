package org.probity.feedback;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.probity.shared.UnitCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Survey rounds and their anonymous responses: a round gets a public link (and, where
 * used, one-time invitation tokens); a response keeps the questionnaire version it
 * answered and carries no name, CRN or address.
 */
@Service
public class Surveys {

	public static final List<String> CHANNELS = List.of("ONLINE", "PAPER", "INTERVIEW");

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ROUND = """
			select r.round_id, r.questionnaire_code, r.unit_code, u.unit_name, r.title, r.opens_on, r.closes_on,
			       r.public_token, r.uses_invitations
			from survey_round r left join estate_unit u on u.unit_code = r.unit_code
			""";

	private final JdbcClient jdbc;

	private final Questionnaires questionnaires;

	private final Clock clock;

	private final org.springframework.jdbc.core.JdbcTemplate batch;

	Surveys(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, Questionnaires questionnaires,
			Clock clock) {
		this.batch = batch;
		this.jdbc = jdbc;
		this.questionnaires = questionnaires;
		this.clock = clock;
	}

	@Transactional
	public SurveyRound openRound(String questionnaireCode, String unitCode, String title, LocalDate opensOn,
			LocalDate closesOn, boolean usesInvitations, String username) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (this.questionnaires.latest(questionnaireCode == null ? "" : questionnaireCode).isEmpty()) {
			errors.put("questionnaire", "Choose a questionnaire");
		}
		if (unitCode == null || this.jdbc.sql("select count(*) from estate_unit where unit_code = :u")
			.param("u", unitCode)
			.query(Long.class)
			.single() == 0) {
			errors.put("unit", "Choose a unit");
		}
		if (title == null || title.isBlank()) {
			errors.put("title", "Enter a title for the round");
		}
		if (opensOn == null || closesOn == null) {
			errors.put("opens", "Enter the dates the round opens and closes");
		}
		else if (closesOn.isBefore(opensOn)) {
			errors.put("closes", "The round must close on or after the day it opens");
		}
		if (!errors.isEmpty()) {
			throw new InvalidFeedback(errors);
		}
		long id = this.jdbc.sql("""
				insert into survey_round (questionnaire_code, unit_code, title, opens_on, closes_on, public_token,
				    uses_invitations, created_by)
				values (:q, :unit, :title, :opens, :closes, :token, :invitations, :by) returning round_id
				""")
			.param("q", questionnaireCode)
			.param("unit", unitCode)
			.param("title", title.strip())
			.param("opens", opensOn)
			.param("closes", closesOn)
			.param("token", token(12))
			.param("invitations", usesInvitations)
			.param("by", username)
			.query(Long.class)
			.single();
		return round(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<SurveyRound> round(long id) {
		return this.jdbc.sql(ROUND + " where r.round_id = :id").param("id", id).query(Surveys::round).optional();
	}

	@Transactional(readOnly = true)
	public Optional<SurveyRound> roundByToken(String token) {
		return this.jdbc.sql(ROUND + " where r.public_token = :token")
			.param("token", token)
			.query(Surveys::round)
			.optional();
	}

	/** Rounds of units at or below the unit (every round when null), newest first. */
	@Transactional(readOnly = true)
	public List<SurveyRound> rounds(String underUnit) {
		return this.jdbc.sql(ROUND + """
				where cast(:unit as text) is null
				   or r.unit_code in (select a.unit_code from estate_unit_ancestry a where a.ancestor_code = :unit)
				order by r.opens_on desc, r.round_id desc
				""").param("unit", underUnit, java.sql.Types.VARCHAR).query(Surveys::round).list();
	}

	/** How many responses a round has had. */
	@Transactional(readOnly = true)
	public long responseCount(long roundId) {
		return this.jdbc.sql("select count(*) from survey_response where round_id = :id")
			.param("id", roundId)
			.query(Long.class)
			.single();
	}

	/** New one-time invitation tokens for a round, to hand to respondents. */
	@Transactional
	public List<String> invite(long roundId, int count) {
		if (count < 1 || count > 500) {
			throw new InvalidFeedback("count", "Ask for between 1 and 500 invitations");
		}
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String token = token(9);
			this.jdbc.sql("insert into survey_invitation (token, round_id) values (:token, :round)")
				.param("token", token)
				.param("round", roundId)
				.update();
			tokens.add(token);
		}
		return tokens;
	}

	/**
	 * Takes the answers given on a round's form (online, or entered by staff from paper
	 * or an interview) against the questionnaire's latest version.
	 * @throws InvalidFeedback when an answer is not allowed, the round is closed, or the
	 * invitation is missing or already used
	 */
	@Transactional
	public long submit(SurveyRound round, String invitation, String channel, Map<String, String> answers) {
		LocalDate today = LocalDate.now(this.clock);
		if (!round.openOn(today)) {
			throw new InvalidFeedback("round", "This survey is closed. Thank you for wanting to take part.");
		}
		Questionnaire questionnaire = this.questionnaires.latest(round.questionnaireCode()).orElseThrow();
		Map<String, String> errors = problems(questionnaire, answers);
		if (!errors.isEmpty()) {
			throw new InvalidFeedback(errors);
		}
		if (round.usesInvitations()) {
			int used = this.jdbc.sql("""
					update survey_invitation set used = true where token = :token and round_id = :round and not used
					""")
				.param("token", (invitation != null) ? invitation.strip() : "")
				.param("round", round.id())
				.update();
			if (used == 0) {
				throw new InvalidFeedback("invitation",
						"This invitation has already been used, or is not for this survey. Each invitation can be used once.");
			}
		}
		return store(new SurveyAnswers(questionnaire.code(), questionnaire.version(), round.unitCode().value(), today,
				channel, answers), round.id(), null);
	}

	/** Problems with a set of answers against a questionnaire, keyed by question code. */
	static Map<String, String> problems(Questionnaire questionnaire, Map<String, String> answers) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (Map.Entry<String, String> answer : answers.entrySet()) {
			Optional<Questionnaire.Question> question = questionnaire.question(answer.getKey());
			String value = answer.getValue();
			if (question.isEmpty()) {
				errors.put(answer.getKey(), "There is no question " + answer.getKey() + " in " + questionnaire.code()
						+ " version " + questionnaire.version());
			}
			else if (value != null && !value.isBlank() && question.get().type() != QuestionType.TEXT
					&& !question.get().answers().contains(value)) {
				errors.put(answer.getKey(), "The answer to '" + question.get().text() + "' must be one of "
						+ String.join(", ", question.get().answers()));
			}
			else if (value != null && value.length() > 4000) {
				errors.put(answer.getKey(),
						"Keep the answer to '" + question.get().text() + "' under 4,000 characters");
			}
		}
		return errors;
	}

	/** Stores one response; blank answers are not stored (they are not answers). */
	long store(SurveyAnswers response, Long roundId, String responseRef) {
		long id = this.jdbc.sql("""
				insert into survey_response (questionnaire_code, questionnaire_version, unit_code, answered_on, channel,
				    round_id, response_ref)
				values (:q, :v, :unit, :on, :channel, :round, :ref) returning response_id
				""")
			.param("q", response.questionnaireCode())
			.param("v", response.version())
			.param("unit", response.unitCode())
			.param("on", response.answeredOn())
			.param("channel", response.channel())
			.param("round", roundId, java.sql.Types.BIGINT)
			.param("ref", responseRef, java.sql.Types.VARCHAR)
			.query(Long.class)
			.single();
		for (Map.Entry<String, String> answer : response.answers().entrySet()) {
			if (answer.getValue() != null && !answer.getValue().isBlank()) {
				this.jdbc.sql(
						"insert into survey_answer (response_id, question_code, answer) values (:id, :question, :answer)")
					.param("id", id)
					.param("question", answer.getKey())
					.param("answer", answer.getValue().strip())
					.update();
			}
		}
		return id;
	}

	/**
	 * Stores a response that does not come through a round's form (demo data, imports).
	 */
	@Transactional
	public long record(SurveyAnswers response, Long roundId) {
		Questionnaire questionnaire = this.questionnaires.find(response.questionnaireCode(), response.version())
			.orElseThrow(() -> new InvalidFeedback("questionnaire",
					"There is no questionnaire " + response.questionnaireCode() + " version " + response.version()));
		Map<String, String> errors = problems(questionnaire, response.answers());
		if (!errors.isEmpty()) {
			throw new InvalidFeedback(errors);
		}
		return store(response, roundId, null);
	}

	/**
	 * Stores many responses (demo data, large paper batches) in one transaction with
	 * batched inserts; every response is checked against its questionnaire version first.
	 * @return how many were stored
	 */
	@Transactional
	public int recordAll(List<SurveyAnswers> responses, Long roundId) {
		Map<String, Questionnaire> versions = new java.util.HashMap<>();
		for (SurveyAnswers response : responses) {
			Questionnaire questionnaire = versions.computeIfAbsent(
					response.questionnaireCode() + "/" + response.version(),
					(k) -> this.questionnaires.find(response.questionnaireCode(), response.version())
						.orElseThrow(() -> new InvalidFeedback("questionnaire", "There is no questionnaire "
								+ response.questionnaireCode() + " version " + response.version())));
			Map<String, String> errors = problems(questionnaire, response.answers());
			if (!errors.isEmpty()) {
				throw new InvalidFeedback(errors);
			}
		}
		if (responses.isEmpty()) {
			return 0;
		}
		List<Long> ids = this.jdbc.sql("select nextval('survey_response_response_id_seq') from generate_series(1, :n)")
			.param("n", responses.size())
			.query(Long.class)
			.list();
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> answers = new ArrayList<>();
		for (int i = 0; i < responses.size(); i++) {
			SurveyAnswers r = responses.get(i);
			rows.add(new Object[] { ids.get(i), r.questionnaireCode(), r.version(), r.unitCode(), r.answeredOn(),
					r.channel(), roundId });
			for (Map.Entry<String, String> a : r.answers().entrySet()) {
				if (a.getValue() != null && !a.getValue().isBlank()) {
					answers.add(new Object[] { ids.get(i), a.getKey(), a.getValue().strip() });
				}
			}
		}
		this.batch.batchUpdate("""
				insert into survey_response (response_id, questionnaire_code, questionnaire_version, unit_code,
				    answered_on, channel, round_id) values (?, ?, ?, ?, ?, ?, ?)
				""", rows);
		this.batch.batchUpdate("insert into survey_answer (response_id, question_code, answer) values (?, ?, ?)",
				answers);
		return responses.size();
	}

	private static String token(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	private static SurveyRound round(ResultSet rs, int row) throws SQLException {
		return new SurveyRound(rs.getLong("round_id"), rs.getString("questionnaire_code"),
				new UnitCode(rs.getString("unit_code")), rs.getString("unit_name"), rs.getString("title"),
				rs.getObject("opens_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class),
				rs.getString("public_token"), rs.getBoolean("uses_invitations"));
	}

}
