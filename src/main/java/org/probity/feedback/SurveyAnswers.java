package org.probity.feedback;

import java.time.LocalDate;
import java.util.Map;

/**
 * One respondent's answers to one version of a questionnaire: question code to answer
 * code or text. Anonymous: the unit it is about, the day and the channel, nothing more.
 */
public record SurveyAnswers(String questionnaireCode, int version, String unitCode, LocalDate answeredOn,
		String channel, Map<String, String> answers) {
}
