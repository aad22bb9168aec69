package org.probity.improvement;

/**
 * The kinds of plan of improvement.md; each shares the same recommendations and actions.
 */
public enum PlanKind {

	INSPECTION_RESPONSE("Inspection response"), SITE_DEVELOPMENT("Site development plan"),
	QUALITY_DEVELOPMENT("Quality development plan"), STRATEGIC_PRIORITIES("Strategic priorities action plan"),
	RISK_ASSURANCE("Risk assurance plan"), SERVICE_IMPROVEMENT("Service improvement plan");

	private final String label;

	PlanKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
