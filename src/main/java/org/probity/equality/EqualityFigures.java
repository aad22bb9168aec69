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
import org.springframework.transaction.annotation.Transactional;

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

	/** Where the figures are for: a unit (and every unit under it) or a practitioner. */
	record Focus(String unit, String staff) {

		static Focus unit(String code) {
			return new Focus(code, null);
		}

		static Focus staff(String code) {
			return new Focus(null, code);
		}

	}

	/** Counts of every measure: measure -> characteristic -> group -> count. */
	record Counts(Map<String, Map<Characteristic, Map<String, Count>>> byMeasure) {

		Map<Characteristic, Map<String, Count>> of(String measure) {
			return this.byMeasure.getOrDefault(measure, Map.of());
		}

	}

	private final JdbcClient jdbc;

	private final Recent recent = new Recent(500);

	EqualityFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
	@Transactional(readOnly = true)
	List<EqualityTables.Table> tables(String measure, Period period, Focus focus) {
		return EqualityTables.of(counts(period, focus).of(measure));
	}

	/** The tables of every measure, by code in catalogue order. */
	@Transactional(readOnly = true)
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
	@Transactional(readOnly = true)
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
				""".formatted(where(focus));
		this.jdbc.sql(sql)
			.param("from", first.atDay(1))
			.param("to", last.atDay(1))
			.param("measure", measure)
			.param("characteristic", characteristic.name())
			.param("teams", teams(focus))
			.param("staff", focus.staff())
			.query((rs, i) -> months.get(YearMonth.from(rs.getObject("month", LocalDate.class)))
				.put(rs.getString("group_code"), new Count(rs.getLong("numerator"), rs.getLong("denominator"))))
			.list();
		return months;
	}

	/** The counts of every measure for the period, summed over its months. */
	@Transactional(readOnly = true)
	Counts counts(Period period, Focus focus) {
		return this.recent.get(List.of(period.code(), String.valueOf(focus.unit()), String.valueOf(focus.staff())),
				version(), () -> read(period, focus));
	}

	private Counts read(Period period, Focus focus) {
		Map<String, Map<Characteristic, Map<String, Count>>> byMeasure = new HashMap<>();
		String sql = """
				select r.measure_code, r.characteristic, r.group_code, sum(r.numerator) as numerator,
				       sum(r.denominator) as denominator
				from equality_row_groups(:from, :to) r
				where %s
				group by 1, 2, 3
				""".formatted(where(focus));
		this.jdbc.sql(sql)
			.param("from", period.startDate())
			.param("to", period.last().atDay(1))
			.param("teams", teams(focus))
			.param("staff", focus.staff())
			.query((rs, i) -> byMeasure
				.computeIfAbsent(rs.getString("measure_code"), (k) -> new EnumMap<>(Characteristic.class))
				.computeIfAbsent(Characteristic.valueOf(rs.getString("characteristic")), (k) -> new HashMap<>())
				.put(rs.getString("group_code"), new Count(rs.getLong("numerator"), rs.getLong("denominator"))))
			.list();
		return new Counts(byMeasure);
	}

	private static String where(Focus focus) {
		return (focus.staff() != null) ? "r.staff_code = :staff" : "r.team_code = any(cast(:teams as text[]))";
	}

	/**
	 * The teams under a unit, listed first: the planner cannot see how few rows the
	 * recursive unit_ancestry view gives.
	 */
	private String[] teams(Focus focus) {
		if (focus.unit() == null) {
			return new String[0];
		}
		return this.jdbc.sql("select unit_code from unit_ancestry where ancestor_code = :code")
			.param("code", focus.unit())
			.query(String.class)
			.list()
			.toArray(String[]::new);
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
