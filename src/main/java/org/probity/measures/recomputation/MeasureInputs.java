package org.probity.measures.recomputation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.probity.shared.SqlFiles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tables the measures read besides the case data, kept in step with it: the events as
 * counted ({@code measure_event}), each event's first contacts
 * ({@code measure_contact_first}) and its contacts summed by month
 * ({@code measure_contact_month}).
 */
@Component
class MeasureInputs {

	/** Events (alias e) in the scope table of an incremental recomputation. */
	static final String SCOPED_EVENTS = "e.event_id in (select event_id from measure_scope)";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final DatabaseTuning tuning;

	MeasureInputs(JdbcClient jdbc, Clock clock, DatabaseTuning tuning) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tuning = tuning;
	}

	/**
	 * The last month for which events still active are counted in monthly contact: the
	 * current month, or a later month the data already reaches.
	 */
	LocalDate horizon() {
		LocalDate latest = this.jdbc.sql("""
				select greatest(max(allocation_date), max(release_date), max(sentence_date)) from case_event
				""").query(LocalDate.class).optional().orElse(null);
		YearMonth month = YearMonth.now(this.clock);
		if (latest != null && YearMonth.from(latest).isAfter(month)) {
			month = YearMonth.from(latest);
		}
		return month.atDay(1);
	}

	/** Adds the events (alias e) that meet {@code events} to measure_event. */
	void refreshEvents(String events) {
		this.jdbc.sql("""
				insert into measure_event (event_id, crn, event_type, allocation_date, release_date, termination_date,
				                           team_code, staff_code, monthly_contact_first, monthly_contact_last)
				select e.event_id, e.crn, e.event_type, e.allocation_date, e.release_date, e.termination_date,
				       e.team_code, e.staff_code,
				       measure_monthly_contact_first(e.event_type, e.allocation_date, e.release_date),
				       measure_monthly_contact_last(e.termination_date, (select horizon from measure_state))
				from case_event e where
				""" + events).update();
	}

	/** Adds the first contacts of the events (alias e) that meet {@code events}. */
	void refreshFirstContacts(String events) {
		this.jdbc
			.sql("insert into measure_contact_first (event_id, first_after_allocation, first_after_release, "
					+ "first_attended) " + SqlFiles.load("measures/contact_first.sql").replace("{{events}}", events))
			.update();
	}

	/**
	 * Reads the contacts of the months {@code from} to {@code to} again: of the events in
	 * scope, or of every event when {@code everyEvent} (cheaper when the scope is a large
	 * share of the events, since the months' contacts are then found by date).
	 */
	void replaceContactMonths(LocalDate from, LocalDate to, boolean everyEvent) {
		String scoped = everyEvent ? "" : "c.event_id in (select event_id from measure_scope) and ";
		// By event, or by month through the block range index, which finds a new
		// month's summaries absent at once: the planner, seeing months scattered through
		// the table, would read all of it.
		this.tuning.set("enable_seqscan", false);
		this.jdbc.sql("delete from measure_contact_month c where " + scoped + "c.month between :from and :to")
			.param("from", from)
			.param("to", to)
			.update();
		this.tuning.set("enable_seqscan", true);
		// Summed by hashing, in parallel (a table created by the statement), then
		// inserted in key order: the planner, misjudging how many contacts the dates
		// give, would sort them one by one, and inserting in hash order walks the key
		// at random. Not a temporary table: parallel workers read it when the month's
		// cells are summed (0.68 s to 0.45 s for a month of every event). Dropped at the
		// end of the transaction, and never seen by another (the recomputation lock).
		this.jdbc.sql("drop table if exists measure_contact_month_read").update();
		this.tuning.set("enable_sort", false);
		this.jdbc
			.sql("create unlogged table measure_contact_month_read as " + SqlFiles.load("measures/contact_month.sql")
				.replace("{{contacts}}",
						scoped + "date_trunc('month', c.contact_at)::date between :from and :to"
								+ " and c.contact_at >= :from and c.contact_at < :until")
				// a statement that creates a table takes no parameters
				.replace(":from", "date '" + from + "'")
				.replace(":to", "date '" + to + "'")
				.replace(":until", "date '" + to + "' + interval '1 month'"))
			.update();
		this.tuning.set("enable_sort", true);
		this.jdbc.sql("insert into measure_contact_month select * from measure_contact_month_read order by 1, 2")
			.update();
		this.jdbc.sql("analyze measure_contact_month_read").update();
	}

}
