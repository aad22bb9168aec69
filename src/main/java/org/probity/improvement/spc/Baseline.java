package org.probity.improvement.spc;

import java.time.YearMonth;

/**
 * The reference of an XmR chart: the months before the change. Mean and limits are null
 * when fewer than 2 months have a value; limits from fewer than 12 values are trial
 * limits.
 *
 * @param from the first baseline month
 * @param to the last baseline month (the month before the change)
 * @param points the baseline months with a value
 * @param mean the mean of those values
 * @param mrBar the mean moving range: the mean of the absolute differences between
 * consecutive values
 * @param upper the upper process limit, mean + 2.66 x MR-bar
 * @param lower the lower process limit, mean - 2.66 x MR-bar
 * @param upper2s the upper two-sigma line, mean + (2/3) x 2.66 x MR-bar
 * @param lower2s the lower two-sigma line, mean - (2/3) x 2.66 x MR-bar
 * @param trial fewer than 12 values
 */
public record Baseline(YearMonth from, YearMonth to, int points, Double mean, Double mrBar, Double upper, Double lower,
		Double upper2s, Double lower2s, boolean trial) {

	/** Fixed limits need this many baseline values; fewer give trial limits. */
	public static final int FIXED_LIMITS_POINTS = 12;

	/** Whether the baseline has enough values for a mean and limits. */
	public boolean hasLimits() {
		return this.mean != null;
	}

}
