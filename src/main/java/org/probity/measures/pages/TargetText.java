package org.probity.measures.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.probity.measures.results.ResultView;
import org.probity.shared.Clocks;
import org.probity.shared.Dates;

/**
 * How the targets pages word a target: the contract's initial values are stored from 1
 * January 2000 (a date before any case data), which a reader should see as "from the
 * start", and a measure without a target is monitored only, not "None".
 */
final class TargetText {

	/** The date the installation's initial contract values are stored from. */
	static final LocalDate START = LocalDate.of(2000, 1, 1);

	private TargetText() {
	}

	static String from(LocalDate effectiveFrom) {
		if (effectiveFrom == null) {
			return "";
		}
		return !effectiveFrom.isAfter(START) ? "From the start" : "From " + Dates.format(effectiveFrom);
	}

	static String value(Double value) {
		return (value != null) ? ResultView.number(value) : "No target: monitored only";
	}

	static String trigger(Double target, Double trigger) {
		if (target == null) {
			return "No target: monitored only";
		}
		return (trigger != null) ? ResultView.number(trigger) : "No trigger";
	}

	static String changedBy(String by) {
		return "contract".equals(by) ? "Initial contract values" : by;
	}

	static String changedAt(Instant at) {
		LocalDateTime local = LocalDateTime.ofInstant(at, Clocks.LONDON);
		return !local.toLocalDate().isAfter(START) ? "At installation" : Dates.format(local);
	}

}
