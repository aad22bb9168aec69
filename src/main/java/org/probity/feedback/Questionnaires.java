package org.probity.feedback;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questionnaires as versioned data: a change publishes a new version and leaves the old
 * ones (and the responses that answered them) as they were.
 */
@Service
public class Questionnaires {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

	private final JdbcClient jdbc;

	Questionnaires(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The latest version of every questionnaire, by title. */
	@Transactional(readOnly = true)
	public List<Questionnaire> latest() {
		List<String[]> heads = this.jdbc.sql("""
				select distinct on (code) code, version from questionnaire order by code, version desc
				""").query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list();
		List<Questionnaire> all = new ArrayList<>();
		for (String[] head : heads) {
			find(head[0], Integer.parseInt(head[1])).ifPresent(all::add);
		}
		all.sort(java.util.Comparator.comparing(Questionnaire::title));
		return all;
	}

	@Transactional(readOnly = true)
	public Optional<Questionnaire> latest(String code) {
		return this.jdbc.sql("select max(version) from questionnaire where code = :code")
			.param("code", code)
			.query(Integer.class)
			.optional()
			.flatMap((version) -> find(code, version));
	}

	@Transactional(readOnly = true)
	public Optional<Questionnaire> find(String code, int version) {
		Optional<String[]> head = this.jdbc
			.sql("select title, audience from questionnaire where code = :code and version = :version")
			.param("code", code)
			.param("version", version)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional();
		if (head.isEmpty()) {
			return Optional.empty();
		}
		List<Questionnaire.Question> questions = this.jdbc.sql("""
				select question_code, text, question_type, options from questionnaire_question
				where code = :code and version = :version order by position
				""").param("code", code).param("version", version).query(Questionnaires::question).list();
		return Optional.of(new Questionnaire(code, version, head.get()[0], head.get()[1], questions));
	}

	/**
	 * Checks a draft: every problem keyed by field ({@code questions[2].code} and so on),
	 * empty when it may be published.
	 */
	public Map<String, String> problems(Questionnaire draft) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (draft.code() == null || !CODE.matcher(draft.code()).matches()) {
			errors.put("code", "The code is capital letters, digits and underscores, like POP_SURVEY");
		}
		if (draft.title() == null || draft.title().isBlank()) {
			errors.put("title", "Enter a title");
		}
		if (draft.audience() == null || !Questionnaire.AUDIENCES.contains(draft.audience())) {
			errors.put("audience", "Choose who the questionnaire is for");
		}
		if (draft.questions() == null || draft.questions().isEmpty()) {
			errors.put("questions", "Add at least one question");
			return errors;
		}
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < draft.questions().size(); i++) {
			Questionnaire.Question q = draft.questions().get(i);
			String field = "questions[" + i + "]";
			if (q.code() == null || !CODE.matcher(q.code()).matches()) {
				errors.put(field + ".code",
						"Question " + (i + 1) + ": the code is capital letters and digits, like FAIR");
			}
			else if (!codes.add(q.code())) {
				errors.put(field + ".code", "Question " + (i + 1) + ": the code " + q.code() + " is used twice");
			}
			if (q.text() == null || q.text().isBlank()) {
				errors.put(field + ".text", "Question " + (i + 1) + ": enter the question");
			}
			if (q.type() == null) {
				errors.put(field + ".type", "Question " + (i + 1) + ": choose the type of answer");
			}
			else if (q.type() == QuestionType.CHOICE && (q.options() == null || q.options().size() < 2
					|| !q.options().stream().allMatch((o) -> CODE.matcher(o).matches()))) {
				errors.put(field + ".options",
						"Question " + (i + 1) + ": list at least two options as codes, like VERY_GOOD, GOOD");
			}
		}
		return errors;
	}

	/**
	 * Publishes a questionnaire as its next version (version 1 for a new code).
	 * @throws InvalidFeedback with every problem of the draft
	 */
	@Transactional
	public Questionnaire publish(Questionnaire draft, String username) {
		Map<String, String> errors = problems(draft);
		if (!errors.isEmpty()) {
			throw new InvalidFeedback(errors);
		}
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('questionnaire:' || :code))")
			.param("code", draft.code())
			.query((rs) -> {
			});
		int version = this.jdbc.sql("select coalesce(max(version), 0) + 1 from questionnaire where code = :code")
			.param("code", draft.code())
			.query(Integer.class)
			.single();
		this.jdbc.sql("""
				insert into questionnaire (code, version, title, audience, created_by)
				values (:code, :version, :title, :audience, :by)
				""")
			.param("code", draft.code())
			.param("version", version)
			.param("title", draft.title().strip())
			.param("audience", draft.audience())
			.param("by", username)
			.update();
		int position = 0;
		for (Questionnaire.Question q : draft.questions()) {
			this.jdbc
				.sql("""
						insert into questionnaire_question (code, version, position, question_code, text, question_type, options)
						values (:code, :version, :position, :question, :text, :type, :options)
						""")
				.param("code", draft.code())
				.param("version", version)
				.param("position", ++position)
				.param("question", q.code())
				.param("text", q.text().strip())
				.param("type", q.type().name())
				.param("options",
						(q.type() == QuestionType.CHOICE) ? q.options().toArray(String[]::new) : new String[0])
				.update();
		}
		return find(draft.code(), version).orElseThrow();
	}

	static String normalise(String code) {
		return (code == null) ? null : code.strip().toUpperCase(Locale.ROOT);
	}

	private static Questionnaire.Question question(ResultSet rs, int row) throws SQLException {
		Array options = rs.getArray("options");
		return new Questionnaire.Question(rs.getString("question_code"), rs.getString("text"),
				QuestionType.valueOf(rs.getString("question_type")),
				(options != null) ? List.copyOf(Arrays.asList((String[]) options.getArray())) : List.of());
	}

}
