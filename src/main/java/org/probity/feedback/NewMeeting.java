package org.probity.feedback;

import java.time.LocalDate;
import java.util.List;

/**
 * A meeting of a service-user council, forum, focus group or stakeholder event: when,
 * where, how many came, and the themes raised (the same theme list as survey answers).
 */
public record NewMeeting(LocalDate heldOn, String unitCode, String kind, String title, int attendance,
		List<String> themes, String notes) {

	public static final List<String> KINDS = List.of("SERVICE_USER_COUNCIL", "FORUM", "FOCUS_GROUP",
			"STAKEHOLDER_EVENT");

}
