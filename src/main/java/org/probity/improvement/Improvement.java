package org.probity.improvement;

import org.probity.improvement.plans.Actions;
import org.probity.improvement.plans.Plans;
import org.probity.shared.UnitCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The improvement module's facade for other modules: raise an owned, dated action. */
@Service
public class Improvement {

	private final Plans plans;

	private final Actions actions;

	Improvement(Plans plans, Actions actions) {
		this.plans = plans;
		this.actions = actions;
	}

	/**
	 * Raises the action once per source (unique kind+ref): a second call returns the same
	 * id. Creates the unit's plan of that kind when missing.
	 */
	@Transactional
	public long raiseAction(RaiseAction command) {
		return this.actions.raise(this.plans.standingPlan(command.planKind(), command.unit()), command);
	}

	/**
	 * The unit's plan of that kind, created when missing (title e.g. "Site development
	 * plan: <unit name>").
	 */
	@Transactional
	public long planFor(PlanKind kind, UnitCode unit) {
		return this.plans.standingPlan(kind, unit);
	}

}
