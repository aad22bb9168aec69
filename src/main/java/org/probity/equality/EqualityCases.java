package org.probity.equality;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.probity.equality.EqualityFigures.Focus;
import org.probity.shared.Period;

/**
 * The case rows of one group of a characteristic for a measure, period and unit or
 * practitioner: the same rows the figures sum, so the list adds up to the group's cases.
 */
@Service
class EqualityCases {

	record CaseRow(String crn, String eventId, LocalDate month, String teamCode, String staffCode, int numerator,
			int denominator, boolean restricted) {

		public boolean met() {
			return this.numerator == this.denominator;
		}

	}

	private final JdbcClient jdbc;

	EqualityCases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	List<CaseRow> of(String measure, Period period, Focus focus, Characteristic characteristic, String group) {
		String[] teams = (focus.unit() == null) ? new String[0]
				: this.jdbc.sql("select unit_code from estate_unit_ancestry where ancestor_code = :code")
					.param("code", focus.unit())
					.query(String.class)
					.list()
					.toArray(String[]::new);
		return this.jdbc.sql("""
				select r.crn, r.event_id, r.month, r.team_code, r.staff_code, r.numerator, r.denominator, p.restricted
				from equality_row_groups(:from, :to) r
				join equality_person p on p.crn = r.crn
				where r.measure_code = :measure and r.characteristic = :characteristic and r.group_code = :group
				  and %s
				order by (r.numerator = r.denominator), r.month, r.crn, r.event_id
				"""
			.formatted((focus.staff() != null) ? "r.staff_code = :staff" : "r.team_code = any(cast(:teams as text[]))"))
			.param("from", period.startDate())
			.param("to", period.last().atDay(1))
			.param("measure", measure)
			.param("characteristic", characteristic.name())
			.param("group", group)
			.param("staff", focus.staff())
			.param("within", focus.within(), java.sql.Types.VARCHAR)
			.param("teams", teams)
			.query(CaseRow.class)
			.list();
	}

}
