package org.probity.feedback;

import java.time.LocalDate;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Stands in for the improvement module's facade until it is on this branch: raises
 * nothing, so a complaint's action_id stays null. Replaced by one class calling
 * {@code Improvement#raiseAction} at merge.
 */
@Component
class UnplannedActions implements FeedbackActions {

	private static final Logger log = LoggerFactory.getLogger(UnplannedActions.class);

	@Override
	public Optional<Long> raise(ActionPlanKind plan, String unitCode, SourceKind source, String ref, String description,
			String ownerRole, LocalDate targetDate) {
		log.info("No improvement module yet: action for {} {} not raised", source, ref);
		return Optional.empty();
	}

}
