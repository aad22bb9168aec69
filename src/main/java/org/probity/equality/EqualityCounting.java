package org.probity.equality;

import java.time.Clock;
import java.time.YearMonth;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import org.probity.imports.CaseDataImported;

/**
 * After an import has committed (and the measures with it), counts again the months a
 * reader is most likely to open next, the last 13 (a 12-month trend and the month before
 * it), so that the first page read after an import does not pay for them. Idempotent: a
 * month already counted at the current versions is left alone, so a redelivered event or
 * a second node changes nothing.
 */
@Component
class EqualityCounting {

	static final int MONTHS_AHEAD = 13;

	private final EqualityFigures figures;

	private final Clock clock;

	EqualityCounting(EqualityFigures figures, Clock clock) {
		this.figures = figures;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(CaseDataImported imported) {
		if (imported.changedNothing()) {
			return;
		}
		YearMonth last = YearMonth.now(this.clock).minusMonths(1);
		this.figures.countMonths(last.minusMonths(MONTHS_AHEAD - 1).atDay(1), last.atDay(1));
	}

}
