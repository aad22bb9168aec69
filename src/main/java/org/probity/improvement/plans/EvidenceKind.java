package org.probity.improvement.plans;

/**
 * What a progress update links to: an audit (its id), a measure result (measure, period
 * and unit, e.g. {@code SL001R:2026-09:N54T03}) or a document (a link).
 */
public enum EvidenceKind {

	AUDIT, MEASURE_RESULT, DOCUMENT

}
