package org.probity.improvement.spc;

/**
 * Whether the months after a change signal: {@code IMPROVED} when some month is an
 * improvement and none a concern, {@code WORSE} the other way round, {@code MIXED} when
 * both occur, {@code NO_CHANGE} when neither.
 */
public enum Verdict {

	IMPROVED, WORSE, MIXED, NO_CHANGE;

	static Verdict of(boolean improvement, boolean concern) {
		if (improvement && concern) {
			return MIXED;
		}
		if (improvement) {
			return IMPROVED;
		}
		return concern ? WORSE : NO_CHANGE;
	}

}
