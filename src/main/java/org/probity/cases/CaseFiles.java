package org.probity.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.probity.cases.CaseFile.Contact;
import org.probity.cases.CaseFile.Event;
import org.probity.cases.CaseFile.Person;
import org.probity.cases.CaseFile.Plan;
import org.probity.cases.CaseFile.Referral;
import org.probity.cases.CaseFile.Requirement;
import org.probity.shared.Crn;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a person's case file: one query per kind of row, all keyed by the CRN. */
@Component
class CaseFiles {

	private final JdbcClient jdbc;

	CaseFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<CaseFile> load(Crn crn) {
		return person(crn).map((person) -> new CaseFile(person, events(crn), contacts(crn)));
	}

	boolean exists(Crn crn) {
		return this.jdbc.sql("select exists (select 1 from person where crn = :crn)")
			.param("crn", crn.value())
			.query(Boolean.class)
			.single();
	}

	private Optional<Person> person(Crn crn) {
		return this.jdbc.sql("""
				select crn, forename, surname, date_of_birth, sex, gender_identity_same_as_birth, ethnicity, religion,
				       sexual_orientation, disability, marital_status, restricted
				from person where crn = :crn
				""")
			.param("crn", crn.value())
			.query((rs, n) -> new Person(new Crn(rs.getString("crn")), rs.getString("forename"),
					rs.getString("surname"), date(rs, "date_of_birth"), rs.getString("sex"),
					rs.getObject("gender_identity_same_as_birth", Boolean.class), rs.getString("ethnicity"),
					rs.getString("religion"), rs.getString("sexual_orientation"),
					rs.getObject("disability", Boolean.class), rs.getString("marital_status"),
					rs.getBoolean("restricted")))
			.optional();
	}

	/** Newest sentence first: the current order or licence is what a reader looks for. */
	private List<Event> events(Crn crn) {
		Map<String, List<Requirement>> requirements = byEvent(crn, """
				select r.event_id, r.requirement_id, r.requirement_type, r.length, r.start_date, r.termination_date,
				       r.termination_reason
				from requirement r join event e on e.event_id = r.event_id
				where e.crn = :crn order by r.start_date, r.requirement_id
				""",
				(rs) -> new Requirement(rs.getString("requirement_id"), rs.getString("requirement_type"),
						rs.getInt("length"), date(rs, "start_date"), date(rs, "termination_date"),
						rs.getString("termination_reason")));
		Map<String, List<Plan>> plans = byEvent(crn, """
				select p.event_id, p.plan_id, p.plan_type, p.completed_date, p.agreed_with_person
				from plan p join event e on e.event_id = p.event_id
				where e.crn = :crn order by p.plan_type, p.completed_date nulls last, p.plan_id
				""", (rs) -> new Plan(rs.getString("plan_id"), rs.getString("plan_type"), date(rs, "completed_date"),
				rs.getBoolean("agreed_with_person")));
		Map<String, List<Referral>> referrals = byEvent(crn, """
				select r.event_id, r.referral_id, r.referral_type, r.aware_date, r.referred_date,
				       r.usable_without_more_information, r.outcome
				from referral r join event e on e.event_id = r.event_id
				where e.crn = :crn order by r.aware_date, r.referral_id
				""",
				(rs) -> new Referral(rs.getString("referral_id"), rs.getString("referral_type"), date(rs, "aware_date"),
						date(rs, "referred_date"), rs.getBoolean("usable_without_more_information"),
						rs.getString("outcome")));
		return this.jdbc
			.sql("""
					select e.event_id, e.event_type, e.sentence_date, e.allocation_date, e.release_date, e.expected_end_date,
					       e.termination_date, e.termination_reason, e.staff_code, s.forename || ' ' || s.surname as staff_name,
					       e.team_code, u.unit_name as team_name, a.status as accommodation
					from event e
					left join estate_staff s on s.staff_code = e.staff_code
					left join estate_unit u on u.unit_code = e.team_code
					left join accommodation a on a.event_id = e.event_id
					where e.crn = :crn
					order by e.sentence_date desc, e.event_id desc
					""")
			.param("crn", crn.value())
			.query((rs, n) -> {
				String id = rs.getString("event_id");
				return new Event(id, rs.getString("event_type"), date(rs, "sentence_date"), date(rs, "allocation_date"),
						date(rs, "release_date"), date(rs, "expected_end_date"), date(rs, "termination_date"),
						rs.getString("termination_reason"), new StaffCode(rs.getString("staff_code")),
						rs.getString("staff_name"), new UnitCode(rs.getString("team_code")), rs.getString("team_name"),
						requirements.getOrDefault(id, List.of()), plans.getOrDefault(id, List.of()),
						referrals.getOrDefault(id, List.of()), rs.getString("accommodation"));
			})
			.list();
	}

	/** Newest first: the timeline reads back from today. */
	private List<Contact> contacts(Crn crn) {
		return this.jdbc.sql("""
				select c.contact_id, c.event_id, c.requirement_id, c.staff_code,
				       s.forename || ' ' || s.surname as staff_name, c.contact_type, c.face_to_face,
				       c.national_standard, c.arranged_on, c.contact_at, c.outcome
				from contact c left join estate_staff s on s.staff_code = c.staff_code
				where c.crn = :crn
				order by c.contact_at desc, c.contact_id desc
				""")
			.param("crn", crn.value())
			.query((rs, n) -> new Contact(rs.getString("contact_id"), rs.getString("event_id"),
					rs.getString("requirement_id"), new StaffCode(rs.getString("staff_code")),
					rs.getString("staff_name"), rs.getString("contact_type"), rs.getBoolean("face_to_face"),
					rs.getBoolean("national_standard"), date(rs, "arranged_on"),
					rs.getObject("contact_at", LocalDateTime.class), rs.getString("outcome")))
			.list();
	}

	private <T> Map<String, List<T>> byEvent(Crn crn, String sql, RowFunction<T> row) {
		Map<String, List<T>> byEvent = new LinkedHashMap<>();
		this.jdbc.sql(sql).param("crn", crn.value()).query((ResultSet rs) -> {
			byEvent.computeIfAbsent(rs.getString("event_id"), (Function<String, List<T>>) (id) -> new ArrayList<>())
				.add(row.map(rs));
		});
		return byEvent;
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}

	@FunctionalInterface
	private interface RowFunction<T> {

		T map(ResultSet rs) throws SQLException;

	}

}
