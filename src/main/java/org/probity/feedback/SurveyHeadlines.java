package org.probity.feedback;

import java.math.BigDecimal;
import java.util.List;

import org.probity.shared.Period;
import org.probity.shared.UnitCode;

/**
 * A questionnaire's headlines for a unit and period, as a monthly or quarterly report
 * shows them (issue #18 point 7): respondents, the positive share of each agreement and
 * yes/no question (one decimal place; null when no one answered it), and the engagement
 * index of the staff survey. {@code suppressed} (fewer than 10 respondents): no
 * headlines, only the count.
 */
public record SurveyHeadlines(String questionnaireCode, String title, Period period, UnitCode unitCode,
		long respondents, boolean suppressed, List<Headline> headlines, BigDecimal engagementIndex) {

	public record Headline(String questionCode, String text, long responses, BigDecimal positive) {
	}

}
