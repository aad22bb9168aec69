package org.probity.audits;

import java.time.LocalDate;
import java.util.List;

import org.probity.shared.UnitCode;

/**
 * Which cases a sample is drawn from (case-audit.md, "Sampling"). Every filter is
 * optional. The date window keeps events that were open at any time in it (allocated on
 * or before its end, not terminated before its start).
 *
 * @param unitCode a unit and every unit below it
 * @param eventTypes COMMUNITY_ORDER, LICENCE, ...; empty for all
 * @param staffCode the responsible officer
 * @param failedMeasure a measure code: only cases that failed it in
 * {@code failedMeasurePeriod} (a month, quarter or year such as 2024-Q1)
 */
public record PopulationFilter(String unitCode, List<String> eventTypes, LocalDate dateFrom, LocalDate dateTo,
		String staffCode, String failedMeasure, String failedMeasurePeriod) {

	public static final List<String> EVENT_TYPES = List.of("COMMUNITY_ORDER", "SUSPENDED_SENTENCE_ORDER", "LICENCE",
			"POST_SENTENCE_SUPERVISION", "CUSTODY");

	public PopulationFilter {
		unitCode = blankToNull(unitCode);
		staffCode = blankToNull(staffCode);
		failedMeasure = blankToNull(failedMeasure);
		failedMeasurePeriod = blankToNull(failedMeasurePeriod);
		eventTypes = (eventTypes != null) ? eventTypes.stream().filter((t) -> t != null && !t.isBlank()).toList()
				: List.of();
	}

	public static PopulationFilter everything() {
		return new PopulationFilter(null, List.of(), null, null, null, null, null);
	}

	/**
	 * The events of these types (all types when empty) in a unit and the units below it.
	 */
	public static PopulationFilter within(UnitCode unit, List<String> eventTypes) {
		return new PopulationFilter(unit.value(), eventTypes, null, null, null, null, null);
	}

	/**
	 * @throws IllegalArgumentException with a message fit to show the user
	 */
	public void validate() {
		for (String type : this.eventTypes) {
			if (!EVENT_TYPES.contains(type)) {
				throw new IllegalArgumentException("Unknown event type '" + type + "'");
			}
		}
		if (this.dateFrom != null && this.dateTo != null && this.dateTo.isBefore(this.dateFrom)) {
			throw new IllegalArgumentException("The end of the date window must not be before its start");
		}
		if ((this.failedMeasure == null) != (this.failedMeasurePeriod == null)) {
			throw new IllegalArgumentException("Give both the measure and the period in which cases failed it");
		}
		if (this.failedMeasurePeriod != null) {
			org.probity.shared.Period.parse(this.failedMeasurePeriod);
		}
	}

	/** The same filter, with its date window defaulting to the given period. */
	public PopulationFilter withDefaultWindow(LocalDate from, LocalDate to) {
		if (this.dateFrom != null || this.dateTo != null) {
			return this;
		}
		return new PopulationFilter(this.unitCode, this.eventTypes, from, to, this.staffCode, this.failedMeasure,
				this.failedMeasurePeriod);
	}

	PopulationFilter withEventTypes(List<String> types) {
		return new PopulationFilter(this.unitCode, types, this.dateFrom, this.dateTo, this.staffCode,
				this.failedMeasure, this.failedMeasurePeriod);
	}

	public PopulationFilter forPractitioner(String staff) {
		return new PopulationFilter(this.unitCode, this.eventTypes, this.dateFrom, this.dateTo, staff,
				this.failedMeasure, this.failedMeasurePeriod);
	}

	/** COMMUNITY_ORDER as "Community order". */
	public static String eventTypeName(String type) {
		return (type != null) ? (type.charAt(0) + type.substring(1).toLowerCase().replace('_', ' ')) : "";
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.trim();
	}

}
