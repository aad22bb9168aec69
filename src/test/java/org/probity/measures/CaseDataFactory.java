package org.probity.measures;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Case data for measure tests, written straight into the case tables. Each test class
 * uses its own three-character prefix, so that its units, staff, CRNs and ids are its own
 * in the shared test database. The estate is: provider {prefix}P, region {prefix}R, LDUs
 * {prefix}L1 and {prefix}L2, teams {prefix}T1 and {prefix}T2 (under L1) and {prefix}T3
 * (under L2); practitioners {prefix}S001 (T1), {prefix}S002 (T1), {prefix}S003 (T3).
 */
class CaseDataFactory {

	static final String CO = "COMMUNITY_ORDER";

	static final String SSO = "SUSPENDED_SENTENCE_ORDER";

	static final String LICENCE = "LICENCE";

	static final String PSS = "POST_SENTENCE_SUPERVISION";

	static final String CUSTODY = "CUSTODY";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final JdbcClient jdbc;

	private final String prefix;

	private final char crnLetter;

	CaseDataFactory(JdbcClient jdbc, String prefix, char crnLetter) {
		if (prefix.length() != 3) {
			throw new IllegalArgumentException("prefix has 3 characters");
		}
		this.jdbc = jdbc;
		this.prefix = prefix;
		this.crnLetter = crnLetter;
	}

	String provider() {
		return this.prefix + "P";
	}

	String region() {
		return this.prefix + "R";
	}

	String ldu(int n) {
		return this.prefix + "L" + n;
	}

	String team(int n) {
		return this.prefix + "T" + n;
	}

	String staff(int n) {
		return this.prefix + String.format("S%03d", n);
	}

	CaseDataFactory estate() {
		unit(provider(), "PROVIDER", null);
		unit(region(), "REGION", provider());
		unit(ldu(1), "LDU", region());
		unit(ldu(2), "LDU", region());
		unit(team(1), "TEAM", ldu(1));
		unit(team(2), "TEAM", ldu(1));
		unit(team(3), "TEAM", ldu(2));
		staffMember(staff(1), team(1));
		staffMember(staff(2), team(1));
		staffMember(staff(3), team(3));
		return this;
	}

	void unit(String code, String type, String parent) {
		this.jdbc.sql("insert into unit (unit_code, unit_name, unit_type, parent_code) values (:c, :n, :t, :p)")
			.param("c", code)
			.param("n", "Unit " + code)
			.param("t", type)
			.param("p", parent)
			.update();
	}

	void staffMember(String code, String team) {
		this.jdbc.sql("""
				insert into staff (staff_code, forename, surname, grade, team_code, start_date)
				values (:c, 'Pat', :s, 'PO', :t, date '2015-01-01')
				""").param("c", code).param("s", "Officer " + code).param("t", team).update();
	}

	/** A new person on probation; returns the CRN. */
	String person() {
		String crn = this.crnLetter + String.format("%06d", SEQUENCE.incrementAndGet());
		this.jdbc.sql("""
				insert into person (crn, forename, surname, date_of_birth, sex, ethnicity, religion, sexual_orientation,
				                    marital_status, restricted)
				values (:crn, 'Sam', 'Test', date '1990-01-01', 'NOT_RECORDED', 'NOT_RECORDED', 'NOT_RECORDED',
				        'NOT_RECORDED', 'NOT_RECORDED', false)
				""").param("crn", crn).update();
		return crn;
	}

	/** An event of a new person, in team 1 with practitioner 1. */
	Event event(String type, LocalDate sentence, LocalDate allocation, LocalDate release) {
		return event(type, sentence, allocation, release, team(1), staff(1));
	}

