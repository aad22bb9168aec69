package org.probity.measures;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.probity.measures.catalogue.Catalogue;
import org.probity.measures.catalogue.CaseRows;
import org.probity.shared.EventId;
import org.probity.shared.MeasureCode;
import org.probity.shared.Period;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases behind a measure's shortfall, for other modules: audits sample "cases that
 * failed SL003R last quarter" (case-audit.md, Sampling) from here.
 */
@Service
public class MeasureShortfalls {

	private final JdbcClient jdbc;

	MeasureShortfalls(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Events counted in the measure's denominator in the period but not (fully) met. */
	@Transactional(readOnly = true)
	public Set<EventId> eventsNotMeeting(MeasureCode measureCode, Period period) {
		if (!Catalogue.contains(measureCode.value())) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc
			.sql("select distinct r.event_id from (" + CaseRows.counted(measureCode.value(), "true")
					+ ") r where r.numerator < r.denominator")
			.param("from", period.startDate())
			.param("to", LocalDate.from(period.last().atDay(1)))
			.query((rs, i) -> new EventId(rs.getString(1)))
			.list());
	}

}
