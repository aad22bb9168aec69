package org.probity.measures.catalogue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.probity.shared.SqlFiles;

/**
 * The per-case rows of a measure, as SQL. Every measure's file in
 * {@code sql/measures/<code>.sql} selects its rows from the case data; most are stored in
 * {@code measure_case} by each recomputation. Monthly contact (AM_K) and attendance are
 * one row per event and month, nine in ten of all rows: they are summed straight into
 * {@code measure_cell} and listed from their SQL when a reader asks for them.
 */
public final class CaseRows {

	private static final Pattern EVENTS_OF = Pattern.compile("\\{\\{events_of:(\\w+)}}");

	/** The case events a measure's SQL reads, as its files name them. */
	private static final Pattern CASE_EVENTS = Pattern.compile("\\bcase_event e\\b");

	public static final String COLUMNS = "measure_code, month, event_id, subject_id, crn, team_code, staff_code, numerator, denominator, reason";

	private CaseRows() {
	}

	private static String sqlFile(String measure) {
		return Catalogue.find(measure)
			.map(MeasureDefinition::sqlFile)
			.orElseThrow(() -> new IllegalArgumentException("No measure " + measure));
	}

	/**
	 * The rows the measure's SQL selects for the events that meet {@code events} (a
	 * condition on the event, alias {@code e}, in place of {@code {{events}}}; a subquery
	 * that sums rows of another table narrows them to those events with
	 * {@code {{events_of:alias}}}, which is {@code true} for every event); derived
	 * measures also take the months {@code :from} to {@code :to}.
	 */
	public static String computed(String measure, String events) {
		String sql = SqlFiles.load(sqlFile(measure));
		Matcher narrowed = EVENTS_OF.matcher(sql);
		sql = narrowed.replaceAll((m) -> Matcher.quoteReplacement("true".equals(events) ? "true"
				: m.group(1) + ".event_id in (select e.event_id from case_event e where " + events + ")"));
		return "select " + COLUMNS + " from (" + sql.replace("{{events}}", events) + ") as m(" + COLUMNS + ")";
	}

	/**
	 * As {@link #computed}, with the due date as an eleventh column {@code due_date}: the
	 * very rows the measure counts, so that a deadline listed today is the case the
	 * measure fails once it has passed.
	 */
	public static String withDueDates(String measure, String events) {
		if (!Catalogue.withDueDates().contains(measure)) {
			throw new IllegalArgumentException("No due dates for " + measure);
		}
		// The events are few (a team's open cases): read once, first, and every other
		// table joined to them by event. Left to itself the planner drove some of these
		// from the due dates, reading every first contact and every plan (a line
		// manager's home page: 6 measures, 87 ms on the demo, more nationally).
		String sql = SqlFiles.load(sqlFile(measure)).replace("{{events}}", events);
		sql = EVENTS_OF.matcher(sql)
			.replaceAll(
					(m) -> Matcher.quoteReplacement(m.group(1) + ".event_id in (select e.event_id from due_events e)"));
		sql = CASE_EVENTS.matcher(sql).replaceAll("due_events e");
		return "with due_events as materialized (select * from case_event e where " + events + ") select * from (" + sql
				+ ") as m(" + COLUMNS + ", due_date)";
	}

	/**
	 * The rows the current totals count, from {@code :from} to {@code :to}, of the events
	 * (as last counted, alias {@code e}) that meet {@code events}.
	 */
	public static String counted(String measure, String events) {
		if (!Catalogue.contains(measure)) {
			throw new IllegalArgumentException("No measure " + measure);
		}
		if (Catalogue.stored(measure)) {
			return "select mc.* from measure_case mc join measure_event e on e.event_id = mc.event_id"
					+ " where mc.measure_code = '" + measure + "' and mc.month between :from and :to and " + events;
		}
		return computed(measure, events);
	}

}
