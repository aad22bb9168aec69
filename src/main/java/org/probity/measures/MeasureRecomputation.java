package org.probity.measures;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import org.probity.imports.CaseDataImported;
import org.probity.imports.Dataset;

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

	private static final List<String> CONTACT_READERS = READERS.get(Dataset.CONTACTS);

	/**
	 * Above this share of all events an incremental recomputation costs more than a full
	 * one (deleting and re-inserting most rows), so the full one runs instead.
	 */
	static final double FULL_RECOMPUTE_SHARE = 0.25;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MeasureFlags flags;

	private final TransactionTemplate transactions;

	MeasureRecomputation(JdbcClient jdbc, Clock clock, MeasureFlags flags, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.flags = flags;
		this.transactions = transactions;
	}

	/**
	 * An import changed case data: synchronously, in the import's transaction, so that a
	 * query made after the import's response sees the new figures.
	 */
	@EventListener
	void on(CaseDataImported imported) {
		// Every measure counts events, attributed by the event's own team and staff
		// codes:
		// people and staff rows change no result.
		if (imported.dataset() == Dataset.PEOPLE || imported.dataset() == Dataset.STAFF) {
			return;
		}
		// joins the import's transaction (a new one only if published outside any)
		this.transactions.executeWithoutResult((tx) -> {
			if (imported.changedEverything()) {
				recomputeAll();
			}
			else if (!imported.changedEventIds().isEmpty()) {
				recomputeEvents(imported.changedEventIds(), imported.dataset());
			}
		});
	}

	/**
	 * Probity recomputes at start-up when it has case data but no results (after a crash,
	 * say).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		boolean empty = !this.jdbc.sql("select exists (select 1 from measure_case)").query(Boolean.class).single();
		boolean data = this.jdbc.sql("select exists (select 1 from event)").query(Boolean.class).single();
		if (empty && data) {
			log.info("Computing service-level measures from the stored case data");
			this.transactions.executeWithoutResult((tx) -> recomputeAll());
			return;
		}
		// Monthly contact counts active events up to the current month: a new month needs
		// its rows.
		LocalDate counted = this.jdbc.sql("select max(month) from measure_unit_result where measure_code = 'AM_K'")
			.query(LocalDate.class)
			.optional()
			.orElse(null);
		if (data && counted != null && counted.isBefore(horizon())) {
			log.info("Computing service-level measures up to the current month");
			this.transactions.executeWithoutResult((tx) -> recomputeAll());
		}
	}

	/** Recomputes every measure for every unit, practitioner and month. */
	@Transactional
	public void recomputeAll() {
		long started = System.nanoTime();
		tune();
		StringBuilder steps = new StringBuilder();
		step(steps, "truncate", () -> {
			this.jdbc.sql("truncate measure_case, measure_unit_result, measure_staff_result").update();
			// Building the indexes once after the inserts is faster than maintaining
			// them.
			this.jdbc.sql("drop index if exists measure_case_event, measure_case_team, measure_case_staff").update();
		});
		step(steps, "contacts", () -> contactMonths("true"));
		for (String measure : MEASURES) {
			step(steps, measure, () -> computeMeasure(measure, "true"));
		}
		step(steps, "indexes", () -> {
			this.jdbc.sql("create index measure_case_event on measure_case (event_id)").update();
			this.jdbc.sql("create index measure_case_team on measure_case (measure_code, team_code, month)").update();
			this.jdbc.sql("create index measure_case_staff on measure_case (measure_code, staff_code, month)").update();
		});
		step(steps, "totals", () -> {
			this.jdbc.sql(SqlScripts.load("aggregate").replace("{{touched}}", "true")).update();
			this.jdbc.sql(SqlScripts.load("aggregate_staff").replace("{{touched}}", "true")).update();
			this.jdbc.sql("drop table if exists measure_contact_month, measure_contact_first").update();
			this.jdbc.sql("analyze measure_unit_result").update();
			this.jdbc.sql("analyze measure_staff_result").update();
			this.jdbc.sql("analyze measure_case").update();
		});
		step(steps, "flags", () -> raiseFlagsForStoredMonths("true"));
		log.info("Recomputed every measure in {} ms ({})", (System.nanoTime() - started) / 1_000_000, steps);
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
		recomputeEvents(eventIds, Dataset.EVENTS);
	}

	/**
	 * As {@link #recomputeEvents(Collection)}, only for the measures that read the
	 * dataset that changed; in full when the events are a large share of all events.
	 */
	@Transactional
	public void recomputeEvents(Collection<String> eventIds, Dataset dataset) {
		if (eventIds.isEmpty()) {
			return;
		}
		long events = this.jdbc.sql("select count(*) from event").query(Long.class).single();
		if (eventIds.size() > FULL_RECOMPUTE_SHARE * events) {
			recomputeAll();
			return;
		}
		List<String> measures = READERS.getOrDefault(dataset, MEASURES);
		String measureList = measures.stream().map((m) -> "'" + m + "'").collect(Collectors.joining(", "));
		tune();
		this.jdbc.sql("drop table if exists measure_scope, measure_delta").update();
		this.jdbc.sql("create temporary table measure_scope (event_id text primary key) on commit drop").update();
		this.jdbc.sql("insert into measure_scope select distinct unnest(cast(:ids as text[]))")
			.param("ids", eventIds.toArray(String[]::new))
			.update();
		this.jdbc.sql("analyze measure_scope").update();
		this.jdbc.sql("""
				create temporary table measure_delta (measure_code text, month date, team_code text, staff_code text,
				    numerator bigint, denominator bigint) on commit drop
				""").update();
		// The totals change by the new rows of these events minus their old rows.
		String delta = SqlScripts.load("delta").replace("{{measures}}", measureList);
		long started = System.nanoTime();
		StringBuilder steps = new StringBuilder();
		step(steps, "old rows", () -> {
			this.jdbc.sql(delta).param("sign", -1).update();
			this.jdbc
				.sql("delete from measure_case where event_id in (select event_id from measure_scope)"
						+ " and measure_code in (" + measureList + ")")
				.update();
		});
		if (measures.stream().anyMatch(CONTACT_READERS::contains)) {
			step(steps, "contacts", () -> contactMonths("c.event_id in (select event_id from measure_scope)"));
		}
		for (String measure : measures) {
			step(steps, measure, () -> computeMeasure(measure, SCOPED_EVENTS));
		}
		step(steps, "totals", () -> {
			this.jdbc.sql(delta).param("sign", 1).update();
			this.jdbc.sql(SqlScripts.load("apply_delta")).update();
			this.jdbc.sql(SqlScripts.load("apply_delta_staff")).update();
		});
		var range = this.jdbc.sql("""
				select min(month) as first, max(month) as last from measure_delta
				where numerator <> 0 or denominator <> 0
				""")
			.query((rs,
					i) -> new LocalDate[] { rs.getObject("first", LocalDate.class),
							rs.getObject("last", LocalDate.class) })
			.single();
		if (range[0] != null) {
			// Flags are for acting on now: an import judges again the months it changed
			// from
			// three months ago on (a full recomputation judges every month).
			YearMonth recent = YearMonth.now(this.clock).minusMonths(3);
			YearMonth from = YearMonth.from(range[0]).isBefore(recent) ? recent : YearMonth.from(range[0]);
			YearMonth to = YearMonth.from(range[1]).plusMonths(2);
			if (!to.isBefore(from)) {
				step(steps, "flags", () -> this.flags.raise(from, to));
			}
		}
		log.info("Recomputed the measures of {} events in {} ms ({})", eventIds.size(),
				(System.nanoTime() - started) / 1_000_000, steps);
		this.jdbc.sql("drop table if exists measure_contact_month, measure_contact_first, measure_scope, measure_delta")
			.update();
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

	private void tune() {
		// Hash aggregates over tens of millions of contacts stay in memory.
		this.jdbc.sql("set local work_mem = '512MB'").update();
		this.jdbc.sql("set local maintenance_work_mem = '1GB'").update();
		this.jdbc.sql("set local hash_mem_multiplier = 4").update();
	}

	private void contactMonths(String contacts) {
		this.jdbc.sql("drop table if exists measure_contact_month, measure_contact_first").update();
		this.jdbc.sql(SqlScripts.load("contact_month").replace("{{contacts}}", contacts)).update();
		this.jdbc.sql("analyze measure_contact_month").update();
		this.jdbc.sql(SqlScripts.load("contact_first")).update();
		this.jdbc.sql("analyze measure_contact_first").update();
	}

	private void computeMeasure(String measure, String events) {
		var statement = this.jdbc.sql(SqlScripts.load(measure).replace("{{events}}", events));
		if (measure.equals("AM_K")) {
			statement = statement.param("horizon", horizon());
		}
		statement.update();
	}

	/**
	 * The last month for which events still active are counted in monthly contact: the
	 * current month, or a later month the data already reaches.
	 */
	LocalDate horizon() {
		LocalDate latest = this.jdbc.sql("""
				select greatest(max(allocation_date), max(release_date), max(sentence_date)) from event
				""").query(LocalDate.class).optional().orElse(null);
		YearMonth month = YearMonth.now(this.clock);
		if (latest != null && YearMonth.from(latest).isAfter(month)) {
			month = YearMonth.from(latest);
		}
		return month.atDay(1);
	}

	private void raiseFlagsForStoredMonths(String monthCondition) {
		var range = this.jdbc
			.sql("select min(month) as first, max(month) as last from measure_unit_result where " + monthCondition)
			.query((rs,
					i) -> new LocalDate[] { rs.getObject("first", LocalDate.class),
							rs.getObject("last", LocalDate.class) })
			.single();
		if (range[0] == null) {
			return;
		}
		// A month's results also decide the sustained shortfall of the two months after
		// it.
		LocalDate last = monthCondition.equals("true") ? range[1] : range[1].plusMonths(2);
		this.flags.raise(YearMonth.from(range[0]), YearMonth.from(last));
	}

}
