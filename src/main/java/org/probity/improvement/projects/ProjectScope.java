package org.probity.improvement.projects;

import java.util.Map;

import org.probity.accounts.CurrentUser;
import org.probity.estate.Visibility;
import org.probity.shared.UnitCode;

import org.springframework.stereotype.Component;

/**
 * Every decision of improvement projects on who sees what, asked of the estate's one
 * visibility rule: a project is seen by whoever may see its unit (the quality team,
 * administrators and API clients every unit, senior and line managers their unit and the
 * units below it, practitioners none: a project's figures are a unit's, not a
 * caseload's). Those who see a project may work on it, except practitioners.
 */
@Component
class ProjectScope {

	/** An SQL condition on a project aliased {@code p}, with its named parameters. */
	record Filter(String sql, Map<String, Object> params) {
	}

	private final Visibility visibility;

	ProjectScope(Visibility visibility) {
		this.visibility = visibility;
	}

	boolean maySeeUnit(CurrentUser user, String unitCode) {
		if (unitCode == null || unitCode.isBlank() || unitCode.length() > 12) {
			return false;
		}
		return this.visibility.maySeeUnit(user, new UnitCode(unitCode));
	}

	Filter projects(CurrentUser user) {
		if (this.visibility.seesEveryUnit(user)) {
			return new Filter("true", Map.of());
		}
		UnitCode root = this.visibility.unitRoot(user);
		if (root == null) {
			return new Filter("false", Map.of());
		}
		return new Filter(
				"p.unit_code in (select unit_code from estate_unit_ancestry where ancestor_code = :scope_unit)",
				Map.of("scope_unit", root.value()));
	}

	boolean mayWorkOn(CurrentUser user) {
		return switch (user.role()) {
			case ADMIN, QUALITY_TEAM, API_CLIENT, SENIOR_MANAGER, LINE_MANAGER -> true;
			case PRACTITIONER, METRICS, SUBJECT_ACCESS -> false;
		};
	}

}
