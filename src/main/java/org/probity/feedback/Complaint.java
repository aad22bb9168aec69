package org.probity.feedback;

import java.time.LocalDate;
import java.util.List;

import org.probity.shared.Crn;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

/**
 * A complaint with its stages as recorded. Due dates and statuses follow from these dates
 * and the timescales in force ({@link ComplaintTimescales}).
 */
public record Complaint(long id, int version, LocalDate receivedOn, String channel, String complainant,
		UnitCode unitCode, String unitName, StaffCode staffCode, String staffName, Crn crn, String summary,
		List<String> categories, LocalDate acknowledgedOn, LocalDate respondedOn, ComplaintOutcome outcome,
		LocalDate appealedOn, LocalDate appealRespondedOn, ComplaintOutcome appealOutcome,
		LocalDate ombudsmanReferredOn, String ombudsmanOutcome, Long actionId) {

	public boolean aboutStaff() {
		return this.staffCode != null;
	}

}
