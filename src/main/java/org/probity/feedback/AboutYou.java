package org.probity.feedback;

import java.util.Optional;

import org.probity.equality.Characteristic;

/**
 * The optional "about you" questions (feedback.md: "optionally the respondent's
 * self-declared characteristics (the groups of equality.md)"): a CHOICE question whose
 * code is a characteristic of equality.md and whose options are its groups, with
 * {@link #PREFER_NOT_TO_SAY}. Their answers are never shown as a distribution (a count of
 * 2 in a group could point at a person); they only split the other questions' answers by
 * declared group, with the equality module's statistics and suppression.
 */
final class AboutYou {

	/** An answer that declares nothing: counted with the not recorded. */
	static final String PREFER_NOT_TO_SAY = "PREFER_NOT_TO_SAY";

	private AboutYou() {
	}

	/** The characteristic a question asks about, when it is an "about you" question. */
	static Optional<Characteristic> characteristic(Questionnaire.Question question) {
		if (question.type() != QuestionType.CHOICE) {
			return Optional.empty();
		}
		for (Characteristic c : Characteristic.values()) {
			if (c.name().equals(question.code())) {
				return Optional.of(c);
			}
		}
		return Optional.empty();
	}

	static boolean asks(Questionnaire.Question question) {
		return characteristic(question).isPresent();
	}

	/**
	 * The group an answer declares: one of the characteristic's recorded groups, else
	 * (prefer not to say, blank, not asked) not recorded.
	 */
	static String group(Characteristic characteristic, String answer) {
		if (answer == null || Characteristic.NOT_RECORDED.equals(answer) || !characteristic.groups().contains(answer)) {
			return Characteristic.NOT_RECORDED;
		}
		return answer;
	}

}
