package org.probity.feedback;

import java.time.LocalDate;

import org.probity.shared.Period;
import org.probity.shared.UnitCode;

/**
 * Complaint timeliness for a unit (with the units below it) and a period of receipt, as
 * of a day, as a monthly or quarterly report shows it (issue #18 point 7): of the
 * complaints received in the period (up to that day), how many stage 1 acknowledgements
 * and responses were on time, late, still open (not yet due) or overdue, and the same for
 * appeal responses; {@code open} counts the complaints still waiting for a stage 1
 * response or an appeal response, {@code overdue} those of them past a due date. Counts
 * only: no complainant, member of staff or case is named, so any role that sees the unit
 * may be shown it.
 */
public record ComplaintTimeliness(UnitCode unitCode, Period period, LocalDate asOf, int received,
		int acknowledgedOnTime, int acknowledgedLate, int acknowledgementOpen, int acknowledgementOverdue,
		int respondedOnTime, int respondedLate, int responseOpen, int responseOverdue, int appealsResponded,
		int appealResponsesLate, int open, int overdue) {

	/**
	 * Stage 1 responses made on time, as a share of those made (one decimal; null: none).
	 */
	public Double respondedOnTimeShare() {
		int made = this.respondedOnTime + this.respondedLate;
		return (made == 0) ? null : Math.round(1000.0 * this.respondedOnTime / made) / 10.0;
	}

	/**
	 * Acknowledgements made on time, as a share of those made (one decimal; null: none).
	 */
	public Double acknowledgedOnTimeShare() {
		int made = this.acknowledgedOnTime + this.acknowledgedLate;
		return (made == 0) ? null : Math.round(1000.0 * this.acknowledgedOnTime / made) / 10.0;
	}

}
