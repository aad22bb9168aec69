package org.probity.measures;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import org.probity.imports.CaseDataImported;
import org.probity.imports.Dataset;
import org.probity.shared.SqlFiles;
import org.probity.shared.BulkWrites;
import org.probity.shared.EventId;

/**
 * Keeps the per-case rows and monthly totals of every measure in step with the case data:
 * a full recomputation (one set-based statement per measure), or an incremental one for
 * the events an import changed. Runs in the caller's transaction, so that the figures
 * change with the data they come from.
 */
@Service
public class MeasureRecomputation {

	/** The measures in the order they are computed; each has its SQL in sql/measures. */
	static final List<String> MEASURES = List.of("SL001R", "SL002R", "SL003R", "SL004R", "SL006R", "SL008", "SL010",
			"SL011R", "SL013", "SL016", "SL018", "AM_C", "AM_E", "AM_J", "AM_K", "ATTENDANCE");

	private static final Logger log = LoggerFactory.getLogger(MeasureRecomputation.class);

	private static final String SCOPED_EVENTS = "e.event_id in (select event_id from measure_scope)";

	/** The measures whose SQL reads each dataset (every measure reads events). */
	private static final Map<Dataset, List<String>> READERS = Map.of(Dataset.REQUIREMENTS,
			List.of("SL006R", "SL010", "SL011R"), Dataset.CONTACTS,
			List.of("SL001R", "SL002R", "SL003R", "SL004R", "SL006R", "AM_K", "ATTENDANCE"), Dataset.PLANS,
			List.of("SL003R", "SL004R", "SL013"), Dataset.REFERRALS, List.of("SL016", "SL018", "AM_E"),
			Dataset.ACCOMMODATION, List.of("AM_C"));

	/** The measures that read an event's first contacts (measure_contact_first). */
	private static final List<String> FIRST_CONTACT_READERS = List.of("SL001R", "SL002R", "SL003R", "SL004R");

	/**
	 * Above this share of all events an incremental recomputation costs more than a full
	 * one (deleting and re-inserting most rows), so the full one runs instead. An import
	 * of contacts dated within a few months is applied month by month whatever its size.
	 */
	static final double FULL_RECOMPUTE_SHARE = 0.25;

	/**
	 * Above this share of all events, a contacts import re-reads its months for every
	 * event, finding the contacts by date rather than event by event.
	 */
	static final double EVERY_EVENT_SHARE = 0.1;

	/** Contacts dated within this many months are applied month by month. */
	static final int MONTHS_APPLIED_INCREMENTALLY = 3;

	/**
	 * One recomputation at a time, on every node: they rewrite the same rows, and share
	 * work tables that parallel workers can read (which temporary tables are not).
	 */
	private static final long RECOMPUTATION_LOCK = 0x50524f424954594dL;

	private static final LocalDate EVER_FROM = LocalDate.of(1900, 1, 1);

