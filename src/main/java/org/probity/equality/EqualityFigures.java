package org.probity.equality;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import org.probity.equality.EqualityTables.Count;
import org.probity.shared.Period;

/**
 * The counts behind the equality tables: the measures' case rows (read through the
 * function the measures module publishes) by characteristic and group, summed for a unit
 * (its teams) or a practitioner over the months of a period. Counts are kept per node
 * with the versions they were read at, so a page read twice sums once.
 */
@Service
class EqualityFigures {

	/** A measure of the catalogue. */
	record Measure(String code, String title, int ordinal) {
	}

	/**
	 * Where the figures are for: a unit (and every unit under it) or a practitioner, of
	 * the cases held under the unit {@code within} only when it is given (what a manager
	 * sees of a practitioner).
	 */
	record Focus(String unit, String staff, String within) {

		static Focus unit(String code) {
			return new Focus(code, null, null);
		}

		static Focus staff(String code, String within) {
			return new Focus(null, code, within);
		}

	}

	/** A practitioner's rows, only those held under {@code :within} when it is given. */
	static final String STAFF_ROWS = "r.staff_code = :staff and (cast(:within as text) is null"
			+ " or r.team_code in (select unit_code from estate_unit_ancestry where ancestor_code = :within))";

	/** Counts of every measure: measure -> characteristic -> group -> count. */
	record Counts(Map<String, Map<Characteristic, Map<String, Count>>> byMeasure) {

		Map<Characteristic, Map<String, Count>> of(String measure) {
			return this.byMeasure.getOrDefault(measure, Map.of());
		}

	}

	/**
	 * One node at a time counts a month (pg_advisory_xact_lock; "EQUALITY" in ASCII). The
	 * reads that may count are deliberately not transactional: a request holds one
	 * connection at a time, so that twenty readers waiting for the lock cannot take every
	 * connection from the one counting (measured: they did).
	 */
	static final long COUNTING_LOCK = 0x455155414c495459L;

	private final JdbcClient jdbc;

	private final TransactionTemplate separately;

	private final Recent recent = new Recent(500);

	EqualityFigures(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Transactional(readOnly = true)
	List<Measure> measures() {
		return this.jdbc.sql("select code, title, ordinal from equality_measure order by ordinal")
			.query(Measure.class)
			.list();
	}

	@Transactional(readOnly = true)
	Optional<Measure> measure(String code) {
		return this.jdbc.sql("select code, title, ordinal from equality_measure where code = :code")
			.param("code", code)
			.query(Measure.class)
			.optional();
	}

	/** The tables of every characteristic for one measure. */
	List<EqualityTables.Table> tables(String measure, Period period, Focus focus) {
		return EqualityTables.of(counts(period, focus).of(measure));
	}

	/** The tables of every measure, by code in catalogue order. */
	Map<String, List<EqualityTables.Table>> everyMeasure(Period period, Focus focus) {
		Counts counts = counts(period, focus);
		Map<String, List<EqualityTables.Table>> tables = new LinkedHashMap<>();
		for (Measure m : measures()) {
			tables.put(m.code(), EqualityTables.of(counts.of(m.code())));
		}
		return tables;
	}

	/**
	 * For each month from {@code first} to {@code last}, the counts of one
	 * characteristic's groups for one measure.
	 */
	Map<YearMonth, Map<String, Count>> monthly(String measure, Characteristic characteristic, YearMonth first,
			YearMonth last, Focus focus) {
		Map<YearMonth, Map<String, Count>> months = new TreeMap<>();
		for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
			months.put(m, new HashMap<>());
		}
		String sql = """
				select r.month, r.group_code, sum(r.numerator) as numerator, sum(r.denominator) as denominator
				from equality_row_groups(:from, :to) r
				where r.measure_code = :measure and r.characteristic = :characteristic and %s
				group by 1, 2
				""".formatted(STAFF_ROWS);
		if (focus.unit() != null) {
			countMonths(first.atDay(1), last.atDay(1));
			sql = """
					select r.month, r.group_code, r.numerator, r.denominator from equality_unit_cell r
					where r.unit_code = :unit and r.month between :from and :to and r.measure_code = :measure
					  and r.characteristic = :characteristic
					""";
		}
		this.jdbc.sql(sql)
			.param("from", first.atDay(1))
			.param("to", last.atDay(1))
			.param("measure", measure)
			.param("characteristic", characteristic.name())
			.param("unit", focus.unit())
			.param("staff", focus.staff())
			.param("within", focus.within(), java.sql.Types.VARCHAR)
			.query((rs, i) -> months.get(YearMonth.from(rs.getObject("month", LocalDate.class)))
				.put(rs.getString("group_code"), new Count(rs.getLong("numerator"), rs.getLong("denominator"))))
			.list();
		return months;
	}

