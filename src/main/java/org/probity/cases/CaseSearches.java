package org.probity.cases;

import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.probity.accounts.CurrentUser;
import org.probity.accounts.DataScope;
import org.probity.accounts.Role;
import org.probity.estate.Visibility;
import org.probity.shared.Crn;
import org.probity.shared.SqlFiles;
import org.probity.shared.UnitCode;

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
 * <p>
 * On national data the list is found in two steps: the CRNs of the page (sorting only on
 * what the sort needs), then the details of those 25 people.
 */
@Component
class CaseSearches {

	static final int PAGE_SIZE = 25;

	private static final String LATEST_EVENTS = """
			left join (
			    select distinct on (e.crn) e.crn, e.sentence_date, e.team_code
			    from event e join scoped on scoped.crn = e.crn
			    order by e.crn, e.sentence_date desc, e.event_id desc
			) le on le.crn = c.crn
			left join estate_unit u on u.unit_code = le.team_code
			""";

	private final JdbcClient jdbc;

	private final Visibility visibility;

	private final String pageSql;

	private final String rowsSql;

	CaseSearches(JdbcClient jdbc, Visibility visibility) {
		this.jdbc = jdbc;
		this.visibility = visibility;
		this.pageSql = SqlFiles.load("cases/search.sql");
		this.rowsSql = SqlFiles.load("cases/search-rows.sql");
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

		boolean needsLatestEvent() {
			return this == TEAM || this == LATEST_EVENT;
		}

		/** Blanked (restricted) rows sort last either way; the CRN breaks ties. */
		String orderBy(boolean descending) {
			String direction = descending ? " desc nulls last" : " asc nulls last";
			String crn = ", c.crn" + (descending ? " desc" : " asc");
			return switch (this) {
				case CRN -> "c.crn" + (descending ? " desc" : " asc");
				case NAME -> open("lower(c.surname)") + direction + ", " + open("lower(c.forename)") + direction + crn;
				case DATE_OF_BIRTH -> open("c.date_of_birth") + direction + crn;
				case TEAM -> open("lower(u.unit_name)") + direction + ", " + open("le.team_code") + direction + crn;
				case LATEST_EVENT -> open("le.sentence_date") + direction + crn;
			};
		}

		private static String open(String expression) {
			return "case when c.may_open then " + expression + " end";
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
		// sorting a national caseload by latest event or team needs more than the default
		// 4MB
		this.jdbc.sql("set local work_mem = '64MB'").update();
		Statement statement = statement(query, user);
		long total = statement.bind(this.jdbc.sql("select count(*) from (" + statement.sql() + ") found"))
			.query(Long.class)
			.single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.min(query.page(), pages);
		List<String> crns = statement
			.bind(this.jdbc.sql(statement.sql() + " order by " + query.sort().orderBy(query.descending())
					+ " limit :limit offset :offset"))
			.param("limit", PAGE_SIZE)
			.param("offset", (page - 1) * PAGE_SIZE)
			.query(String.class)
			.list();
		List<Row> rows = rows(crns, user);
		this.visibility.logCases(user, "Case search",
				rows.stream().filter(Row::mayOpen).map(Row::crn).map(Crn::new).toList(),
				rows.stream().filter((row) -> !row.mayOpen()).map(Row::crn).map(Crn::new).toList());
		return new Results(rows, total, page);
	}

	/** The page's people in the order the first query found them. */
	private List<Row> rows(List<String> crns, CurrentUser user) {
		if (crns.isEmpty()) {
			return List.of();
		}
		Visibility.Sql mayOpen = this.visibility.mayOpenCase(user, "p.crn", "p.restricted");
		Map<String, Row> byCrn = mayOpen.bind(this.jdbc.sql(this.rowsSql.replace("/*MAY_OPEN*/", mayOpen.text())))
			.param("crns", crns)
			.query((rs, n) -> new Row(rs.getString("crn"), rs.getBoolean("may_open"), rs.getBoolean("restricted"),
					rs.getString("forename"), rs.getString("surname"), rs.getObject("date_of_birth", LocalDate.class),
					rs.getString("event_type"), rs.getObject("sentence_date", LocalDate.class),
					rs.getString("team_code"), rs.getString("team_name")))
			.list()
			.stream()
			.collect(Collectors.toMap(Row::crn, Function.identity()));
		return crns.stream().map(byCrn::get).sorted(Comparator.comparingInt((row) -> crns.indexOf(row.crn()))).toList();
	}

	private Statement statement(Query query, CurrentUser user) {
		StringBuilder filter = new StringBuilder();
		List<String> words = new ArrayList<>();
		String crn = query.text().toUpperCase(Locale.UK);
		boolean byCrn = Crn.isValid(crn);
		if (byCrn) {
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
		Visibility.Sql scoped = this.visibility.peopleInScope(user);
		Visibility.Sql mayOpen = this.visibility.mayOpenCase(user, "p.crn", "p.restricted");
		String sql = this.pageSql.replace("/*SCOPE*/", scoped.text())
			.replace("/*MAY_OPEN*/", mayOpen.text())
			.replace("/*LATEST*/", query.sort().needsLatestEvent() ? LATEST_EVENTS : "")
			.replace("/*FILTER*/", filter);
		return new Statement(sql, (spec) -> {
			JdbcClient.StatementSpec bound = mayOpen.bind(scoped.bind(spec));
			if (byCrn) {
				bound = bound.param("crn", crn);
			}
			for (int i = 0; i < words.size(); i++) {
				bound = bound.param("w" + i, words.get(i));
			}
			return bound;
		});
	}

	/** The search as SQL, with a function that binds its parameters to a statement. */
	private record Statement(String sql, Function<JdbcClient.StatementSpec, JdbcClient.StatementSpec> binder) {

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
			return this.binder.apply(spec);
		}

	}

	private static String escapeLike(String word) {
		return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
