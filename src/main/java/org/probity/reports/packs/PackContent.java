package org.probity.reports.packs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The frozen content of a monthly pack to the Authority (issue #15, point 1), as stored
 * in the archive's JSON (snake_case names). Case rows (alert cases, red actions from
 * audits) carry {@code crn}, {@code team_code} and {@code staff_code}: the reports pages
 * redact them for each reader by the visibility rule before rendering, so a restricted
 * case reads "Restricted case".
 */
public record PackContent(String month, String monthLabel, String providerCode, String providerName,
		Integer baselineYear, String baselineMonthLabel, String dueOn, String generatedAt, String generatedBy,
		List<MeasureSection> measures, List<FlagLine> flags, long practitionerFlags, AuditActivity audits,
		List<AlertCase> alertCases, List<RedAction> redActions, List<EqualityLine> equality,
		Map<String, Commentary> commentary) {

	public PackContent {
		commentary = (commentary == null) ? new LinkedHashMap<>() : new LinkedHashMap<>(commentary);
	}

	/** The same content with one measure's commentary written. */
	PackContent withCommentary(String measureCode, Commentary written) {
		Map<String, Commentary> all = new LinkedHashMap<>(this.commentary);
		all.put(measureCode, written);
		return new PackContent(this.month, this.monthLabel, this.providerCode, this.providerName, this.baselineYear,
				this.baselineMonthLabel, this.dueOn, this.generatedAt, this.generatedBy, this.measures, this.flags,
				this.practitionerFlags, this.audits, this.alertCases, this.redActions, this.equality, all);
	}

	/** Regenerated figures keep the commentary written so far. */
	PackContent withCommentaryOf(PackContent earlier) {
		return new PackContent(this.month, this.monthLabel, this.providerCode, this.providerName, this.baselineYear,
				this.baselineMonthLabel, this.dueOn, this.generatedAt, this.generatedBy, this.measures, this.flags,
				this.practitionerFlags, this.audits, this.alertCases, this.redActions, this.equality,
				earlier.commentary());
	}

	/** The measures whose provider figure is below target: each needs a commentary. */
	public List<MeasureSection> failing() {
		return this.measures.stream().filter((m) -> m.provider().belowTarget()).toList();
	}

	/**
	 * A measure: the provider's figure, each LDU's, a 12-month trend and open actions on
	 * it.
	 */
	public record MeasureSection(String code, String title, Double target, Double trigger, Figure provider,
			List<Figure> ldus, List<TrendPoint> trend, List<ActionLink> actions) {
	}

	/**
	 * One unit's figure for the month with the change from last month and from the same
	 * month of the baseline year, in percentage points (null when either has no cases).
	 */
	public record Figure(String unitCode, String unitName, long numerator, long denominator, Double performance,
			String rag, String ragWord, String rating, String ratingWord, boolean belowTarget, Double lastMonth,
			Double changeFromLastMonth, Double baseline, Double changeFromBaseline) {
	}

	public record TrendPoint(String month, String monthLabel, long numerator, long denominator, Double performance,
			String ragWord) {
	}

	public record ActionLink(long actionId, String description, String owner, String targetDate, String rag,
			String path) {
	}

	public record FlagLine(String kind, String kindWords, String measureCode, String measureTitle, String unitCode,
			String unitName, double performance) {
	}

	public record AuditActivity(String framework, long completed, long planned, long done, long late, long missed,
			List<TeamAudits> teams, List<StandardLine> standards) {
	}

	public record TeamAudits(String teamCode, String teamName, long planned, long done, long late, long missed) {
	}

	public record StandardLine(String templateCode, String code, String title, String rating) {
	}

	public record AlertCase(String crn, String teamCode, String staffCode, String teamName, String practitioner,
			String reason, String raisedOn, String respondBy, String outcome, Boolean restricted) {
	}

	public record RedAction(long actionId, String planTitle, String description, String owner, String targetDate,
			String path, String crn, String teamCode, String staffCode, Boolean restricted) {
	}

	public record EqualityLine(String measureCode, String measureTitle, String characteristic, String group,
			long numerator, long denominator, Double performance, Double restPerformance, Double difference,
			String direction) {
	}

	/**
	 * Why a failing measure failed and what is being done, linking to its action (null
	 * when none is chosen).
	 */
	public record Commentary(String why, String whatIsBeingDone, Long actionId, String actionPath, String writtenBy,
			String writtenAt) {
	}

}
