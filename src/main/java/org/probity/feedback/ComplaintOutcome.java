package org.probity.feedback;

/** The outcome of a stage 1 response or of an appeal (feedback.md). */
public enum ComplaintOutcome {

	UPHELD, PARTLY_UPHELD, NOT_UPHELD, WITHDRAWN;

	/** Upheld in whole or in part: the complaint raises an improvement action. */
	boolean raisesAction() {
		return this == UPHELD || this == PARTLY_UPHELD;
	}

}
