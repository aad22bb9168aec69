package org.probity.improvement.spc;

/** Whether a month is before the change (the baseline) or from the change month on. */
public enum Phase {

	BASELINE, AFTER

}
