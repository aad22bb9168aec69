package org.probity.improvement.plans;

/**
 * Marks the improvement module's JSON controllers, whose errors {@link PlansApiErrors}
 * writes.
 */
public interface ImprovementApi {

}