	Event event(String type, LocalDate sentence, LocalDate allocation, LocalDate release, String team, String staff) {
		String crn = person();
		String id = this.prefix + "-E" + SEQUENCE.incrementAndGet();
		this.jdbc.sql("""
				insert into event (event_id, crn, event_type, sentence_date, allocation_date, release_date,
				                   expected_end_date, staff_code, team_code)
				values (:id, :crn, :type, :sentence, :allocation, :release, :end, :staff, :team)
				""")
			.param("id", id)
			.param("crn", crn)
			.param("type", type)
			.param("sentence", sentence)
			.param("allocation", allocation)
			.param("release", release)
			.param("end", allocation.plusYears(2))
			.param("staff", staff)
			.param("team", team)
			.update();
		return new Event(id, crn);
	}

	record Event(String id, String crn) {
	}

	void terminate(Event event, LocalDate date, String reason) {
		this.jdbc.sql("update event set termination_date = :d, termination_reason = :r where event_id = :id")
			.param("d", date)
			.param("r", reason)
			.param("id", event.id())
			.update();
	}

	String requirement(Event event, String type, LocalDate start) {
		String id = this.prefix + "-R" + SEQUENCE.incrementAndGet();
		this.jdbc.sql("""
				insert into requirement (requirement_id, event_id, requirement_type, length, start_date)
				values (:id, :event, :type, 10, :start)
				""").param("id", id).param("event", event.id()).param("type", type).param("start", start).update();
		return id;
	}

	void terminateRequirement(String requirementId, LocalDate date, String reason) {
		this.jdbc
			.sql("update requirement set termination_date = :d, termination_reason = :r where requirement_id = :id")
			.param("d", date)
			.param("r", reason)
			.param("id", requirementId)
			.update();
	}

	/** A face-to-face national standard supervision contact with an outcome. */
	String contact(Event event, LocalDate date, String outcome) {
		return contact(event, date, true, true, outcome, "SUPERVISION", null);
	}

	String contact(Event event, LocalDate date, boolean faceToFace, boolean nationalStandard, String outcome,
			String type, String requirementId) {
		String id = this.prefix + "-C" + SEQUENCE.incrementAndGet();
		this.jdbc.sql("""
				insert into contact (contact_id, crn, event_id, requirement_id, staff_code, contact_type, face_to_face,
				                     national_standard, arranged_on, contact_at, outcome)
				values (:id, :crn, :event, :req, (select staff_code from event where event_id = :event), :type, :f2f,
				        :ns, :date, :at, :outcome)
				""")
			.param("id", id)
			.param("crn", event.crn())
			.param("event", event.id())
			.param("req", requirementId)
			.param("type", type)
			.param("f2f", faceToFace)
			.param("ns", nationalStandard)
			.param("date", date.minusDays(1))
			.param("at", date.atTime(10, 30))
			.param("outcome", outcome)
			.update();
		return id;
	}

	void plan(Event event, String type, LocalDate completed) {
		this.jdbc.sql("""
				insert into plan (plan_id, event_id, plan_type, completed_date, agreed_with_person)
				values (:id, :event, :type, :completed, true)
				""")
			.param("id", this.prefix + "-P" + SEQUENCE.incrementAndGet())
			.param("event", event.id())
			.param("type", type)
			.param("completed", completed)
			.update();
	}

	String referral(Event event, String type, LocalDate aware, LocalDate referred, boolean usable) {
		String id = this.prefix + "-F" + SEQUENCE.incrementAndGet();
		this.jdbc.sql("""
				insert into referral (referral_id, event_id, referral_type, aware_date, referred_date,
				                      usable_without_more_information, outcome)
				values (:id, :event, :type, :aware, :referred, :usable, 'PENDING')
				""")
			.param("id", id)
			.param("event", event.id())
			.param("type", type)
			.param("aware", aware)
			.param("referred", referred)
			.param("usable", usable)
			.update();
		return id;
	}

	void accommodation(Event event, String status) {
		this.jdbc.sql("insert into accommodation (event_id, status) values (:event, :status)")
			.param("event", event.id())
			.param("status", status)
			.update();
	}

}
