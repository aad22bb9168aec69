/**
 * Feedback: complaints with their business-day timescales, questionnaires as versioned
 * data, survey rounds with anonymous responses and their results, and the meetings of
 * service-user councils, forums and focus groups; all of them end in improvement actions.
 * Results by self-declared characteristic use the equality module's statistics.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "accounts", "estate", "improvement", "equality" })
package org.probity.feedback;
