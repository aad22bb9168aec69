package org.probity.feedback;

import java.time.LocalDate;
import java.util.List;

/**
 * A complaint as logged: when and how it came, who complains, what it is about (a unit,
 * optionally a member of staff and a case), its categories and a summary.
 */
public record NewComplaint(LocalDate receivedOn, String channel, String complainant, String unitCode, String staffCode,
		String crn, String summary, List<String> categories) {
}
