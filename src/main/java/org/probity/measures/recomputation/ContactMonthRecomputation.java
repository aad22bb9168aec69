package org.probity.measures.recomputation;

import java.time.LocalDate;
import java.util.List;

import org.probity.measures.catalogue.Catalogue;
import org.probity.shared.SqlFiles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The incremental recomputation of a contacts import dated within a few months (a monthly
 * or daily import): only those months are read again, and only the measures their
 * contacts can change are recomputed.
 */
@Component
class ContactMonthRecomputation {

	private final JdbcClient jdbc;

	private final MeasureInputs inputs;

	private final RowDifferences differences;

	ContactMonthRecomputation(JdbcClient jdbc, MeasureInputs inputs, RowDifferences differences) {
		this.jdbc = jdbc;
		this.inputs = inputs;
		this.differences = differences;
	}

	/**
	 * Contacts of the events in scope dated in the months {@code from} to {@code to}
	 * changed: their monthly contacts are read again for those months only; first
	 * contacts only of the events that had none before those months, and the
	 * first-contact measures only where those changed; monthly contact and attendance
	 * change by the difference the events in scope make to those months or, when every
	 * event's months were read again, are summed again for them. Returns the months to
	 * judge for flags.
	 */
	LocalDate[] apply(LocalDate from, LocalDate to, boolean everyEvent, Steps steps) {
		steps.run("contacts", () -> {
			if (!everyEvent) {
				this.differences.derivedDifference(from, to, -1);
			}
			this.inputs.replaceContactMonths(from, to, everyEvent);
		});
		steps.run("first contacts", () -> replaceFirstContacts(from));
		steps.run("first-contact measures", () -> {
			this.differences.replaceStored(Catalogue.firstContactReaders(), "measure_first_changed");
			scopeUnpaidWork(from);
			this.differences.replaceStored(List.of("SL006R"), "measure_unpaid_work_scope");
		});
		steps.run("monthly contact and attendance", () -> {
			if (!everyEvent) {
				this.differences.derivedDifference(from, to, 1);
				return;
			}
			sumDerivedAgain(from, to);
		});
		steps.run("totals", this.differences::applyToTotals);
		return new LocalDate[] { from, to };
	}

	/**
	 * First contacts of the events in scope that had none before the months, into
	 * measure_first_changed where they changed. A first contact dated before these months
	 * stays the first.
	 */
	private void replaceFirstContacts(LocalDate from) {
		this.jdbc
			.sql("""
					create temporary table measure_first_scope on commit drop as
					select s.event_id from measure_scope s
					join measure_event e on e.event_id = s.event_id
					left join measure_contact_first f on f.event_id = s.event_id
					where not (coalesce(f.first_after_allocation < :from, false) and coalesce(f.first_attended < :from, false)
					           and (e.release_date is null or coalesce(f.first_after_release < :from, false)))
					""")
			.param("from", from)
			.update();
		// (a table created by a statement has no statistics until analysed: the planner
		// would guess its size)
		this.jdbc.sql("analyze measure_first_scope").update();
		this.jdbc.sql("""
				create temporary table measure_first_before on commit drop as
				select * from measure_contact_first where event_id in (select event_id from measure_first_scope)
				""").update();
		this.jdbc.sql("delete from measure_contact_first where event_id in (select event_id from measure_first_scope)")
			.update();
		this.inputs.refreshFirstContacts("e.event_id in (select event_id from measure_first_scope)");
		this.jdbc.sql("""
				create temporary table measure_first_changed on commit drop as
				with after as (
				    select * from measure_contact_first where event_id in (select event_id from measure_first_scope)
				)
				select distinct event_id from (
				    (select * from measure_first_before except select * from after)
				    union all
				    (select * from after except select * from measure_first_before)
				) d
				""").update();
		this.jdbc.sql("analyze measure_first_changed").update();
	}

	/**
	 * The unpaid work requirements whose first session can have changed, into
	 * measure_unpaid_work_scope. Unpaid work sessions dated before these months stay the
	 * first: looked up for each requirement, but for those met (a session by the seventh
	 * business day) and allocated before last month, which have one.
	 */
	private void scopeUnpaidWork(LocalDate from) {
		this.jdbc.sql("""
				create temporary table measure_unpaid_work_scope on commit drop as
				select distinct r.event_id from measure_scope s
				join case_requirement r on r.event_id = s.event_id and r.requirement_type = 'UNPAID_WORK'
				join case_event e on e.event_id = r.event_id
				left join measure_case mc
				     on mc.measure_code = 'SL006R' and mc.event_id = r.event_id and mc.subject_id = r.requirement_id
				left join lateral (
				    select true as found from case_contact c
				    where c.requirement_id = r.requirement_id and c.contact_type = 'UNPAID_WORK_SESSION'
				      and c.outcome <> 'RESCHEDULED' and c.contact_at >= e.allocation_date and c.contact_at < :from
				    limit 1
				) f on true
				where not coalesce(mc.numerator = 1 and mc.month < cast(:from as date) - interval '1 month', false)
				  and f.found is null
				""").param("from", from).update();
		this.jdbc.sql("analyze measure_unpaid_work_scope").update();
	}

	/**
	 * Monthly contact and attendance summed again for the months, from the summaries just
	 * read: all of them, in a small table whose statistics know them.
	 */
	private void sumDerivedAgain(LocalDate from, LocalDate to) {
		String touched = "c.measure_code in ('" + String.join("', '", Catalogue.derived())
				+ "') and c.month between :from and :to";
		for (String table : List.of("measure_cell", "measure_unit_result")) {
			this.jdbc.sql("delete from " + table + " c where " + touched).param("from", from).param("to", to).update();
		}
		this.jdbc
			.sql("insert into measure_cell " + RowDifferences.monthlyCells("true", 1)
				.replace("measure_contact_month", "measure_contact_month_read"))
			.param("from", from)
			.param("to", to)
			.update();
		this.jdbc.sql(SqlFiles.load("measures/aggregate.sql").replace("{{touched}}", touched))
			.param("from", from)
			.param("to", to)
			.update();
	}

}