	/** The counts of every measure for the period, summed over its months. */
	Counts counts(Period period, Focus focus) {
		return this.recent.get(List.of(period.code(), String.valueOf(focus.unit()), String.valueOf(focus.staff()),
				String.valueOf(focus.within())), version(), () -> read(period, focus));
	}

	private Counts read(Period period, Focus focus) {
		Map<String, Map<Characteristic, Map<String, Count>>> byMeasure = new HashMap<>();
		String sql = """
				select r.measure_code, r.characteristic, r.group_code, sum(r.numerator) as numerator,
				       sum(r.denominator) as denominator
				from equality_row_groups(:from, :to) r
				where %s
				group by 1, 2, 3
				""".formatted(STAFF_ROWS);
		if (focus.unit() != null) {
			countMonths(period.startDate(), period.last().atDay(1));
			sql = """
					select r.measure_code, r.characteristic, r.group_code, sum(r.numerator) as numerator,
					       sum(r.denominator) as denominator
					from equality_unit_cell r
					where r.unit_code = :unit and r.month between :from and :to
					group by 1, 2, 3
					""";
		}
		this.jdbc.sql(sql)
			.param("from", period.startDate())
			.param("to", period.last().atDay(1))
			.param("unit", focus.unit())
			.param("staff", focus.staff())
			.param("within", focus.within(), java.sql.Types.VARCHAR)
			.query((rs, i) -> byMeasure
				.computeIfAbsent(rs.getString("measure_code"), (k) -> new EnumMap<>(Characteristic.class))
				.computeIfAbsent(Characteristic.valueOf(rs.getString("characteristic")), (k) -> new HashMap<>())
				.put(rs.getString("group_code"), new Count(rs.getLong("numerator"), rs.getLong("denominator"))))
			.list();
		return new Counts(byMeasure);
	}

	/**
	 * Counts again, for every unit, the months from {@code from} to {@code to} (first
	 * days) not counted at the current versions: in a transaction of its own, one node at
	 * a time, each month replaced whole.
	 */
	void countMonths(LocalDate from, LocalDate to) {
		List<Long> version = version();
		if (stale(from, to, version).isEmpty()) {
			return;
		}
		this.separately.executeWithoutResult((tx) -> {
			this.jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", COUNTING_LOCK).query().listOfRows();
			// read again under the lock: another node may have counted them meanwhile
			List<Long> current = version();
			for (LocalDate month : stale(from, to, current)) {
				this.jdbc.sql("delete from equality_unit_cell where month = :month").param("month", month).update();
				this.jdbc
					.sql("""
							insert into equality_unit_cell (month, unit_code, measure_code, characteristic, group_code,
							                                numerator, denominator)
							select t.month, a.ancestor_code, t.measure_code, t.characteristic, t.group_code, sum(t.numerator),
							       sum(t.denominator)
							from equality_team_counts(:month, :month) t
							join estate_unit_ancestry a on a.unit_code = t.team_code
							group by 1, 2, 3, 4, 5
							""")
					.param("month", month)
					.update();
				this.jdbc.sql("""
						insert into equality_month (month, measures_version, people_version, counted_at)
						values (:month, :measures, :people, now())
						on conflict (month) do update set measures_version = excluded.measures_version,
						    people_version = excluded.people_version, counted_at = excluded.counted_at
						""")
					.param("month", month)
					.param("measures", current.get(0))
					.param("people", current.get(1))
					.update();
			}
		});
	}

	private List<LocalDate> stale(LocalDate from, LocalDate to, List<Long> version) {
		return this.jdbc
			.sql("""
					select cast(m as date) from generate_series(cast(:from as date), cast(:to as date), interval '1 month') m
					where not exists (select 1 from equality_month s where s.month = cast(m as date)
					                  and s.measures_version = :measures and s.people_version = :people)
					order by 1
					""")
			.param("from", from)
			.param("to", to)
			.param("measures", version.get(0))
			.param("people", version.get(1))
			.query(LocalDate.class)
			.list();
	}

	/** The versions of the measures' results and of the people's characteristics. */
	private List<Long> version() {
		return this.jdbc.sql("""
				select (select version from equality_measure_version) as measures,
				       (select people_version from equality_state) as people
				""").query((rs, i) -> List.of(rs.getLong("measures"), rs.getLong("people"))).single();
	}

	/**
	 * Counts read recently, each used only while the versions it was read at are current.
	 */
	static final class Recent {

		private record Read(Object version, Counts counts) {
		}

		private final Map<Object, Read> entries;

		Recent(int capacity) {
			this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<Object, Read> eldest) {
					return size() > capacity;
				}
			};
		}

		Counts get(Object key, Object version, java.util.function.Supplier<Counts> read) {
			synchronized (this.entries) {
				Read entry = this.entries.get(key);
				if (entry != null && entry.version().equals(version)) {
					return entry.counts();
				}
			}
			Counts counts = read.get();
			synchronized (this.entries) {
				this.entries.put(key, new Read(version, counts));
			}
			return counts;
		}

	}

}
