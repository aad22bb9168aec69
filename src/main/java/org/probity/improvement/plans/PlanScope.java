package org.probity.improvement.plans;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.probity.accounts.CurrentUser;
import org.probity.accounts.DataScope;
import org.probity.estate.Visibility;
import org.probity.shared.Crn;
import org.probity.shared.UnitCode;

import org.springframework.stereotype.Component;

/**
 * Every decision of the improvement module on who sees which plans, actions and risks, in
 * one place, over the estate's one visibility rule.
 * <p>
 * Whoever sees every unit (quality team, administrators, API clients) sees every plan.
 * Senior and line managers see the plans of the units they see and the actions whose unit
 * is one of them. A practitioner sees the actions they own by name and the plans that
 * hold them. Everyone sees the actions they own by name.
 */
@Component
public class PlanScope {

	/** An SQL condition with its named parameters. */
	public record Filter(String sql, Map<String, Object> params) {

		/** No condition at all: the user sees every plan, action and risk. */
		public boolean everything() {
			return "true".equals(this.sql);
		}

	}

	private final Visibility visibility;

	PlanScope(Visibility visibility) {
		this.visibility = visibility;
	}

	/** A CRN as action descriptions name it ("... the alert on CRN X123456"). */
	private static final java.util.regex.Pattern CRN = java.util.regex.Pattern
		.compile("(?<![A-Z0-9])[A-Z][0-9]{6}(?![0-9])");

	/**
	 * The actions as the user may see them: one that names a restricted case the user may
	 * not open says so in place of its description (the visibility rule), and the cases
	 * the actions name are written to the access log.
	 */
	public List<ActionView> shown(CurrentUser user, String shownIn, List<ActionView> actions) {
		java.util.Set<String> named = new java.util.LinkedHashSet<>();
		for (ActionView a : actions) {
			CRN.matcher((a.description() != null) ? a.description() : "")
				.results()
				.forEach((m) -> named.add(m.group()));
		}
		if (named.isEmpty()) {
			return actions;
		}
		java.util.Set<String> restricted = this.visibility.restrictedAmong(user, named.stream().map(Crn::new).toList());
		this.visibility.logCases(user, shownIn,
				named.stream().filter((c) -> !restricted.contains(c)).map(Crn::new).toList(),
				restricted.stream().map(Crn::new).toList());
		if (restricted.isEmpty()) {
			return actions;
		}
		return actions.stream()
			.map((a) -> CRN.matcher((a.description() != null) ? a.description() : "")
				.results()
				.anyMatch((m) -> restricted.contains(m.group())) ? a.restricted() : a)
			.toList();
	}

	/** A condition on a plan aliased {@code p}. */
	public Filter plans(CurrentUser user) {
		if (this.visibility.seesEveryUnit(user)) {
			return new Filter("true", Map.of());
		}
		Map<String, Object> params = params(user);
		return new Filter("""
				(p.unit_code = any (cast(:scope_units as text[]))
				 or exists (select 1 from improvement_action sa where sa.plan_id = p.plan_id
				            and (sa.unit_code = any (cast(:scope_units as text[]))
				                 or sa.owner_staff = cast(:scope_staff as text))))
				""", params);
	}

	/** A condition on an action aliased {@code a} (of a plan aliased {@code p}). */
	public Filter actions(CurrentUser user) {
		if (this.visibility.seesEveryUnit(user)) {
			return new Filter("true", Map.of());
		}
		return new Filter("""
				(a.unit_code = any (cast(:scope_units as text[])) or p.unit_code = any (cast(:scope_units as text[]))
				 or a.owner_staff = cast(:scope_staff as text))
				""", params(user));
	}

	/**
	 * Whether the user sees every plan, action and risk (and so the committee report).
	 */
	public boolean seesEverything(CurrentUser user) {
		return this.visibility.seesEveryUnit(user);
	}

	/**
	 * Whether the user may create a plan for the unit: managers of the units they see and
	 * whoever sees every unit; practitioners do not.
	 */
	public boolean mayCreateFor(CurrentUser user, UnitCode unit) {
		return mayManage(user) && this.visibility.maySeeUnit(user, unit);
	}

	/** Whether the user's role creates, archives and imports plans at all. */
	public static boolean mayManage(CurrentUser user) {
		return switch (user.role()) {
			case ADMIN, QUALITY_TEAM, API_CLIENT, SENIOR_MANAGER, LINE_MANAGER -> true;
			case PRACTITIONER, METRICS, SUBJECT_ACCESS -> false;
		};
	}

	private Map<String, Object> params(CurrentUser user) {
		Map<String, Object> params = new HashMap<>();
		java.util.Set<String> units = this.visibility.visibleUnits(user);
		params.put("scope_units", (units != null) ? units.toArray(String[]::new) : new String[0]);
		params.put("scope_staff",
				(user.scope() instanceof DataScope.Practitioner p) ? p.staffCode() : user.staffCode());
		return params;
	}

}
