package org.probity.cases;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.probity.shared.TableMerge;
import org.probity.shared.TableMerge.Merged;
import org.probity.shared.TableMerge.Table;

/**
 * The one way case data is written: merges rows that the import has staged and checked
 * into this module's tables (people, events, requirements, contacts, plans, referrals,
 * accommodation), in the import's transaction. The tables are named here, by the module
 * that owns them, and nowhere else.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class CaseTables {

	private static final Table PERSON = new Table("person", "crn",
			List.of("crn", "forename", "surname", "date_of_birth", "sex", "gender_identity_same_as_birth", "ethnicity",
					"religion", "sexual_orientation", "disability", "marital_status", "restricted"),
			null, null);

	private static final Table EVENT = new Table("event", "event_id",
			List.of("event_id", "crn", "event_type", "sentence_date", "allocation_date", "release_date",
					"expected_end_date", "termination_date", "termination_reason", "staff_code", "team_code"),
			"event_id", null);

	private static final Table REQUIREMENT = new Table("requirement", "requirement_id", List.of("requirement_id",
			"event_id", "requirement_type", "length", "start_date", "termination_date", "termination_reason"),
			"event_id", null);

	/** Contacts are dated: an import tells which months it can change. */
	private static final Table CONTACT = new Table(
			"contact", "contact_id", List.of("contact_id", "crn", "event_id", "requirement_id", "staff_code",
					"contact_type", "face_to_face", "national_standard", "arranged_on", "contact_at", "outcome"),
			"event_id", "contact_at");

	private static final Table PLAN = new Table("plan", "plan_id",
			List.of("plan_id", "event_id", "plan_type", "completed_date", "agreed_with_person"), "event_id", null);

	private static final Table REFERRAL = new Table("referral", "referral_id", List.of("referral_id", "event_id",
			"referral_type", "aware_date", "referred_date", "usable_without_more_information", "outcome"), "event_id",
			null);

	private static final Table ACCOMMODATION = new Table("accommodation", "event_id", List.of("event_id", "status"),
			"event_id", null);

	private final TableMerge merge;

	CaseTables(TableMerge merge) {
		this.merge = merge;
	}

	/**
	 * Merges people from {@code staged}, a temporary table of typed, checked rows with
	 * the columns of the table. A change to a person may touch every event of theirs, so
	 * no changed events are listed.
	 */
	public Merged mergePeople(String staged, long rows) {
		return this.merge.merge(PERSON, staged, rows);
	}

	/** As {@link #mergePeople}, for events; lists the events that changed. */
	public Merged mergeEvents(String staged, long rows) {
		return this.merge.merge(EVENT, staged, rows);
	}

	/** As {@link #mergeEvents}, for requirements. */
	public Merged mergeRequirements(String staged, long rows) {
		return this.merge.merge(REQUIREMENT, staged, rows);
	}

	/**
	 * As {@link #mergeEvents}, for contacts; also the dates the changed contacts span,
	 * before and after the change.
	 */
	public Merged mergeContacts(String staged, long rows) {
		return this.merge.merge(CONTACT, staged, rows);
	}

	/** As {@link #mergeEvents}, for plans. */
	public Merged mergePlans(String staged, long rows) {
		return this.merge.merge(PLAN, staged, rows);
	}

	/** As {@link #mergeEvents}, for referrals. */
	public Merged mergeReferrals(String staged, long rows) {
		return this.merge.merge(REFERRAL, staged, rows);
	}

	/** As {@link #mergeEvents}, for accommodation on release. */
	public Merged mergeAccommodation(String staged, long rows) {
		return this.merge.merge(ACCOMMODATION, staged, rows);
	}

}
