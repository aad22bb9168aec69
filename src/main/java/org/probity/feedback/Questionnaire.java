package org.probity.feedback;

import java.util.List;
import java.util.Optional;

/**
 * One version of a questionnaire: versioned data like an audit template, so that a
 * response keeps the version it answered.
 */
public record Questionnaire(String code, int version, String title, String audience, List<Question> questions) {

	public static final List<String> AUDIENCES = List.of("PERSON_ON_PROBATION", "STAFF", "STAKEHOLDER", "SENTENCER");

	public record Question(String code, String text, QuestionType type, List<String> options) {

		/** The answers allowed, in the order they are shown; empty for free text. */
		public List<String> answers() {
			return this.type.answers(this.options);
		}

	}

	/**
	 * The code of the first optional "about you" question (self-declared
	 * characteristics), before which the form explains why they are asked; null when the
	 * questionnaire asks none.
	 */
	public String firstAboutYou() {
		return this.questions.stream().filter(AboutYou::asks).map(Question::code).findFirst().orElse(null);
	}

	public Optional<Question> question(String questionCode) {
		return this.questions.stream().filter((q) -> q.code().equals(questionCode)).findFirst();
	}

}
