package org.probity.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.probity.accounts.CurrentUser;
import org.probity.accounts.DataScope;
import org.probity.accounts.Role;
import org.probity.estate.Estate;
import org.probity.shared.Crn;
import org.probity.shared.UnitCode;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds people on probation by CRN (exact) or by name (each word the start of the
 * forename or surname, any case), within the user's scope.
 * <p>
 * A restricted person the user may not open is listed by CRN only, as "Restricted case",
 * when the list is browsed or searched by their CRN. A name search never matches them:
 * matching would confirm to the user that someone of that name is on the restricted list.
 */
@Component
class CaseSearches {

	static final int PAGE_SIZE = 25;

	private final JdbcClient jdbc;

	private final Estate estate;

	private final String sql;

	CaseSearches(JdbcClient jdbc, Estate estate) {
		this.jdbc = jdbc;
		this.estate = estate;
		try {
			this.sql = new ClassPathResource("sql/cases/search.sql").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	enum Sort {

		CRN("crn"), NAME("surname"), DATE_OF_BIRTH("date_of_birth"), TEAM("team"), LATEST_EVENT("latest_event");

		private final String parameter;

		Sort(String parameter) {
			this.parameter = parameter;
		}

		String parameter() {
			return this.parameter;
		}

		static Sort fromParameter(String value) {
			return Arrays.stream(values()).filter((s) -> s.parameter.equals(value)).findFirst().orElse(CRN);
		}

		/** Blanked (restricted) rows sort last either way; the CRN breaks ties. */
		String orderBy(boolean descending) {
			String direction = descending ? " desc nulls last" : " asc nulls last";
			String crn = ", crn" + (descending ? " desc" : " asc");
			return switch (this) {
				case CRN -> "crn" + (descending ? " desc" : " asc");
				case NAME -> "lower(surname)" + direction + ", lower(forename)" + direction + crn;
				case DATE_OF_BIRTH -> "date_of_birth" + direction + crn;
				case TEAM -> "lower(team_name)" + direction + ", team_code" + direction + crn;
				case LATEST_EVENT -> "sentence_date" + direction + crn;
			};
		}

	}

	record Query(String text, Sort sort, boolean descending, int page) {

		Query {
			text = (text == null) ? "" : text.strip();
			sort = (sort == null) ? Sort.CRN : sort;
			page = Math.max(page, 1);
		}

	}

	/** One row of the list; only the CRN is set when {@code mayOpen} is false. */
	record Row(String crn, boolean mayOpen, boolean restricted, String forename, String surname, LocalDate dateOfBirth,
			String eventType, LocalDate sentenceDate, String teamCode, String teamName) {

		public String eventLabel() {
			return Labels.of(this.eventType);
		}

	}

	record Results(List<Row> rows, long total, int page) {

		public int pages() {
			return (int) Math.max(1, (this.total + PAGE_SIZE - 1) / PAGE_SIZE);
		}

		public long first() {
			return (this.total == 0) ? 0 : (long) (this.page - 1) * PAGE_SIZE + 1;
		}

		public long last() {
			return (long) (this.page - 1) * PAGE_SIZE + this.rows.size();
		}

	}

	@Transactional(readOnly = true)
	Results search(Query query, CurrentUser user) {
		if (user.role() == Role.API_CLIENT || user.scope() instanceof DataScope.Nothing) {
			return new Results(List.of(), 0, 1);
		}
		Results results = run(query, user);
		if (results.rows().isEmpty() && query.page() > 1) {
			// past the last page (the list shrank, or a hand-edited URL): show the first
			results = run(new Query(query.text(), query.sort(), query.descending(), 1), user);
		}
		return results;
	}

	private Results run(Query query, CurrentUser user) {
		StringBuilder filter = new StringBuilder();
		List<String> words = new ArrayList<>();
		String crn = query.text().toUpperCase(Locale.UK);
		if (Crn.isValid(crn)) {
			filter.append(" and c.crn = :crn");
		}
		else if (!query.text().isEmpty()) {
			for (String word : query.text().toLowerCase(Locale.UK).split("[\\s,]+")) {
				if (!word.isEmpty() && words.size() < 4) {
					int i = words.size();
					words.add(escapeLike(word) + "%");
					filter.append(" and c.may_open and (lower(c.surname) like :w%d or lower(c.forename) like :w%d)"
						.formatted(i, i));
				}
			}
		}
		DataScope scope = user.scope();
		String[] teams = (scope instanceof DataScope.Unit unit) ? this.estate.teamsUnder(new UnitCode(unit.unitCode()))
			.stream()
			.map(UnitCode::value)
			.toArray(String[]::new) : new String[0];
		String scopeStaff = (scope instanceof DataScope.Practitioner practitioner) ? practitioner.staffCode() : null;
		var statement = this.jdbc
			.sql(this.sql.replace("/*FILTER*/", filter).replace("/*ORDER*/", query.sort().orderBy(query.descending())))
			.param("everything", scope instanceof DataScope.Everything)
			.param("anyRestricted", user.mayOpenAnyRestrictedCase())
			.param("ownStaff", user.staffCode(), java.sql.Types.VARCHAR)
			.param("teams", teams)
			.param("scopeStaff", scopeStaff, java.sql.Types.VARCHAR)
			.param("limit", PAGE_SIZE)
			.param("offset", (query.page() - 1) * PAGE_SIZE);
		if (Crn.isValid(crn)) {
			statement = statement.param("crn", crn);
		}
		for (int i = 0; i < words.size(); i++) {
			statement = statement.param("w" + i, words.get(i));
		}
		long[] total = { 0 };
		List<Row> rows = statement.query((rs, n) -> {
			total[0] = rs.getLong("total");
			return new Row(rs.getString("crn"), rs.getBoolean("may_open"), rs.getBoolean("restricted"),
					rs.getString("forename"), rs.getString("surname"), rs.getObject("date_of_birth", LocalDate.class),
					rs.getString("event_type"), rs.getObject("sentence_date", LocalDate.class),
					rs.getString("team_code"), rs.getString("team_name"));
		}).list();
		return new Results(rows, total[0], query.page());
	}

	private static String escapeLike(String word) {
		return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
