package org.probity.feedback;

import java.time.LocalDate;
import java.util.Optional;

import org.probity.shared.UnitCode;

/**
 * Where feedback's actions go: the improvement module's plans. One interface so that the
 * call to its facade is in one place; a source raises its action once (the improvement
 * module is idempotent per source).
 */
interface FeedbackActions {

	enum SourceKind {

		COMPLAINT, SURVEY

	}

	/** The id of the action raised (or already raised for this source), when raised. */
	Optional<Long> raise(ActionPlanKind plan, UnitCode unit, SourceKind source, String ref, String description,
			String ownerRole, LocalDate targetDate);

}
