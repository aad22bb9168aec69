package org.probity.measures.results;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.probity.measures.catalogue.Measures;
import org.probity.measures.catalogue.Target;
import org.probity.accounts.CurrentUser;
import org.probity.accounts.DataScope;
import org.probity.estate.Visibility;
import org.probity.shared.web.Format;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The overview of the home page: for the latest complete month, every unit the user may
 * see (the provider on top, then each region, each LDU and its teams) against every
 * measure, with the RAG word and performance in each cell; a line manager's team and the
 * practitioners who held its cases that month; a practitioner's own figures. Read from
 * the monthly totals (one query for the month, kept while the results' version is
 * unchanged), so that it stays fast on a national estate.
 */
@Service
public class MeasureOverview {

	/**
	 * Team rows on one page of the overview: a national estate's 400 teams come in pages,
	 * whole LDUs at a time; a provider of 24 teams is one page.
	 */
	public static final int TEAMS_PER_PAGE = 60;

	/** A measure's column: its code (abbreviated in the header) and its title. */
	public record Column(String code, String title) {
	}

	/** One cell: the RAG word and tag style, the performance, and its drill-down. */
	public record Cell(String ragWord, String ragClass, String performance, String link) {

		public boolean hasCases() {
			return !"No cases".equals(this.ragWord);
		}

	}

	/** A row: a unit (PROVIDER, REGION, LDU, TEAM) or a practitioner (PRACTITIONER). */
	public record Row(String code, String name, String type, List<Cell> cells) {

		public String typeWord() {
			return switch (this.type) {
				case "PROVIDER" -> "Provider";
				case "REGION" -> "Region";
				case "LDU" -> "LDU";
				case "TEAM" -> "Team";
				default -> "Practitioner";
			};
		}

	}

	/** The grid for a user; {@code rows} empty when there are no results yet. */
	public record Grid(YearMonth month, List<Column> columns, List<Row> rows, long flags, int page, int pages,
			String tableHtml) {

		public String monthLabel() {
			return Format.month(this.month);
		}

		/** The month's flags: each asks for action (an audit, an improvement action). */
		public String flagsText() {
			return Format.count(this.flags, "open flag");
		}

	}

	public record UnitRow(String code, String name, String type, String parent) {
	}

	/** The month's totals and the estate, read once per version of the results. */
	private record Month(Map<String, long[]> totals, List<UnitRow> units, Measures.TargetBook targets) {
	}

	private final JdbcClient jdbc;

	private final Measures measures;

	private final MeasureResults results;

	private final Visibility visibility;

	private final Clock clock;

	private final RecentResults recent = new RecentResults(256);

