package org.probity.improvement.plans;

import java.util.Map;

import org.probity.accounts.CurrentUser;
import org.probity.accounts.DataScope;

/**
 * Every decision of the improvement module on who sees which plans, actions and risks, in
 * one class so that it can call the estate's visibility rule once that exists.
 * <p>
 * The quality team, administrators and API clients see every plan. Senior and line
 * managers see the plans of their unit and the units below it, and the actions whose unit
 * is there. A practitioner sees the actions they own by name and the plans that hold
 * them. Everyone sees the actions they own by name.
 */
public final class PlanScope {

	/** An SQL condition with its named parameters. */
	public record Filter(String sql, Map<String, Object> params) {
	}

	private PlanScope() {
	}

	/** A condition on a plan aliased {@code p}. */
	public static Filter plans(CurrentUser user) {
		return switch (user.scope()) {
			case DataScope.Everything e -> new Filter("true", Map.of());
			case DataScope.Unit u -> new Filter(
					"""
							(p.unit_code in (select unit_code from unit_ancestry where ancestor_code = :scope_unit)
							 or exists (select 1 from improvement_action sa where sa.plan_id = p.plan_id
							            and (sa.unit_code in (select unit_code from unit_ancestry where ancestor_code = :scope_unit)
							                 or sa.owner_staff = cast(:scope_staff as text))))
							""",
					params(u.unitCode(), user.staffCode()));
			case DataScope.Practitioner s -> new Filter("""
					(p.owner_staff = :scope_staff or exists (select 1 from improvement_action sa
					 where sa.plan_id = p.plan_id and sa.owner_staff = :scope_staff))
					""", params(null, s.staffCode()));
			case DataScope.Nothing n -> new Filter("false", Map.of());
		};
	}

	/** A condition on an action aliased {@code a} (of a plan aliased {@code p}). */
	public static Filter actions(CurrentUser user) {
		return switch (user.scope()) {
			case DataScope.Everything e -> new Filter("true", Map.of());
			case DataScope.Unit u -> new Filter("""
					(a.unit_code in (select unit_code from unit_ancestry where ancestor_code = :scope_unit)
					 or p.unit_code in (select unit_code from unit_ancestry where ancestor_code = :scope_unit)
					 or a.owner_staff = cast(:scope_staff as text))
					""", params(u.unitCode(), user.staffCode()));
			case DataScope.Practitioner s -> new Filter("a.owner_staff = :scope_staff", params(null, s.staffCode()));
			case DataScope.Nothing n -> new Filter("false", Map.of());
		};
	}

	/** Whether the user may create, archive and change plans and actions at all. */
	public static boolean mayManage(CurrentUser user) {
		return switch (user.role()) {
			case ADMIN, QUALITY_TEAM, API_CLIENT, SENIOR_MANAGER, LINE_MANAGER -> true;
			case PRACTITIONER -> false;
		};
	}

	/**
	 * Whether the user may create a plan for the unit: anyone who sees everything, and
	 * managers for their unit and the units below it.
	 * @param unitAndAncestors the unit's code and the codes of every unit above it
	 */
	public static boolean mayCreateFor(CurrentUser user, java.util.Collection<String> unitAndAncestors) {
		if (!mayManage(user)) {
			return false;
		}
		return switch (user.scope()) {
			case DataScope.Everything e -> true;
			case DataScope.Unit u -> unitAndAncestors.contains(u.unitCode());
			default -> false;
		};
	}

	/**
	 * Whether the user may see the whole register of every plan (the committee report).
	 */
	public static boolean seesEverything(CurrentUser user) {
		return user.scope() instanceof DataScope.Everything;
	}

	private static Map<String, Object> params(String unit, String staff) {
		java.util.HashMap<String, Object> params = new java.util.HashMap<>();
		if (unit != null) {
			params.put("scope_unit", unit);
		}
		params.put("scope_staff", staff);
		return params;
	}

}