	private static final LocalDate EVER_TO = LocalDate.of(9999, 12, 1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MeasureFlags flags;

	private final TransactionTemplate transactions;

	private final MeterRegistry meters;

	MeasureRecomputation(JdbcClient jdbc, Clock clock, MeasureFlags flags, TransactionTemplate transactions,
			MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.flags = flags;
		this.transactions = transactions;
		this.meters = meters;
	}

	/**
	 * An import changed case data: synchronously, in the import's transaction, so that a
	 * query made after the import's response sees the new figures.
	 */
	@EventListener
	void on(CaseDataImported imported) {
		// Every measure counts events, attributed by the event's own team and staff
		// codes: people and staff rows change no result.
		if (imported.dataset() == Dataset.PEOPLE || imported.dataset() == Dataset.STAFF) {
			return;
		}
		// joins the import's transaction (a new one only if published outside any)
		this.transactions.executeWithoutResult((tx) -> {
			if (imported.changedEverything()) {
				recompute(imported.dataset() == Dataset.CONTACTS);
			}
			else if (!imported.changedEventIds().isEmpty()) {
				recomputeEvents(imported.changedEventIds().stream().map(EventId::value).toList(), imported.dataset(),
						imported.changedFrom(), imported.changedTo());
			}
		});
	}

	/**
	 * Probity recomputes at start-up when it has case data but no results (after a crash,
	 * say), and when a new month has begun since monthly contact was last counted.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		boolean data = this.jdbc.sql("select exists (select 1 from case_event)").query(Boolean.class).single();
		if (!data) {
			return;
		}
		boolean computed = this.jdbc.sql("""
				select computed_at is not null and exists (select 1 from measure_event) from measure_state
				""").query(Boolean.class).single();
		if (!computed) {
			log.info("Computing service-level measures from the stored case data");
			this.transactions.executeWithoutResult((tx) -> recomputeAll());
			return;
		}
		LocalDate counted = this.jdbc.sql("select horizon from measure_state").query(LocalDate.class).single();
		if (counted.isBefore(horizon())) {
			log.info("Computing service-level measures up to the current month");
			this.transactions.executeWithoutResult((tx) -> recomputeFromContactSummaries());
		}
	}

	/**
	 * Recomputes every measure for every unit, practitioner and month, reading every
	 * contact again.
	 */
	@Transactional
	public void recomputeAll() {
		recompute(true);
	}

	/**
	 * Recomputes every measure for every unit, practitioner and month from the monthly
	 * contact summaries, which every contacts import keeps in step: what a change to
	 * events, units or any other dataset needs.
	 */
	@Transactional
	public void recomputeFromContactSummaries() {
		recompute(false);
	}

	private void recompute(boolean contacts) {
		long started = System.nanoTime();
		lock();
		tune();
		StringBuilder steps = new StringBuilder();
		step(steps, "truncate", () -> {
			this.jdbc.sql("""
					truncate measure_case, measure_cell, measure_unit_result, measure_event, measure_contact_first
					""").update();
			this.jdbc.sql("update measure_state set horizon = :horizon, computed_at = now(), version = version + 1")
				.param("horizon", horizon())
				.update();
		});
		// Building the indexes once after the inserts is faster than maintaining them.
		List<String> indexes = BulkWrites.dropIndexes(this.jdbc, List.of("measure_case", "measure_cell",
				"measure_unit_result", "measure_event", "measure_contact_first"), false);
		step(steps, "events", () -> {
			refreshEvents("true");
			// what the planner needs to sum cells in parallel (V1_5_4)
			this.jdbc.sql("analyze measure_event").update();
		});
		step(steps, "contacts", () -> {
			if (!contacts) {
				return;
			}
			// A new table filled by one statement, so that PostgreSQL reads the contacts
			// with parallel workers (it does not for an insert into an existing table),
			// from the contact_event index in its order rather than hashing every row.
			this.jdbc.sql("drop table if exists measure_contact_month_next").update();
			this.jdbc.sql("set local enable_hashagg = off").update();
			this.jdbc.sql("set local enable_seqscan = off").update();
			this.jdbc
				.sql("create unlogged table measure_contact_month_next as "
						+ SqlFiles.load("measures/contact_month.sql").replace("{{contacts}}", "true"))
				.update();
			this.jdbc.sql("set local enable_hashagg = on").update();
			this.jdbc.sql("set local enable_seqscan = on").update();
			this.jdbc.sql("drop table measure_contact_month").update();
			this.jdbc.sql("alter table measure_contact_month_next rename to measure_contact_month").update();
			this.jdbc.sql("alter table measure_contact_month add primary key (event_id, month)").update();
			// the table is new: its description in the data dictionary becomes its
			// comment again
			this.jdbc.sql("select data_dictionary_comment(null, 'measure_contact_month')").query().listOfRows();
			this.jdbc
				.sql("create index measure_contact_month_month on measure_contact_month using brin (month) "
						+ "with (pages_per_range = 4)")
				.update();
			this.jdbc.sql("analyze measure_contact_month").update();
		});
		step(steps, "first contacts",
				() -> insertInParallel("measure_contact_first",
						"event_id, first_after_allocation, first_after_release, first_attended",
						SqlFiles.load("measures/contact_first.sql").replace("{{events}}", "true")));
		step(steps, "stored measures",
				() -> insertInParallel("measure_case", CaseRows.COLUMNS,
						MEASURES.stream()
							.filter(CaseRows::stored)
							.map((m) -> CaseRows.computed(m, "true"))
							.collect(Collectors.joining("\nunion all\n"))));
		step(steps, "totals", () -> {
			insertInParallel("measure_cell", "measure_code, month, team_code, staff_code, numerator, denominator",
					(monthlyCells("true", 1) + "\nunion all\n" + cells("select * from measure_case", 1))
						// a statement that creates a table takes no parameters
						.replace(":from", "date '" + EVER_FROM + "'")
						.replace(":to", "date '" + EVER_TO + "'"));
			this.jdbc.sql(SqlFiles.load("measures/aggregate.sql").replace("{{touched}}", "true")).update();
		});
		step(steps, "indexes", () -> {
			indexes.forEach((ddl) -> this.jdbc.sql(ddl).update());
			this.jdbc
				// (measure_event was analysed once filled)
				.sql("analyze measure_case, measure_cell, measure_unit_result, measure_contact_first")
				.update();
		});
		step(steps, "flags", this::raiseFlagsForStoredMonths);
		log.info("Recomputed every measure{} in {} ms ({})", contacts ? "" : " from the contact summaries",
				(System.nanoTime() - started) / 1_000_000, steps);
		timed(contacts ? "full" : "summaries", started);
	}

	/**
	 * Times a recomputation ({@code probity.measures.recomputation}): {@code full} reads
	 * every contact, {@code summaries} the monthly contact summaries, {@code events} only
	 * the events an import changed.
	 */
	private void timed(String kind, long started) {
		Timer.builder("probity.measures.recomputation")
			.description("Recomputations of the measures, by kind (full, summaries, events)")
			.tag("kind", kind)
			.register(this.meters)
			.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
	}

	/**
	 * Inserts what the select gives into the table, through a temporary table created by
	 * the select: PostgreSQL reads with parallel workers for a table it creates, not for
	 * an insert into an existing one.
	 */
	private void insertInParallel(String table, String columns, String select) {
		this.jdbc.sql("drop table if exists measure_parallel").update();
		this.jdbc.sql("create temporary table measure_parallel on commit drop as " + select).update();
		this.jdbc.sql("insert into " + table + " (" + columns + ") select * from measure_parallel").update();
		this.jdbc.sql("drop table measure_parallel").update();
	}

	/**
	 * Monthly contact and attendance per measure, month, team and practitioner
	 * (monthly_cells.sql: what their rows add up to), for the events that meet
	 * {@code events} in the months {@code :from} to {@code :to}, times a sign.
	 */
	private static String monthlyCells(String events, int sign) {
		return "select measure_code, month, team_code, staff_code, " + sign + " * numerator as numerator, " + sign
				+ " * denominator as denominator from ("
				+ SqlFiles.load("measures/monthly_cells.sql").replace("{{events}}", events) + ") c";
	}

	/** Per measure, month, team and practitioner, the sums of the rows, times a sign. */
	private static String cells(String rows, int sign) {
		return "select r.measure_code, r.month, r.team_code, r.staff_code, " + sign
				+ " * sum(r.numerator) as numerator, " + sign + " * sum(r.denominator) as denominator from (" + rows
				+ ") r group by 1, 2, 3, 4";
	}

	private void refreshEvents(String events) {
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

	private void refreshFirstContacts(String events) {
		this.jdbc
			.sql("insert into measure_contact_first (event_id, first_after_allocation, first_after_release, "
					+ "first_attended) " + SqlFiles.load("measures/contact_first.sql").replace("{{events}}", events))
			.update();
	}

	private static void step(StringBuilder steps, String name, Runnable work) {
		long started = System.nanoTime();
		work.run();
		steps.append((steps.length() > 0) ? ", " : "")
			.append(name)
			.append(' ')
			.append((System.nanoTime() - started) / 1_000_000)
			.append(" ms");
	}

	/**
	 * Recomputes the rows of the given events, then the totals of every (measure, month)
	 * whose rows changed, and the flags those months can raise.
	 */
	@Transactional
	public void recomputeEvents(Collection<String> eventIds) {
		recomputeEvents(eventIds, Dataset.EVENTS, null, null);
	}

	/**
	 * As {@link #recomputeEvents(Collection)}, for a dataset whose rows carry no date.
	 */
	@Transactional
	public void recomputeEvents(Collection<String> eventIds, Dataset dataset) {
		recomputeEvents(eventIds, dataset, null, null);
	}

	/**
	 * As {@link #recomputeEvents(Collection)}, only for the measures that read the
	 * dataset that changed; for contacts dated from {@code changedFrom} to
	 * {@code changedTo} (when known) only in those months; in full when the events are a
	 * large share of all events.
	 */
	@Transactional
	public void recomputeEvents(Collection<String> eventIds, Dataset dataset, LocalDate changedFrom,
			LocalDate changedTo) {
		if (eventIds.isEmpty()) {
			return;
		}
		boolean dated = dataset == Dataset.CONTACTS && changedFrom != null && changedTo != null;
		boolean fewMonths = dated && YearMonth.from(changedFrom)
			.plusMonths(MONTHS_APPLIED_INCREMENTALLY)
			.isAfter(YearMonth.from(changedTo));
		long events = this.jdbc.sql("select count(*) from case_event").query(Long.class).single();
		if (!fewMonths && eventIds.size() > FULL_RECOMPUTE_SHARE * events) {
			recompute(dataset == Dataset.CONTACTS || dataset == Dataset.EVENTS);
			return;
		}
		lock();
		tune();
		this.jdbc.sql("update measure_state set version = version + 1").update();
		this.jdbc.sql("drop table if exists measure_scope, measure_delta").update();
		// Without a key: joined by hashing when large, and filled three times faster.
		this.jdbc.sql("create temporary table measure_scope (event_id text not null) on commit drop").update();
		this.jdbc.sql("insert into measure_scope select unnest(cast(:ids as text[]))")
			.param("ids", new HashSet<>(eventIds).toArray(String[]::new))
			.update();
		this.jdbc.sql("analyze measure_scope").update();
		this.jdbc.sql("""
				create temporary table measure_delta (measure_code text, month date, team_code text, staff_code text,
				    numerator bigint, denominator bigint) on commit drop
				""").update();
		long started = System.nanoTime();
		StringBuilder steps = new StringBuilder();
		LocalDate[] judged;
		boolean everyEvent = fewMonths && eventIds.size() > EVERY_EVENT_SHARE * events;
		if (fewMonths) {
			judged = applyContactMonths(YearMonth.from(changedFrom).atDay(1), YearMonth.from(changedTo).atDay(1),
					everyEvent, steps);
		}
		else {
			applyEvents(READERS.getOrDefault(dataset, MEASURES), dataset, steps);
			judged = new LocalDate[2];
		}
		var range = this.jdbc
			.sql("""
					select least(min(month), cast(:first as date)) as first, greatest(max(month), cast(:last as date)) as last
					from measure_delta where numerator <> 0 or denominator <> 0
					""")
			.param("first", judged[0])
			.param("last", judged[1])
			.query((rs,
					i) -> new LocalDate[] { rs.getObject("first", LocalDate.class),
							rs.getObject("last", LocalDate.class) })
			.single();
		if (range[0] != null) {
			// Flags are for acting on now: an import judges again the months it changed
			// from three months ago on (a full recomputation judges every month).
			YearMonth recent = YearMonth.now(this.clock).minusMonths(3);
			YearMonth first = YearMonth.from(range[0]).isBefore(recent) ? recent : YearMonth.from(range[0]);
			YearMonth last = YearMonth.from(range[1]).plusMonths(2);
			if (!last.isBefore(first)) {
				// only the measures whose totals changed can raise new flags
				Set<String> changed = new HashSet<>(this.jdbc
					.sql("select distinct measure_code from measure_delta where numerator <> 0 or denominator <> 0")
					.query(String.class)
					.list());
				if (everyEvent) {
					// summed again in place, not by difference
					changed.addAll(CaseRows.DERIVED);
				}
				step(steps, "flags", () -> this.flags.raise(first, last, changed));
			}
		}
		log.info("Recomputed the measures of {} events in {} ms ({})", eventIds.size(),
				(System.nanoTime() - started) / 1_000_000, steps);
		timed("events", started);
		this.jdbc
			.sql("drop table if exists measure_scope, measure_delta, measure_first_scope, measure_first_before, "
					+ "measure_first_changed, measure_unpaid_work_scope, measure_contact_month_read")
			.update();
	}

	/**
	 * Any change to the events in scope, or to their requirements, plans, referrals or
	 * accommodation: every row of the measures that read the dataset is recomputed, and
	 * the totals change by the new rows minus the old.
	 */
	private void applyEvents(List<String> measures, Dataset dataset, StringBuilder steps) {
		List<String> stored = measures.stream().filter(CaseRows::stored).toList();
		// monthly_cells.sql sums both derived measures, which read the same datasets
		boolean derived = measures.stream().anyMatch((m) -> !CaseRows.stored(m));
		step(steps, "old rows", () -> {
			if (derived) {
				derivedDifference(EVER_FROM, EVER_TO, -1);
			}
			storedDifference(stored, "measure_scope", -1);
		});
		step(steps, "inputs", () -> {
			if (dataset == Dataset.EVENTS) {
				this.jdbc.sql("delete from measure_event where event_id in (select event_id from measure_scope)")
					.update();
				refreshEvents(SCOPED_EVENTS);
			}
			// recomputeEvents(ids) stands for any change to the events: their contacts
			// too
			if (dataset == Dataset.CONTACTS || dataset == Dataset.EVENTS) {
				replaceContactMonths(EVER_FROM, EVER_TO, false);
				this.jdbc
					.sql("delete from measure_contact_first where event_id in (select event_id from measure_scope)")
					.update();
				refreshFirstContacts(SCOPED_EVENTS);
			}
			stored.forEach((m) -> insertStored(m, "measure_scope"));
		});
		step(steps, "new rows", () -> {
			if (derived) {
				derivedDifference(EVER_FROM, EVER_TO, 1);
			}
			storedDifference(stored, "measure_scope", 1);
		});
		step(steps, "totals", () -> this.jdbc.sql(SqlFiles.load("measures/apply_delta.sql")).update());
	}

	/**
	 * Contacts of the events in scope dated in the months {@code from} to {@code to}
	 * changed (a monthly or daily contacts import): their monthly contacts are read again
	 * for those months only; first contacts only of the events that had none before those
	 * months, and the first-contact measures only where those changed; monthly contact
	 * and attendance change by the difference the events in scope make to those months
	 * or, when every event's months were read again, are summed again for them. Returns
	 * the months to judge for flags.
	 */
	private LocalDate[] applyContactMonths(LocalDate from, LocalDate to, boolean everyEvent, StringBuilder steps) {
		step(steps, "contacts", () -> {
			if (!everyEvent) {
				derivedDifference(from, to, -1);
			}
			replaceContactMonths(from, to, everyEvent);
		});
		step(steps, "first contacts", () -> {
			// A first contact dated before these months stays the first.
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
			// (a table created by a statement has no statistics until analysed: the
			// planner would guess its size)
			this.jdbc.sql("analyze measure_first_scope").update();
			this.jdbc.sql("""
					create temporary table measure_first_before on commit drop as
					select * from measure_contact_first where event_id in (select event_id from measure_first_scope)
					""").update();
			this.jdbc
				.sql("delete from measure_contact_first where event_id in "
						+ "(select event_id from measure_first_scope)")
				.update();
			refreshFirstContacts("e.event_id in (select event_id from measure_first_scope)");
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
		});
		step(steps, "first-contact measures", () -> {
			replaceStored(FIRST_CONTACT_READERS, "measure_first_changed");
			// Unpaid work sessions dated before these months stay the first: looked up
			// for each requirement, but for those met (a session by the seventh
			// business day) and allocated before last month, which have one.
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
			replaceStored(List.of("SL006R"), "measure_unpaid_work_scope");
		});
		step(steps, "monthly contact and attendance", () -> {
			if (!everyEvent) {
				derivedDifference(from, to, 1);
				return;
			}
			// Summed again for those months, from the summaries just read: all of
			// them, in a small table whose statistics know them.
			String touched = "c.measure_code in ('" + String.join("', '", CaseRows.DERIVED)
					+ "') and c.month between :from and :to";
			for (String table : List.of("measure_cell", "measure_unit_result")) {
				this.jdbc.sql("delete from " + table + " c where " + touched)
					.param("from", from)
					.param("to", to)
					.update();
			}
			this.jdbc
				.sql("insert into measure_cell "
						+ monthlyCells("true", 1).replace("measure_contact_month", "measure_contact_month_read"))
				.param("from", from)
				.param("to", to)
				.update();
			this.jdbc.sql(SqlFiles.load("measures/aggregate.sql").replace("{{touched}}", touched))
				.param("from", from)
				.param("to", to)
				.update();
		});
		step(steps, "totals", () -> this.jdbc.sql(SqlFiles.load("measures/apply_delta.sql")).update());
		return new LocalDate[] { from, to };
	}

	/**
	 * Reads the contacts of the months {@code from} to {@code to} again: of the events in
	 * scope, or of every event when {@code everyEvent} (cheaper when the scope is a large
	 * share of the events, since the months' contacts are then found by date).
	 */
	private void replaceContactMonths(LocalDate from, LocalDate to, boolean everyEvent) {
		String scoped = everyEvent ? "" : "c.event_id in (select event_id from measure_scope) and ";
		// By event, or by month through the block range index, which finds a new
		// month's summaries absent at once: the planner, seeing months scattered through
		// the table, would read all of it.
		this.jdbc.sql("set local enable_seqscan = off").update();
		this.jdbc.sql("delete from measure_contact_month c where " + scoped + "c.month between :from and :to")
			.param("from", from)
			.param("to", to)
			.update();
		this.jdbc.sql("set local enable_seqscan = on").update();
		// Summed by hashing, in parallel (a table created by the statement), then
		// inserted in key order: the planner, misjudging how many contacts the dates
		// give, would sort them one by one, and inserting in hash order walks the key
		// at random. Not a temporary table: parallel workers read it when the month's
		// cells are summed (0.68 s to 0.45 s for a month of every event). Dropped at the
		// end of the transaction, and never seen by another (the recomputation lock).
		this.jdbc.sql("drop table if exists measure_contact_month_read").update();
		this.jdbc.sql("set local enable_sort = off").update();
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
		this.jdbc.sql("set local enable_sort = on").update();
		this.jdbc.sql("insert into measure_contact_month select * from measure_contact_month_read order by 1, 2")
			.update();
		this.jdbc.sql("analyze measure_contact_month_read").update();
	}

	/**
	 * Replaces the stored rows of the measures for the events in the scope table, adding
	 * the difference to measure_delta.
	 */
	private void replaceStored(List<String> measures, String scope) {
		storedDifference(measures, scope, -1);
		measures.forEach((m) -> insertStored(m, scope));
		storedDifference(measures, scope, 1);
	}

	private void insertStored(String measure, String scope) {
		this.jdbc
			.sql("insert into measure_case (" + CaseRows.COLUMNS + ") "
					+ CaseRows.computed(measure, "e.event_id in (select event_id from " + scope + ")"))
			.update();
	}

	/**
	 * Adds monthly contact and attendance of the events in scope in the months
	 * {@code from} to {@code to} to measure_delta, with a sign: -1 for what is counted
	 * now, +1 once recomputed.
	 */
	private void derivedDifference(LocalDate from, LocalDate to, int sign) {
		this.jdbc.sql("insert into measure_delta " + monthlyCells(SCOPED_EVENTS, sign))
			.param("from", from)
			.param("to", to)
			.update();
	}

	/**
	 * Adds the stored rows of the events in the scope table to measure_delta with a sign:
	 * -1 for the rows counted now, which are then deleted, +1 for those recomputed.
	 */
	private void storedDifference(List<String> measures, String scope, int sign) {
		if (measures.isEmpty()) {
			return;
		}
		String scoped = "mc.event_id in (select event_id from " + scope
				+ ") and mc.measure_code = any(cast(:measures as text[]))";
		this.jdbc.sql("insert into measure_delta " + cells("select * from measure_case mc where " + scoped, sign))
			.param("measures", measures.toArray(String[]::new))
			.update();
		if (sign < 0) {
			this.jdbc.sql("delete from measure_case mc where " + scoped)
				.param("measures", measures.toArray(String[]::new))
				.update();
		}
	}

	/**
	 * A target changed from a date: flags of the months from then on are judged again,
	 * and new ones stored and published.
	 */
	@Transactional
	void targetChanged(LocalDate effectiveFrom) {
		LocalDate last = this.jdbc.sql("select max(month) from measure_unit_result")
			.query(LocalDate.class)
			.optional()
			.orElse(null);
		YearMonth from = YearMonth.from(effectiveFrom);
		if (last != null && !YearMonth.from(last).isBefore(from)) {
			this.flags.raise(from, YearMonth.from(last));
		}
	}

	private void lock() {
		this.jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", RECOMPUTATION_LOCK).query().singleRow();
	}

	private void tune() {
		// Hash aggregates over tens of millions of contacts stay in memory.
		this.jdbc.sql("set local work_mem = '512MB'").update();
		this.jdbc.sql("set local maintenance_work_mem = '1GB'").update();
		this.jdbc.sql("set local hash_mem_multiplier = 4").update();
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

	private void raiseFlagsForStoredMonths() {
		var range = this.jdbc.sql("select min(month) as first, max(month) as last from measure_unit_result")
			.query((rs,
					i) -> new LocalDate[] { rs.getObject("first", LocalDate.class),
							rs.getObject("last", LocalDate.class) })
			.single();
		if (range[0] != null) {
			this.flags.raise(YearMonth.from(range[0]), YearMonth.from(range[1]));
		}
	}

}
