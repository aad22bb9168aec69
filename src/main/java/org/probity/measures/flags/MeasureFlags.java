package org.probity.measures.flags;

import org.probity.measures.MeasureFlagRaised;
import org.probity.shared.MeasureCode;
import org.probity.shared.SqlFiles;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flags raised from monthly results (measures.md, "Flags"). They are read from the
 * current results, and each one is stored and published once as
 * {@link MeasureFlagRaised}.
 */
@Service
public class MeasureFlags {

	/** A flag on a unit ({@code unitCode}) or on a practitioner ({@code staffCode}). */
	public record Flag(String kind, String measureCode, YearMonth month, String unitCode, String staffCode,
			double performance) {
	}

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final MeterRegistry meters;

	MeasureFlags(JdbcClient jdbc, ApplicationEventPublisher events, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.events = events;
		this.meters = meters;
	}

	/** The flags the results of a month raise, ordered by measure, kind and unit. */
	@Transactional(readOnly = true)
	public List<Flag> forMonth(YearMonth month) {
		return this.jdbc.sql("select f.* from (" + SqlFiles.load("measures/flags.sql") + """
				) f
				left join measure m on m.code = f.measure_code
				order by m.ordinal, f.kind, f.holder desc, f.code
				""")
			.param("from", month.atDay(1))
			.param("to", month.atDay(1))
			.param("measures", null, Types.ARRAY)
			.query((rs, i) -> flag(rs))
			.list();
	}

	/** Stores the flags of the months not stored before and publishes them. */
	@Transactional
	public void raise(YearMonth from, YearMonth to) {
		raise(from, to, null);
	}

	/**
	 * As {@link #raise(YearMonth, YearMonth)}, for the given measures only (all when
	 * null): those whose results changed.
	 */
	@Transactional
	public void raise(YearMonth from, YearMonth to, Collection<String> measures) {
		List<Flag> raised = this.jdbc.sql("with f as (" + SqlFiles.load("measures/flags.sql") + """
				)
				insert into measure_flag (kind, measure_code, month, unit_code, staff_code, performance)
				select kind, measure_code, month, case when holder = 'UNIT' then code end,
				       case when holder = 'STAFF' then code end, performance
				from f
				on conflict do nothing
				returning kind, measure_code, month, case when unit_code is null then 'STAFF' else 'UNIT' end as holder,
				          coalesce(unit_code, staff_code) as code, performance
				""")
			.param("from", from.atDay(1))
			.param("to", to.atDay(1))
			.param("measures", (measures != null) ? measures.toArray(String[]::new) : null, Types.ARRAY)
			.query((rs, i) -> flag(rs))
			.list();
		raised.forEach((f) -> this.events.publishEvent(new MeasureFlagRaised(f.kind(), new MeasureCode(f.measureCode()),
				f.month(), (f.unitCode() != null) ? new UnitCode(f.unitCode()) : null,
				(f.staffCode() != null) ? new StaffCode(f.staffCode()) : null, f.performance())));
		raised.forEach((f) -> Counter.builder("probity.measures.flags.raised")
			.description("Flags raised on the measures' results, by kind (counted when stored, on this node)")
			.tag("kind", f.kind())
			.register(this.meters)
			.increment());
	}

	private static Flag flag(java.sql.ResultSet rs) throws java.sql.SQLException {
		boolean unit = "UNIT".equals(rs.getString("holder"));
		String code = rs.getString("code");
		return new Flag(rs.getString("kind"), rs.getString("measure_code"),
				YearMonth.from(rs.getObject("month", LocalDate.class)), unit ? code : null, unit ? null : code,
				rs.getDouble("performance"));
	}

}