	MeasureOverview(JdbcClient jdbc, Measures measures, MeasureResults results, Visibility visibility, Clock clock) {
		this.jdbc = jdbc;
		this.results = results;
		this.measures = measures;
		this.visibility = visibility;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public YearMonth latestCompleteMonth() {
		return this.results.latestCompleteMonth(YearMonth.now(this.clock).minusMonths(1));
	}

	/**
	 * The overview for the user, page {@code page} (from 1) of a large estate, its table
	 * written once as HTML (links under {@code contextPath}) and kept with the rows while
	 * the results' version is unchanged: every user of the same scope and page is served
	 * the same grid, so a page costs no rendering of its thousand cells.
	 */
	@Transactional(readOnly = true)
	public Grid forUser(CurrentUser user, int page, String contextPath) {
		long version = version();
		YearMonth month = latestCompleteMonth();
		return this.recent.get(List.of("grid", month, String.valueOf(user.scope()), page, contextPath), version,
				() -> grid(user, page, contextPath, version, month));
	}

	private Grid grid(CurrentUser user, int page, String contextPath, long version, YearMonth month) {
		List<Column> columns = this.recent.get(List.of("columns"), version,
				() -> this.measures.all().stream().map((m) -> new Column(m.code(), m.title())).toList());
		Month data = this.recent.get(List.of("month", month), version, () -> read(month));
		String period = month.toString();
		List<Row> rows = new ArrayList<>();
		int pages = 1;
		int current = 1;
		switch (user.scope()) {
			case DataScope.Everything e -> {
				List<List<UnitRow>> paged = pages(data.units(), null);
				pages = Math.max(1, paged.size());
				current = Math.min(Math.max(1, page), pages);
				if (!paged.isEmpty()) {
					paged.get(current - 1).forEach((u) -> rows.add(unitRow(u, columns, data, month, period)));
				}
			}
			case DataScope.Unit u -> {
				UnitRow root = data.units()
					.stream()
					.filter((r) -> r.code().equals(u.unitCode()))
					.findFirst()
					.orElse(null);
				if (root != null && "TEAM".equals(root.type())) {
					rows.add(unitRow(root, columns, data, month, period));
					rows.addAll(practitionerRows(root.code(), columns, data, month, period));
				}
				else if (root != null) {
					List<List<UnitRow>> paged = pages(data.units(), root.code());
					pages = Math.max(1, paged.size());
					current = Math.min(Math.max(1, page), pages);
					if (!paged.isEmpty()) {
						paged.get(current - 1).forEach((r) -> rows.add(unitRow(r, columns, data, month, period)));
					}
				}
			}
			case DataScope.Practitioner p -> rows.add(ownRow(p.staffCode(), columns, data, month, period));
			case DataScope.Nothing n -> {
			}
		}
		return new Grid(month, columns, rows, flags(user, month), current, pages,
				tableHtml(month, columns, rows, current, pages, contextPath));
	}

	/**
	 * The table as the page shows it: a caption, a header per measure, a row per unit.
	 */
	static String tableHtml(YearMonth month, List<Column> columns, List<Row> rows, int page, int pages,
			String contextPath) {
		StringBuilder html = new StringBuilder(512 + rows.size() * columns.size() * 160);
		html.append("<table class=\"govuk-table probity-overview\">\n")
			.append("<caption class=\"govuk-table__caption govuk-table__caption--s\" id=\"overview-caption\">")
			.append("Every measure for ")
			.append(escape(Format.month(month)))
			.append(": RAG and performance of each unit");
		if (pages > 1) {
			html.append(", page ").append(page).append(" of ").append(pages);
		}
		html.append(". Each figure links to its drill-down.</caption>\n")
			.append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">")
			.append("<th scope=\"col\" class=\"govuk-table__header\">Unit</th>");
		for (Column c : columns) {
			html.append("<th scope=\"col\" class=\"govuk-table__header\"><abbr title=\"")
				.append(escape(c.title()))
				.append("\">")
				.append(escape(c.code()))
				.append("</abbr></th>");
		}
		html.append("</tr></thead>\n<tbody class=\"govuk-table__body\">\n");
		for (Row r : rows) {
			html.append("<tr class=\"govuk-table__row probity-overview__")
				.append(r.type().toLowerCase(java.util.Locale.ROOT))
				.append("\"><th scope=\"row\" class=\"govuk-table__header\">")
				.append(escape(r.name()));
			// the kind on a line of its own, and only when the name does not say it
			if (!Format.namesItsKind(r.name(), r.typeWord())) {
				html.append(" <span class=\"probity-unit-type\">").append(r.typeWord()).append("</span>");
			}
			html.append("</th>");
			for (Cell c : r.cells()) {
				html.append("<td class=\"govuk-table__cell\"><a class=\"govuk-link\" href=\"")
					.append(escape(contextPath + c.link()))
					.append("\"><strong class=\"")
					.append(c.ragClass())
					.append("\">")
					.append(c.ragWord())
					.append("</strong>");
				if (c.hasCases()) {
					html.append(' ').append(c.performance());
				}
				html.append("</a></td>");
			}
			html.append("</tr>\n");
		}
		return html.append("</tbody>\n</table>").toString();
	}

