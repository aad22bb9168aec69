package org.probity.improvement.plans;

/**
 * Marks the improvement module's page controllers, whose errors {@link PlanPageErrors}
 * shows.
 */
public interface ImprovementPages {

}
