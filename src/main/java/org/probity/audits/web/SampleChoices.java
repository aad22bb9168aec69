package org.probity.audits.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.probity.measures.MeasureSeries;
import org.probity.shared.Period;
import org.probity.shared.web.Format;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The choices of the sample form's selects (a quality-team page: every unit): units by
 * name, the staff of the unit chosen when it is a team, the measures, and the periods;
 * they send the same parameters the form's text boxes did.
 */
@ControllerAdvice(assignableTypes = AuditPages.class)
class SampleChoices {

	/** A choice of a select. */
	record Option(String value, String label) {
	}

	record Choices(List<Option> units, List<Option> staff, List<Option> measures, List<Option> periods) {
	}

	private final JdbcClient jdbc;

	private final MeasureSeries measures;

	private final Clock clock;

	SampleChoices(JdbcClient jdbc, MeasureSeries measures, Clock clock) {
		this.jdbc = jdbc;
		this.measures = measures;
		this.clock = clock;
	}

	@ModelAttribute("sampleChoices")
	Choices sampleChoices(HttpServletRequest request) {
		String path = request.getServletPath();
		if (!"/audits/samples/new".equals(path) && !"/audits/samples".equals(path)) {
			return null;
		}
		List<Option> units = this.jdbc
			.sql("""
					select unit_code, unit_name || ' (' || case unit_type when 'PROVIDER' then 'Provider' when 'REGION' then 'Region'
					       when 'LDU' then 'LDU' else 'Team' end || ')' from estate_unit
					order by case unit_type when 'PROVIDER' then 0 when 'REGION' then 1 when 'LDU' then 2 else 3 end,
					         unit_name, unit_code
					""")
			.query((rs, i) -> new Option(rs.getString(1), rs.getString(2)))
			.list();
		String unit = request.getParameter("unitCode");
		List<Option> staff = (unit == null || unit.isBlank() || unit.length() > 12) ? List.of() : this.jdbc.sql("""
				select staff_code, forename || ' ' || surname || ' (' || staff_code || ')' from estate_staff
				where team_code = :team order by surname, forename, staff_code
				""").param("team", unit.strip()).query((rs, i) -> new Option(rs.getString(1), rs.getString(2))).list();
		List<Option> measures = this.measures.measures()
			.stream()
			.map((m) -> new Option(m.code(), m.title() + " (" + m.code() + ")"))
			.toList();
		List<Option> periods = new ArrayList<>();
		YearMonth last = YearMonth.now(this.clock).minusMonths(1);
		for (int i = 0; i < 24; i++) {
			periods.add(new Option(last.minusMonths(i).toString(), Format.month(last.minusMonths(i))));
		}
		for (int i = 0; i < 12; i += 3) {
			YearMonth m = last.minusMonths(i);
			Period q = Period.quarter(m.getYear(), (m.getMonthValue() - 1) / 3 + 1);
			periods.add(new Option(q.code(), q.label()));
		}
		periods.add(new Option(String.valueOf(last.getYear()), String.valueOf(last.getYear())));
		return new Choices(units, staff, measures, periods);
	}

}
