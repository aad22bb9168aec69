package org.probity.cases;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes estate and case rows straight into the database for tests. Each test class uses
 * codes of its own, as all integration tests share one database.
 */
public final class CaseDataFactory {

	private final JdbcClient jdbc;

	public CaseDataFactory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public CaseDataFactory unit(String code, String name, String type, String parent) {
		this.jdbc.sql("""
				insert into unit (unit_code, unit_name, unit_type, parent_code) values (:code, :name, :type, :parent)
				on conflict (unit_code) do nothing
				""")
			.param("code", code)
			.param("name", name)
			.param("type", type)
			.param("parent", parent, java.sql.Types.VARCHAR)
			.update();
		return this;
	}

	public CaseDataFactory staff(String code, String forename, String surname, String grade, String team) {
		return staff(code, forename, surname, grade, team, LocalDate.of(2015, 1, 5), null);
	}

	public CaseDataFactory staff(String code, String forename, String surname, String grade, String team,
			LocalDate start, LocalDate end) {
		this.jdbc.sql("""
				insert into staff (staff_code, forename, surname, grade, team_code, start_date, end_date)
				values (:code, :forename, :surname, :grade, :team, :start, :end)
				on conflict (staff_code) do nothing
				""")
			.param("code", code)
			.param("forename", forename)
			.param("surname", surname)
			.param("grade", grade)
			.param("team", team)
			.param("start", start)
			.param("end", end, java.sql.Types.DATE)
			.update();
		return this;
	}

	public CaseDataFactory person(String crn, String forename, String surname, LocalDate dateOfBirth,
			boolean restricted) {
		this.jdbc
			.sql("""
					insert into person (crn, forename, surname, date_of_birth, sex, gender_identity_same_as_birth, ethnicity,
					    religion, sexual_orientation, disability, marital_status, restricted)
					values (:crn, :forename, :surname, :dob, 'FEMALE', true, 'WHITE', 'NONE', 'NOT_RECORDED', false,
					    'SINGLE', :restricted)
					on conflict (crn) do nothing
					""")
			.param("crn", crn)
			.param("forename", forename)
			.param("surname", surname)
			.param("dob", dateOfBirth)
			.param("restricted", restricted)
			.update();
		return this;
	}

	/**
	 * A person on probation with every protected characteristic given (null: not
	 * recorded).
	 */
	public CaseDataFactory person(String crn, LocalDate dateOfBirth, String sex, Boolean genderSameAsBirth,
			String ethnicity, String religion, String sexualOrientation, Boolean disability, String maritalStatus) {
		this.jdbc
			.sql("""
					insert into person (crn, forename, surname, date_of_birth, sex, gender_identity_same_as_birth, ethnicity,
					    religion, sexual_orientation, disability, marital_status, restricted)
					values (:crn, 'Sam', 'Person', :dob, :sex, :same, :ethnicity, :religion, :orientation, :disability,
					    :marital, false)
					on conflict (crn) do nothing
					""")
			.param("crn", crn)
			.param("dob", dateOfBirth)
			.param("sex", sex)
			.param("same", genderSameAsBirth, java.sql.Types.BOOLEAN)
			.param("ethnicity", ethnicity)
			.param("religion", religion)
			.param("orientation", sexualOrientation)
			.param("disability", disability, java.sql.Types.BOOLEAN)
			.param("marital", maritalStatus)
			.update();
		return this;
	}

	public CaseDataFactory event(String eventId, String crn, String type, LocalDate sentenceDate, String staffCode,
			String teamCode) {
		return event(eventId, crn, type, sentenceDate, staffCode, teamCode, null, null);
	}

	public CaseDataFactory event(String eventId, String crn, String type, LocalDate sentenceDate, String staffCode,
			String teamCode, LocalDate terminationDate, String terminationReason) {
		boolean released = type.equals("LICENCE") || type.equals("POST_SENTENCE_SUPERVISION");
		this.jdbc.sql("""
				insert into event (event_id, crn, event_type, sentence_date, allocation_date, release_date,
				    expected_end_date, termination_date, termination_reason, staff_code, team_code)
				values (:id, :crn, :type, :sentence, :sentence, :release, :end, :terminated, :reason, :staff, :team)
				on conflict (event_id) do nothing
				""")
			.param("id", eventId)
			.param("crn", crn)
			.param("type", type)
			.param("sentence", sentenceDate)
			.param("release", released ? sentenceDate : null, java.sql.Types.DATE)
			.param("end", sentenceDate.plusYears(1))
			.param("terminated", terminationDate, java.sql.Types.DATE)
			.param("reason", terminationReason, java.sql.Types.VARCHAR)
			.param("staff", staffCode)
			.param("team", teamCode)
			.update();
		return this;
	}

	public CaseDataFactory requirement(String id, String eventId, String type, int length, LocalDate start) {
		this.jdbc.sql("""
				insert into requirement (requirement_id, event_id, requirement_type, length, start_date)
				values (:id, :event, :type, :length, :start) on conflict do nothing
				""")
			.param("id", id)
			.param("event", eventId)
			.param("type", type)
			.param("length", length)
			.param("start", start)
			.update();
		return this;
	}

	public CaseDataFactory contact(String id, String crn, String eventId, String staffCode, String type,
			LocalDateTime at, String outcome) {
		this.jdbc
			.sql("""
					insert into contact (contact_id, crn, event_id, staff_code, contact_type, face_to_face, national_standard,
					    arranged_on, contact_at, outcome)
					values (:id, :crn, :event, :staff, :type, true, true, :arranged, :at, :outcome) on conflict do nothing
					""")
			.param("id", id)
			.param("crn", crn)
			.param("event", eventId)
			.param("staff", staffCode)
			.param("type", type)
			.param("arranged", at.toLocalDate().minusDays(7))
			.param("at", at)
			.param("outcome", outcome)
			.update();
		return this;
	}

	public CaseDataFactory plan(String id, String eventId, String type, LocalDate completed, boolean agreed) {
		this.jdbc.sql("""
				insert into plan (plan_id, event_id, plan_type, completed_date, agreed_with_person)
				values (:id, :event, :type, :completed, :agreed) on conflict do nothing
				""")
			.param("id", id)
			.param("event", eventId)
			.param("type", type)
			.param("completed", completed, java.sql.Types.DATE)
			.param("agreed", agreed)
			.update();
		return this;
	}

	public CaseDataFactory referral(String id, String eventId, String type, LocalDate aware, LocalDate referred,
			String outcome) {
		this.jdbc.sql("""
				insert into referral (referral_id, event_id, referral_type, aware_date, referred_date,
				    usable_without_more_information, outcome)
				values (:id, :event, :type, :aware, :referred, true, :outcome) on conflict do nothing
				""")
			.param("id", id)
			.param("event", eventId)
			.param("type", type)
			.param("aware", aware)
			.param("referred", referred)
			.param("outcome", outcome)
			.update();
		return this;
	}

	public CaseDataFactory accommodation(String eventId, String status) {
		this.jdbc.sql("insert into accommodation (event_id, status) values (:event, :status) on conflict do nothing")
			.param("event", eventId)
			.param("status", status)
			.update();
		return this;
	}

	/** How many times the access log holds this outcome for the user and case. */
	public int logged(String username, String crn, String outcome) {
		return this.jdbc
			.sql("select count(*) from case_access_log where username = :u and crn = :crn and outcome = :outcome")
			.param("u", username)
			.param("crn", crn)
			.param("outcome", outcome)
			.query(Integer.class)
			.single();
	}

}
