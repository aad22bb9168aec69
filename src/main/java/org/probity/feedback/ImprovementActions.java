package org.probity.feedback;

import java.time.LocalDate;
import java.util.Optional;

import org.probity.improvement.ActionSource;
import org.probity.improvement.Improvement;
import org.probity.improvement.PlanKind;
import org.probity.improvement.RaiseAction;
import org.probity.shared.UnitCode;

import org.springframework.stereotype.Component;

/**
 * Feedback's actions raised through the improvement module's facade, in the unit's
 * standing plan of the kind asked for; the facade raises one action per source.
 */
@Component
class ImprovementActions implements FeedbackActions {

	private final Improvement improvement;

	ImprovementActions(Improvement improvement) {
		this.improvement = improvement;
	}

	@Override
	public Optional<Long> raise(ActionPlanKind plan, UnitCode unit, SourceKind source, String ref, String description,
			String ownerRole, LocalDate targetDate) {
		org.probity.improvement.SourceKind kind = (source == SourceKind.COMPLAINT)
				? org.probity.improvement.SourceKind.COMPLAINT : org.probity.improvement.SourceKind.SURVEY;
		return Optional.of(this.improvement.raiseAction(new RaiseAction(PlanKind.valueOf(plan.name()), unit,
				new ActionSource(kind, ref), description, ownerRole, null, targetDate)));
	}

}
