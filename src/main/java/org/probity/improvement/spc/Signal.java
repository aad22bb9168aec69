package org.probity.improvement.spc;

/**
 * What a special-cause month means for a measure where higher is better (every measure of
 * version 1).
 */
public enum Signal {

	IMPROVEMENT, CONCERN

}
