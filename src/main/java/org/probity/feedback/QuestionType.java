package org.probity.feedback;

import java.util.List;

/** The kinds of question of feedback.md, with the answers each allows. */
public enum QuestionType {

	AGREEMENT, YES_NO, CHOICE, TEXT;

	public static final String DONT_KNOW = "DONT_KNOW";

	static final List<String> AGREEMENT_SCALE = List.of("STRONGLY_AGREE", "AGREE", "NEITHER", "DISAGREE",
			"STRONGLY_DISAGREE", DONT_KNOW);

	static final List<String> YES_NO_ANSWERS = List.of("YES", "NO", DONT_KNOW);

	/** The answers a question of this type allows; empty for free text. */
	List<String> answers(List<String> choices) {
		return switch (this) {
			case AGREEMENT -> AGREEMENT_SCALE;
			case YES_NO -> YES_NO_ANSWERS;
			case CHOICE -> choices;
			case TEXT -> List.of();
		};
	}

}
