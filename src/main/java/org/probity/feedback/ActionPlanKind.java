package org.probity.feedback;

/**
 * The plans feedback raises actions in: the unit's site development plan for complaints,
 * a service improvement or quality development plan for a survey round or meeting.
 */
public enum ActionPlanKind {

	SITE_DEVELOPMENT, SERVICE_IMPROVEMENT, QUALITY_DEVELOPMENT

}
