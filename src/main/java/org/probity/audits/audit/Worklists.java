package org.probity.audits.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an auditor works from: their worklist of open audits, and the summary of the case
 * shown beside the questions.
 */
@Service
public class Worklists {

	public record WorklistItem(long auditId, String programmeName, String crn, String eventId, String teamCode,
			String teamName, String staffCode, String practitioner, String status, LocalDate dueDate, boolean late) {

		public String subject() {
			return (this.crn != null) ? this.crn : "Site " + this.teamName;
		}

	}

	/** What the auditor sees of the case beside the questions. */
	public record CaseSummary(String crn, String name, LocalDate dateOfBirth, boolean restricted, String eventId,
			String eventType, LocalDate sentenceDate, LocalDate allocationDate, LocalDate releaseDate,
			LocalDate expectedEndDate, LocalDate terminationDate, String practitioner, String team, int contacts,
			int contactsAttended, int plans, int referrals) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	Worklists(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<WorklistItem> worklist(String username) {
		return this.jdbc
			.sql("""
					select a.audit_id, coalesce(p.name, 'Individual audit') as programme_name, a.crn, a.event_id, a.team_code,
					       coalesce(u.unit_name, a.team_code) as team_name, a.staff_code,
					       coalesce(s.forename || ' ' || s.surname, a.staff_code) as practitioner,
					       a.status, a.due_date, a.due_date < :today as late
					from case_audit a left join audit_programme p on p.programme_id = a.programme_id
					left join estate_unit u on u.unit_code = a.team_code
					left join estate_staff s on s.staff_code = a.staff_code
					where a.auditor = :username and a.status in ('PLANNED', 'IN_PROGRESS')
					order by a.due_date, a.audit_id
					""")
			.param("username", username)
			.param("today", LocalDate.now(this.clock))
			.query(WorklistItem.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<CaseSummary> caseSummary(String eventId) {
		return this.jdbc
			.sql("""
					select p.crn, p.forename || ' ' || p.surname as name, p.date_of_birth, p.restricted, e.event_id,
					       e.event_type, e.sentence_date, e.allocation_date, e.release_date, e.expected_end_date,
					       e.termination_date, coalesce(s.forename || ' ' || s.surname, e.staff_code) as practitioner,
					       coalesce(u.unit_name, e.team_code) as team,
					       (select count(*) from case_contact c where c.event_id = e.event_id) as contacts,
					       (select count(*) from case_contact c where c.event_id = e.event_id and c.outcome = 'ATTENDED_COMPLIED') as contacts_attended,
					       (select count(*) from case_plan pl where pl.event_id = e.event_id) as plans,
					       (select count(*) from case_referral r where r.event_id = e.event_id) as referrals
					from case_event e join case_person p on p.crn = e.crn
					left join estate_staff s on s.staff_code = e.staff_code
					left join estate_unit u on u.unit_code = e.team_code
					where e.event_id = :event
					""")
			.param("event", eventId)
			.query(CaseSummary.class)
			.optional();
	}

}
