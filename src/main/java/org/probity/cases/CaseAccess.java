package org.probity.cases;

import java.util.Optional;

import org.probity.accounts.CurrentUser;
import org.probity.accounts.DataScope;
import org.probity.accounts.Role;
import org.probity.shared.Crn;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decides who may open which case.
 * <ul>
 * <li>Scope: the quality team and administrators reach every case; line and senior
 * managers the cases with an event in a team at or below their unit; a practitioner the
 * cases where they are responsible officer of an event (any event of the person, active
 * or not: the case stays theirs to look back on). API clients have no case pages.</li>
 * <li>Restriction: a restricted (limited-access) case opens only for the quality team and
 * for staff on the case, that is the responsible officer of any of the person's events.
 * Administrators may not open one: administering the system is not case work, and a
 * limited-access marker exists precisely to keep such cases from everyone without a case
 * work reason.</li>
 * </ul>
 */
@Component
class CaseAccess {

	private final JdbcClient jdbc;

	CaseAccess(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	enum Decision {

		OPEN, RESTRICTED, OUT_OF_SCOPE, NOT_FOUND

	}

	/** The facts about a case that the decision turns on. */
	record Facts(boolean restricted, boolean staffOnCase, boolean inUnit) {
	}

	Decision decide(Crn crn, CurrentUser user) {
		return facts(crn, user).map((facts) -> decide(facts, user)).orElse(Decision.NOT_FOUND);
	}

	static Decision decide(Facts facts, CurrentUser user) {
		if (!inScope(facts, user)) {
			return Decision.OUT_OF_SCOPE;
		}
		if (facts.restricted() && !(user.mayOpenAnyRestrictedCase() || facts.staffOnCase())) {
			return Decision.RESTRICTED;
		}
		return Decision.OPEN;
	}

	private static boolean inScope(Facts facts, CurrentUser user) {
		if (user.role() == Role.API_CLIENT) {
			return false;
		}
		return switch (user.scope()) {
			case DataScope.Everything everything -> true;
			case DataScope.Unit unit -> facts.inUnit();
			case DataScope.Practitioner practitioner -> facts.staffOnCase();
			case DataScope.Nothing nothing -> false;
		};
	}

	private Optional<Facts> facts(Crn crn, CurrentUser user) {
		return this.jdbc
			.sql("""
					select p.restricted,
					       exists (select 1 from event e where e.crn = p.crn and e.staff_code = :staffCode) as staff_on_case,
					       exists (select 1 from event e join unit_ancestry a on a.unit_code = e.team_code
					               where e.crn = p.crn and a.ancestor_code = :unitCode) as in_unit
					from person p where p.crn = :crn
					""")
			.param("crn", crn.value())
			.param("staffCode", user.staffCode(), java.sql.Types.VARCHAR)
			.param("unitCode", user.unitCode(), java.sql.Types.VARCHAR)
			.query((rs, n) -> new Facts(rs.getBoolean("restricted"), rs.getBoolean("staff_on_case"),
					rs.getBoolean("in_unit")))
			.optional();
	}

}
