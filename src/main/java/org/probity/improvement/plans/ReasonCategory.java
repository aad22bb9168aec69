package org.probity.improvement.plans;

/** Why a recommendation is only partly agreed or not agreed. */
public enum ReasonCategory {

	COMMISSIONING, POLICY, OPERATIONAL, AFFORDABILITY

}
