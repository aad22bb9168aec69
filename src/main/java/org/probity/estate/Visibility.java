package org.probity.estate;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.probity.accounts.CaseAccessLog;
import org.probity.accounts.CurrentUser;
import org.probity.accounts.DataScope;
import org.probity.accounts.Role;
import org.probity.shared.Crn;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one rule for what a person may see: units, staff and cases. Every page, export,
 * report, API response and home-page panel of every module asks it; no module works out
 * scope by itself.
 * <ul>
 * <li><b>Units.</b> The quality team, administrators and API clients see every unit; a
 * senior or line manager the unit on their account and every unit under it (an LDU or
 * region for a senior manager, their team for a line manager); a practitioner no unit,
 * only their own caseload.</li>
 * <li><b>Staff figures.</b> A manager sees the figures of the staff of their units and of
 * staff who held cases there, but only for the cases held in those units; a practitioner
 * their own.</li>
 * <li><b>Personnel records</b> (performance ratings, improvement plans): the member of
 * staff themselves, and the line and senior managers of the units above their team;
 * nobody else, not the quality team nor administrators.</li>
 * <li><b>Cases.</b> A case row (a person, and the team and practitioner it counts for) is
 * in scope for everyone who sees every unit, for a manager when its team is one of
 * theirs, for a practitioner when it is theirs. A person (no row) is in scope when one of
 * their events is. A restricted (limited-access) case in scope opens only for the quality
 * team and for staff on the case (the responsible officer of any of the person's events);
 * anyone else sees one row that says "restricted case", with its CRN and nothing else, so
 * that counts still add up.</li>
 * </ul>
 * Case facts come from the views the cases module publishes ({@code case_event_holder},
 * {@code case_restriction}).
 */
@Service
public class Visibility {

	/** What a user gets when they ask for one case. */
	public enum CaseDecision {

		OPEN, RESTRICTED, OUT_OF_SCOPE, NOT_FOUND

	}

	/**
	 * A case as a list holds it: the person, and the team and practitioner the row counts
	 * for (both null for a list of people rather than of rows).
	 */
	public record Holding(Crn crn, UnitCode teamCode, StaffCode staffCode) {

		/**
		 * A holding from the text of a row (a list's SQL or stored content): null stays
		 * null, and the codes are read without the padding of their columns.
		 */
		public static Holding of(String crn, String teamCode, String staffCode) {
			return new Holding((crn != null) ? new Crn(crn) : null,
					(teamCode != null) ? new UnitCode(teamCode.strip()) : null,
					(staffCode != null) ? new StaffCode(staffCode.strip()) : null);
		}

	}

	/** A row the user may see; {@code restricted} rows show "restricted case" only. */
	public record Shown<T>(T row, boolean restricted) {
	}

	/** SQL text with the named parameters it needs. */
	public record Sql(String text, Map<String, Object> params) {

		public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
			JdbcClient.StatementSpec bound = spec;
			for (Map.Entry<String, Object> p : this.params.entrySet()) {
				bound = (p.getValue() == null) ? bound.param(p.getKey(), null, Types.VARCHAR)
						: bound.param(p.getKey(), p.getValue());
			}
			return bound;
		}

	}

	private final JdbcClient jdbc;

	private final CaseAccessLog log;

	Visibility(JdbcClient jdbc, CaseAccessLog log) {
		this.jdbc = jdbc;
		this.log = log;
	}

	/** Whether the user sees every unit of the estate. */
	public boolean seesEveryUnit(CurrentUser user) {
		return user.scope() instanceof DataScope.Everything;
	}

	/**
	 * The unit under which the user sees every unit, or null when they see them all or
	 * none ({@link #seesEveryUnit} tells which).
	 */
	public UnitCode unitRoot(CurrentUser user) {
		return (user.scope() instanceof DataScope.Unit unit) ? new UnitCode(unit.unitCode()) : null;
	}

	/** The codes of every unit the user sees (null when they see every unit). */
	@Transactional(readOnly = true)
	public Set<String> visibleUnits(CurrentUser user) {
		return switch (user.scope()) {
			case DataScope.Everything e -> null;
			case DataScope.Unit u ->
				new HashSet<>(this.jdbc.sql("select unit_code from unit_ancestry where ancestor_code = :unit")
					.param("unit", u.unitCode())
					.query(String.class)
					.list());
			case DataScope.Practitioner p -> Set.of();
			case DataScope.Nothing n -> Set.of();
		};
	}

	@Transactional(readOnly = true)
	public boolean maySeeUnit(CurrentUser user, UnitCode unit) {
		return switch (user.scope()) {
			case DataScope.Everything e -> true;
			case DataScope.Unit u -> this.jdbc.sql("""
					select exists (select 1 from unit_ancestry where unit_code = :unit and ancestor_code = :root)
					""").param("unit", unit.value()).param("root", u.unitCode()).query(Boolean.class).single();
			case DataScope.Practitioner p -> false;
			case DataScope.Nothing n -> false;
		};
	}

	/**
	 * Whether the user may see a member of staff's figures (for a manager, only those of
	 * the cases held in their units: see {@link #visibleUnits}).
	 */
	@Transactional(readOnly = true)
	public boolean maySeeStaff(CurrentUser user, StaffCode staff) {
		return switch (user.scope()) {
			case DataScope.Everything e -> true;
			case DataScope.Unit u -> this.jdbc.sql("""
					select exists (select 1 from staff s join unit_ancestry a on a.unit_code = s.team_code
					               where s.staff_code = :staff and a.ancestor_code = :root)
					    or exists (select 1 from case_event_holder h join unit_ancestry a on a.unit_code = h.team_code
					               where h.staff_code = :staff and a.ancestor_code = :root)
					""").param("staff", staff.value()).param("root", u.unitCode()).query(Boolean.class).single();
			case DataScope.Practitioner p -> p.staffCode().equals(staff.value());
			case DataScope.Nothing n -> false;
		};
	}

	/**
	 * Whether the user may see a member of staff's personnel record: themselves, and the
	 * line and senior managers of the units above the staff member's team.
	 */
	@Transactional(readOnly = true)
	public boolean maySeePersonnel(CurrentUser user, StaffCode staff) {
		if (staff.value().equals(user.staffCode())) {
			return true;
		}
		if ((user.role() != Role.LINE_MANAGER && user.role() != Role.SENIOR_MANAGER) || user.unitCode() == null) {
			return false;
		}
		return this.jdbc.sql("""
				select exists (select 1 from staff s join unit_ancestry a on a.unit_code = s.team_code
				               where s.staff_code = :staff and a.ancestor_code = :root)
				""").param("staff", staff.value()).param("root", user.unitCode()).query(Boolean.class).single();
	}

	/** What the user gets when they open one case; nothing is logged here. */
	@Transactional(readOnly = true)
	public CaseDecision decide(CurrentUser user, Crn crn) {
		record Facts(boolean restricted, boolean staffOnCase, boolean inUnit) {
		}
		Facts facts = this.jdbc
			.sql("""
					select r.restricted,
					       exists (select 1 from case_event_holder h where h.crn = r.crn and h.staff_code = :staff) as staff_on_case,
					       exists (select 1 from case_event_holder h join unit_ancestry a on a.unit_code = h.team_code
					               where h.crn = r.crn and a.ancestor_code = :root) as in_unit
					from case_restriction r where r.crn = :crn
					""")
			.param("crn", crn.value())
			.param("staff", user.staffCode(), Types.VARCHAR)
			.param("root", user.unitCode(), Types.VARCHAR)
			.query((rs, n) -> new Facts(rs.getBoolean("restricted"), rs.getBoolean("staff_on_case"),
					rs.getBoolean("in_unit")))
			.optional()
			.orElse(null);
		if (facts == null) {
			return CaseDecision.NOT_FOUND;
		}
		boolean inScope = switch (user.scope()) {
			case DataScope.Everything e -> true;
			case DataScope.Unit u -> facts.inUnit();
			case DataScope.Practitioner p -> facts.staffOnCase();
			case DataScope.Nothing n -> false;
		};
		if (!inScope) {
			return CaseDecision.OUT_OF_SCOPE;
		}
		if (facts.restricted() && !(user.mayOpenAnyRestrictedCase() || facts.staffOnCase())) {
			return CaseDecision.RESTRICTED;
		}
		return CaseDecision.OPEN;
	}

	/** Whether {@link #decide} would open the case. */
	@Transactional(readOnly = true)
	public boolean mayOpen(CurrentUser user, Crn crn) {
		return decide(user, crn) == CaseDecision.OPEN;
	}

	/**
	 * The rows of a list that the user may see, in their order: rows out of scope are
	 * left out, rows of restricted cases the user may not open are marked. Nothing is
	 * logged: a response that shows the rows logs them with {@link #logShown}.
	 */
	@Transactional(readOnly = true)
	public <T> List<Shown<T>> filter(CurrentUser user, List<T> rows, Function<T, Holding> holding) {
		if (rows.isEmpty()) {
			return List.of();
		}
		DataScope scope = user.scope();
		if (scope instanceof DataScope.Nothing) {
			return List.of();
		}
		Set<String> units = visibleUnits(user);
		Map<String, Boolean> restricted = restrictedCases(user);
		Set<Crn> personsInScope = personsInScope(user, rows, holding);
		List<Shown<T>> shown = new ArrayList<>(rows.size());
		for (T row : rows) {
			Holding h = holding.apply(row);
			boolean inScope = switch (scope) {
				case DataScope.Everything e -> true;
				case DataScope.Unit u ->
					(h.teamCode() != null) ? units.contains(h.teamCode().value()) : personsInScope.contains(h.crn());
				case DataScope.Practitioner p -> (h.staffCode() != null) ? p.staffCode().equals(h.staffCode().value())
						: personsInScope.contains(h.crn());
				case DataScope.Nothing n -> false;
			};
			if (inScope) {
				Boolean staffOnCase = (h.crn() != null) ? restricted.get(h.crn().value()) : null;
				boolean hidden = staffOnCase != null && !(user.mayOpenAnyRestrictedCase() || staffOnCase);
				shown.add(new Shown<>(row, hidden));
			}
		}
		return shown;
	}

	/**
	 * The cases among these that the user may see only as "restricted case": restricted,
	 * and the user neither opens every restricted case nor is on it. For lists whose
	 * scope is decided by their role (audit programmes, samples).
	 */
	@Transactional(readOnly = true)
	public Set<String> restrictedAmong(CurrentUser user, Collection<Crn> crns) {
		if (user.mayOpenAnyRestrictedCase() || crns.isEmpty()) {
			return Set.of();
		}
		Map<String, Boolean> restricted = restrictedCases(user);
		Set<String> hidden = new HashSet<>();
		for (Crn crn : crns) {
			if (crn != null && Boolean.FALSE.equals(restricted.get(crn.value()))) {
				hidden.add(crn.value());
			}
		}
		return hidden;
	}

	/**
	 * The restricted cases among these, whoever reads: for content frozen once for every
	 * reader and recipient (scheduled reports), which shows each of them as "restricted
	 * case" only, as this rule shows it to anyone who may not open it.
	 */
	@Transactional(readOnly = true)
	public Set<String> restrictedForEveryReader(Collection<Crn> crns) {
		if (crns.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc
			.sql("select crn from case_restriction where restricted and crn = any (cast(:crns as text[]))")
			.param("crns",
					crns.stream().filter(java.util.Objects::nonNull).map(Crn::value).distinct().toArray(String[]::new))
			.query(String.class)
			.list());
	}

	/**
	 * Writes one entry in the case access log naming every case the response shows in
	 * full ({@code shown}: the page or export), and one refusal naming those it showed
	 * only as restricted.
	 */
	public <T> void logShown(CurrentUser user, String shown, List<Shown<T>> rows, Function<T, Holding> holding) {
		List<Crn> opened = new ArrayList<>();
		List<Crn> refused = new ArrayList<>();
		for (Shown<T> row : rows) {
			(row.restricted() ? refused : opened).add(holding.apply(row.row()).crn());
		}
		logCases(user, shown, opened, refused);
	}

	/** The same for a response that names its cases itself. */
	public void logCases(CurrentUser user, String shown, Collection<Crn> opened, Collection<Crn> refused) {
		if (!opened.isEmpty()) {
			this.log.recordList(user.getUsername(), shown, crns(opened), CaseAccessLog.Outcome.LISTED);
		}
		if (!refused.isEmpty()) {
			this.log.recordList(user.getUsername(), shown, crns(refused), CaseAccessLog.Outcome.REFUSED_RESTRICTED);
		}
	}

	/** Each case once, in the order of the list. */
	private static List<Crn> crns(Collection<Crn> crns) {
		return List.copyOf(new java.util.LinkedHashSet<>(crns));
	}

	/**
	 * A condition on a row with a team and a practitioner column: whether the user's
	 * scope covers it, for lists filtered in SQL. Parameters are named {@code vis_*}.
	 */
	@Transactional(readOnly = true)
	public Sql rowsInScope(CurrentUser user, String teamColumn, String staffColumn) {
		Map<String, Object> params = new HashMap<>();
		String text = switch (user.scope()) {
			case DataScope.Everything e -> "true";
			case DataScope.Unit u -> {
				params.put("vis_units", visibleUnits(user).toArray(String[]::new));
				yield teamColumn + " = any (cast(:vis_units as text[]))";
			}
			case DataScope.Practitioner p -> {
				params.put("vis_staff", p.staffCode());
				yield staffColumn + " = :vis_staff";
			}
			case DataScope.Nothing n -> "false";
		};
		return new Sql(text, params);
	}

	/**
	 * A query of the CRNs of the people the user's scope covers (one of their events is
	 * in scope), for lists of people filtered in SQL.
	 */
	@Transactional(readOnly = true)
	public Sql peopleInScope(CurrentUser user) {
		if (user.scope() instanceof DataScope.Everything) {
			return new Sql("select crn from case_restriction", Map.of());
		}
		Sql rows = rowsInScope(user, "h.team_code", "h.staff_code");
		return new Sql("select distinct h.crn from case_event_holder h where " + rows.text(), rows.params());
	}

	/**
	 * A condition, for a person in scope whose CRN is in {@code crnColumn} and whose
	 * restriction is {@code restricted} (a column or an expression), that the user may
	 * open their case: not restricted, or the user may open restricted cases or is on the
	 * case.
	 */
	public Sql mayOpenCase(CurrentUser user, String crnColumn, String restricted) {
		Map<String, Object> params = new HashMap<>();
		params.put("vis_any_restricted", user.mayOpenAnyRestrictedCase());
		params.put("vis_own_staff", user.staffCode());
		return new Sql(
				"""
						(not %2$s or :vis_any_restricted
						 or exists (select 1 from case_event_holder vh where vh.crn = %1$s and vh.staff_code = :vis_own_staff))"""
					.formatted(crnColumn, restricted),
				params);
	}

	/** Restricted cases, each with whether the user is on it. */
	private Map<String, Boolean> restrictedCases(CurrentUser user) {
		Map<String, Boolean> restricted = new HashMap<>();
		this.jdbc
			.sql("""
					select r.crn, exists (select 1 from case_event_holder h where h.crn = r.crn and h.staff_code = :staff) as on_case
					from case_restriction r where r.restricted
					""")
			.param("staff", user.staffCode(), Types.VARCHAR)
			.query((rs, n) -> restricted.put(rs.getString("crn"), rs.getBoolean("on_case")))
			.list();
		return restricted;
	}

	/**
	 * The people among rows without a team or practitioner that the user's scope covers.
	 */
	private <T> Set<Crn> personsInScope(CurrentUser user, List<T> rows, Function<T, Holding> holding) {
		List<String> people = rows.stream()
			.map(holding)
			.filter((h) -> h.teamCode() == null && h.staffCode() == null && h.crn() != null)
			.map((h) -> h.crn().value())
			.distinct()
			.toList();
		if (people.isEmpty() || user.scope() instanceof DataScope.Everything) {
			return Set.of();
		}
		Sql inScope = peopleInScope(user);
		return new HashSet<>(inScope
			.bind(this.jdbc
				.sql("select crn from (" + inScope.text() + ") s where crn = any (cast(:vis_people as char(7)[]))"))
			.param("vis_people", people.toArray(String[]::new))
			.query(String.class)
			.stream()
			.map(Crn::new)
			.toList());
	}

}
