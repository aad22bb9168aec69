package org.probity.improvement;

/** Where an action came from; kept so that a reader can go back to the evidence. */
public enum SourceKind {

	ALERT, AUDIT_FINDING, MEASURE_FLAG, RECOMMENDATION, MANUAL, COMPLAINT, SURVEY, PROJECT

}