	private static String escape(String text) {
		return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private Month read(YearMonth month) {
		Map<String, long[]> totals = new HashMap<>();
		this.jdbc.sql("""
				select unit_code, measure_code, numerator, denominator from measure_unit_result where month = :month
				""").param("month", month.atDay(1)).query((rs) -> {
			totals.put(rs.getString(1).strip() + "|" + rs.getString(2), new long[] { rs.getLong(3), rs.getLong(4) });
		});
		List<UnitRow> units = this.jdbc.sql(
				"select unit_code as code, unit_name as name, unit_type as type, parent_code as parent from estate_unit")
			.query(UnitRow.class)
			.list();
		return new Month(totals, units, this.measures.targetBook());
	}

	/**
	 * The units under {@code root} (every provider when null) in tree order, children by
	 * name, cut into pages of whole LDUs with at most {@link #TEAMS_PER_PAGE} teams (an
	 * LDU with more is a page of its own); each page starts with the units above its
	 * first LDU, the provider on top.
	 */
	public static List<List<UnitRow>> pages(List<UnitRow> units, String root) {
		Map<String, List<UnitRow>> children = new HashMap<>();
		Map<String, UnitRow> byCode = new HashMap<>();
		List<UnitRow> tops = new ArrayList<>();
		for (UnitRow u : units) {
			byCode.put(u.code(), u);
			if ((root != null) ? u.code().equals(root) : u.parent() == null) {
				tops.add(u);
			}
			if (u.parent() != null) {
				children.computeIfAbsent(u.parent(), (k) -> new ArrayList<>()).add(u);
			}
		}
		Comparator<UnitRow> byName = Comparator.comparing(UnitRow::name).thenComparing(UnitRow::code);
		children.values().forEach((c) -> c.sort(byName));
		tops.sort(byName);
		List<UnitRow> flat = new ArrayList<>();
		tops.forEach((t) -> collect(t, children, flat));
		List<List<UnitRow>> pages = new ArrayList<>();
		List<UnitRow> page = new ArrayList<>();
		int teams = 0;
		for (UnitRow u : flat) {
			boolean team = "TEAM".equals(u.type());
			UnitRow parent = (u.parent() != null) ? byCode.get(u.parent()) : null;
			boolean startsBlock = "LDU".equals(u.type()) || (team && (parent == null || !"LDU".equals(parent.type())));
			if (startsBlock) {
				List<UnitRow> block = new ArrayList<>();
				collect(u, children, block);
				long blockTeams = block.stream().filter((b) -> "TEAM".equals(b.type())).count();
				if (teams > 0 && teams + blockTeams > TEAMS_PER_PAGE) {
					pages.add(page);
					page = new ArrayList<>();
					teams = 0;
					List<UnitRow> above = new ArrayList<>();
					for (UnitRow a = parent; a != null; a = (a.parent() != null) ? byCode.get(a.parent()) : null) {
						above.add(0, a);
						if (a.code().equals(root)) {
							break;
						}
					}
					page.addAll(above);
				}
			}
			page.add(u);
			if (team) {
				teams++;
			}
		}
		if (!page.isEmpty()) {
			pages.add(page);
		}
		return pages;
	}

	private static void collect(UnitRow unit, Map<String, List<UnitRow>> children, List<UnitRow> into) {
		into.add(unit);
		for (UnitRow child : children.getOrDefault(unit.code(), List.of())) {
			collect(child, children, into);
		}
	}

	private static Row unitRow(UnitRow u, List<Column> columns, Month data, YearMonth month, String period) {
		List<Cell> cells = new ArrayList<>(columns.size());
		for (Column c : columns) {
			long[] t = data.totals().getOrDefault(u.code() + "|" + c.code(), new long[2]);
			cells.add(cell(c.code(), t, data.targets().on(c.code(), month.atDay(1)),
					"/measures/" + c.code() + "?period=" + period + "&unit=" + u.code()));
		}
		return new Row(u.code(), u.name(), u.type(), cells);
	}

	/**
	 * The practitioners who held the team's cases in the month, with the figures of those
	 * cases: they add up to the team's row (a practitioner who left or moved is there for
	 * the cases they held).
	 */
	private List<Row> practitionerRows(String team, List<Column> columns, Month data, YearMonth month, String period) {
		Map<String, Map<String, long[]>> byStaff = new java.util.TreeMap<>();
		Map<String, String> names = new HashMap<>();
		this.jdbc.sql("""
				select c.staff_code, coalesce(s.forename || ' ' || s.surname, c.staff_code) as name, c.measure_code,
				       sum(c.numerator) as n, sum(c.denominator) as d
				from measure_cell c left join estate_staff s on s.staff_code = c.staff_code
				where c.team_code = :team and c.month = :month
				group by c.staff_code, s.forename, s.surname, c.measure_code
				""").param("team", team).param("month", month.atDay(1)).query((rs) -> {
			String staff = rs.getString("staff_code").strip();
			names.put(staff, rs.getString("name"));
			byStaff.computeIfAbsent(staff, (k) -> new HashMap<>())
				.put(rs.getString("measure_code"), new long[] { rs.getLong("n"), rs.getLong("d") });
		});
		List<Row> rows = new ArrayList<>();
		byStaff.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(names::get))).forEach((e) -> {
			List<Cell> cells = new ArrayList<>(columns.size());
			for (Column c : columns) {
				cells.add(cell(c.code(), e.getValue().getOrDefault(c.code(), new long[2]),
						data.targets().on(c.code(), month.atDay(1)),
						"/measures/" + c.code() + "?period=" + period + "&staff=" + e.getKey()));
			}
			rows.add(new Row(e.getKey(), names.get(e.getKey()), "PRACTITIONER", cells));
		});
		return rows;
	}

	private Row ownRow(String staff, List<Column> columns, Month data, YearMonth month, String period) {
		Map<String, long[]> totals = new HashMap<>();
		this.jdbc.sql("""
				select measure_code, numerator, denominator from measure_staff_result
				where staff_code = :staff and month = :month
				""").param("staff", staff).param("month", month.atDay(1)).query((rs) -> {
			totals.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) });
		});
		String name = this.jdbc.sql("select forename || ' ' || surname from estate_staff where staff_code = :staff")
			.param("staff", staff)
			.query(String.class)
			.optional()
			.orElse(staff);
		List<Cell> cells = new ArrayList<>(columns.size());
		for (Column c : columns) {
			cells.add(cell(c.code(), totals.getOrDefault(c.code(), new long[2]),
					data.targets().on(c.code(), month.atDay(1)),
					"/measures/" + c.code() + "?period=" + period + "&staff=" + staff));
		}
		return new Row(staff, name, "PRACTITIONER", cells);
	}

	private static Cell cell(String measure, long[] totals, Target target, String link) {
		Assessment a = Assessment.of(totals[0], totals[1], target.target(), target.trigger());
		return new Cell(a.rag().word(), ResultView.ragClass(a.rag()),
				(a.performance() != null) ? Format.percent(a.performance(), "") : "", link);
	}

	/** The flags raised for the month on units and practitioners the user may see. */
	private long flags(CurrentUser user, YearMonth month) {
		Set<String> units = this.visibility.visibleUnits(user);
		if (user.scope() instanceof DataScope.Everything) {
			return this.jdbc.sql("select count(*) from measure_flag where month = :month")
				.param("month", month.atDay(1))
				.query(Long.class)
				.single();
		}
		if (user.scope() instanceof DataScope.Practitioner p) {
			return this.jdbc.sql("select count(*) from measure_flag where month = :month and staff_code = :staff")
				.param("month", month.atDay(1))
				.param("staff", p.staffCode())
				.query(Long.class)
				.single();
		}
		if (units == null || units.isEmpty()) {
			return 0;
		}
		// as the flags page shows them: a unit's flag to whoever sees the unit, a
		// practitioner's to whoever sees their figures (staff of the units, or who held
		// cases there)
		return this.jdbc.sql("""
				select count(*) from measure_flag f
				where f.month = :month
				  and (f.unit_code = any (cast(:units as text[]))
				       or exists (select 1 from estate_staff s where s.staff_code = f.staff_code
				                  and s.team_code = any (cast(:units as text[])))
				       or exists (select 1 from measure_cell c where c.staff_code = f.staff_code
				                  and c.team_code = any (cast(:units as text[]))))
				""")
			.param("month", month.atDay(1))
			.param("units", units.toArray(String[]::new), Types.ARRAY)
			.query(Long.class)
			.single();
	}

	private long version() {
		return this.results.version();
	}

}
