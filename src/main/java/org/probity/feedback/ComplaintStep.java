package org.probity.feedback;

import java.time.LocalDate;

/**
 * One step recorded on a complaint, in this order: acknowledged, responded (with the
 * stage 1 outcome), appealed, appeal responded, referred to the Ombudsman. The version is
 * the complaint's version the caller last saw.
 */
public record ComplaintStep(Kind kind, LocalDate on, String outcome, Integer version) {

	public enum Kind {

		ACKNOWLEDGED, RESPONDED, APPEALED, APPEAL_RESPONDED, OMBUDSMAN_REFERRED

	}

}
