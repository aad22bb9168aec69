package org.probity.demo;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The change the demo's successful improvement project made: from a month, the first
 * weaker team books the sentence plan meeting at the first appointment, so that its
 * sentence plans (SL003R) are late at a fifth of the provider's base rate, whoever holds
 * the case. Plans falling due from the first day of that month on are written that way;
 * nothing else about the cases changes, and the generator draws the same random numbers,
 * so every other figure stays as it was.
 *
 * @param teamCode the team that made the change
 * @param month the month the change starts: nine months before the as-of month, so that
 * the chart has twelve baseline months and ten months after the change
 */
record SentencePlanChange(String teamCode, YearMonth month) {

	/** The late rate of the team's sentence plans after the change. */
	static final double LATE_AFTER = CaseHistories.SENTENCE_PLAN_LATE * 0.2;

	static SentencePlanChange of(Estate estate, LocalDate asOf) {
		String team = estate.teams.stream()
			.filter((t) -> t.weak)
			.map((t) -> t.code)
			.findFirst()
			.orElse(estate.teams.get(0).code);
		return new SentencePlanChange(team, YearMonth.from(asOf).minusMonths(9));
	}

	/** Whether a plan of the team falling due on the day was written after the change. */
	boolean covers(String team, LocalDate due) {
		return this.teamCode.equals(team) && !due.isBefore(this.month.atDay(1));
	}

}
