package org.probity.measures.pages;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.probity.accounts.CurrentUser;
import org.probity.estate.Visibility;
import org.probity.shared.Crn;
import org.probity.shared.web.Format;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts on a case's page the measures it counts in: each stored per-case row of the
 * person's events (measure, month, met or not and why), newest first, linking to the
 * cases behind that figure; only for a user the visibility rule lets open the case. The
 * case page does not depend on the measures. Monthly contact and attendance are not
 * stored per case and are left to their measure pages.
 */
@ControllerAdvice(basePackages = "org.probity")
class CaseMeasures {

	private static final Pattern CASE_PAGE = Pattern.compile("/cases/([A-Z][0-9]{6})");

	/** The most rows a case page lists. */
	static final int LIMIT = 60;

	/** A row of the case in a measure. */
	record Counted(String measureCode, String title, LocalDate month, String eventId, String subjectId, String teamCode,
			boolean met, String reason) {

		public String monthLabel() {
			return Format.month(YearMonth.from(this.month));
		}

		public String why() {
			return Format.sentence(this.reason);
		}

		public String link() {
			return "/measures/" + this.measureCode + "/cases?period=" + YearMonth.from(this.month) + "&unit="
					+ this.teamCode.strip();
		}

	}

	private final JdbcClient jdbc;

	private final Visibility visibility;

	CaseMeasures(JdbcClient jdbc, Visibility visibility) {
		this.jdbc = jdbc;
		this.visibility = visibility;
	}

	@ModelAttribute("caseMeasures")
	List<Counted> caseMeasures(HttpServletRequest request, @AuthenticationPrincipal CurrentUser user) {
		var m = CASE_PAGE.matcher(request.getServletPath());
		if (user == null || !m.matches() || !Crn.isValid(m.group(1))
				|| !this.visibility.mayOpen(user, new Crn(m.group(1)))) {
			return null;
		}
		return this.jdbc.sql("""
				select mc.measure_code, me.title, mc.month, mc.event_id, mc.subject_id, mc.team_code,
				       mc.numerator = mc.denominator as met, mc.reason
				from measure_case mc join measure me on me.code = mc.measure_code
				where mc.event_id in (select event_id from case_event where crn = :crn)
				order by mc.month desc, me.ordinal, mc.subject_id
				limit :limit
				""").param("crn", m.group(1)).param("limit", LIMIT).query(Counted.class).list();
	}

}
