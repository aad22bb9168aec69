package org.probity.improvement.projects;

import java.util.Map;

import org.probity.accounts.CurrentUser;
import org.probity.accounts.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every decision of improvement projects on who sees what, in one class so that it can
 * call the estate's visibility rule once that exists. A project is seen by whoever may
 * see its unit: the quality team, administrators and API clients every unit, senior and
 * line managers their unit and the units below it; practitioners no project (a project's
 * figures are a unit's, not a caseload's). Those who see a project may work on it, except
 * practitioners.
 */
@Component
class ProjectScope {

	/** An SQL condition on a project aliased {@code p}, with its named parameters. */
	record Filter(String sql, Map<String, Object> params) {
	}

	private final JdbcClient jdbc;

	ProjectScope(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean maySeeUnit(CurrentUser user, String unitCode) {
		return switch (user.scope()) {
			case DataScope.Everything e -> true;
			case DataScope.Unit u -> this.jdbc.sql("""
					select exists (select 1 from unit_ancestry where unit_code = :unit and ancestor_code = :ancestor)
					""").param("unit", unitCode).param("ancestor", u.unitCode()).query(Boolean.class).single();
			case DataScope.Practitioner p -> false;
			case DataScope.Nothing n -> false;
		};
	}

	Filter projects(CurrentUser user) {
		return switch (user.scope()) {
			case DataScope.Everything e -> new Filter("true", Map.of());
			case DataScope.Unit u ->
				new Filter("p.unit_code in (select unit_code from unit_ancestry where ancestor_code = :scope_unit)",
						Map.of("scope_unit", u.unitCode()));
			case DataScope.Practitioner p -> new Filter("false", Map.of());
			case DataScope.Nothing n -> new Filter("false", Map.of());
		};
	}

	boolean mayWorkOn(CurrentUser user) {
		return switch (user.role()) {
			case ADMIN, QUALITY_TEAM, API_CLIENT, SENIOR_MANAGER, LINE_MANAGER -> true;
			case PRACTITIONER -> false;
		};
	}

}
