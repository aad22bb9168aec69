package org.probity.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.probity.measures.catalogue.Catalogue;
import org.probity.measures.catalogue.CaseRows;
import org.probity.shared.BusinessCalendar;
import org.probity.shared.Dates;
import org.probity.shared.SqlFiles;
import org.probity.shared.StaffCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service-level deadlines before they are missed, for the people module: a practitioner's
 * open cases whose deadline falls soon and is not yet met. They are the rows of the
 * measures' own SQL ({@code sql/measures/<code>.sql}, with the due date each selects), so
 * that a case listed today is the very case the measure counts as not met once the date
 * has passed: there is no second copy of the rules.
 */
@Service
public class ServiceDeadlines {

	/**
	 * A deadline of a case.
	 *
	 * @param measureCode the measure that counts it ({@code AM_E} for a breach referral
	 * after an unacceptable absence)
	 * @param subjectId the event, requirement or contact it is about
	 * @param toMeet what would meet it, in plain English
	 */
	public record Deadline(String measureCode, String kind, String crn, String eventId, String subjectId,
			String staffCode, String teamCode, LocalDate dueDate, String toMeet) {

		public String due() {
			return Dates.format(this.dueDate);
		}

	}

	/** An unacceptable absence with no breach referral since. */
	public record Absence(String crn, String eventId, String contactId, String staffCode, String teamCode,
			LocalDate absenceDate, LocalDate dueDate) {

		public String absent() {
			return Dates.format(this.absenceDate);
		}

		public String due() {
			return Dates.format(this.dueDate);
		}

	}

	private static final BusinessCalendar CALENDAR = BusinessCalendar.englandAndWales();

	private final JdbcClient jdbc;

	ServiceDeadlines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The open cases of the practitioners whose deadline is from today up to the
	 * {@code businessDays}-th business day after today and is not yet met, soonest first;
	 * with the breach referrals due by then after unacceptable absences.
	 */
	@Transactional(readOnly = true)
	public List<Deadline> upcoming(Collection<StaffCode> staffCodes, LocalDate today, int businessDays) {
		return upcoming(staffCodes, today, businessDays, absencesWithoutBreach(staffCodes, today, ABSENCE_DAYS));
	}

	/**
	 * The deadlines of {@link #upcoming} and the absences of
	 * {@link #absencesWithoutBreach} over the last {@link #ABSENCE_DAYS} business days,
	 * from one reading of the absences: what a page that lists both shows.
	 */
	public record Upcoming(List<Deadline> deadlines, List<Absence> absences) {
	}

	@Transactional(readOnly = true)
	public Upcoming upcomingWithAbsences(Collection<StaffCode> staffCodes, LocalDate today, int businessDays) {
		List<Absence> absences = absencesWithoutBreach(staffCodes, today, ABSENCE_DAYS);
		return new Upcoming(upcoming(staffCodes, today, businessDays, absences), absences);
	}

	/**
	 * Business days back that unacceptable absences without a breach referral are listed.
	 */
	public static final int ABSENCE_DAYS = 10;

	private List<Deadline> upcoming(Collection<StaffCode> staffCodes, LocalDate today, int businessDays,
			List<Absence> absences) {
		if (staffCodes.isEmpty()) {
			return List.of();
		}
		LocalDate until = CALENDAR.businessDayAfter(today, businessDays);
		String[] staff = staffCodes.stream().map(StaffCode::value).toArray(String[]::new);
		// (char(7)[] as the column is, so that the index of events by practitioner is
		// used)
		String events = "e.staff_code = any(cast(:staff as char(7)[])) and (e.termination_date is null or e.termination_date > :today)";
		List<Deadline> deadlines = new ArrayList<>();
		for (String measure : Catalogue.withDueDates()) {
			this.jdbc
				.sql("select m.* from (" + CaseRows.withDueDates(measure, events)
						+ ") m where m.numerator < m.denominator and m.due_date between :today and :until")
				.param("staff", staff)
				.param("today", today)
				.param("until", until)
				.query((rs,
						i) -> deadlines.add(new Deadline(measure, kind(measure), rs.getString("crn"),
								rs.getString("event_id"), rs.getString("subject_id"), rs.getString("staff_code"),
								rs.getString("team_code"), rs.getObject("due_date", LocalDate.class),
								toMeet(measure, rs.getObject("due_date", LocalDate.class)))))
				.list();
		}
		for (Absence a : absences) {
			if (!a.dueDate().isBefore(today) && !a.dueDate().isAfter(until)) {
				deadlines.add(new Deadline("AM_E", "Breach referral", a.crn(), a.eventId(), a.contactId(),
						a.staffCode(), a.teamCode(), a.dueDate(), "a breach referral to the court on or before "
								+ Dates.format(a.dueDate()) + " (unacceptable absence on " + a.absent() + ")"));
			}
		}
		deadlines.sort(Comparator.comparing(Deadline::dueDate)
			.thenComparing(Deadline::crn)
			.thenComparing(Deadline::measureCode)
			.thenComparing(Deadline::subjectId));
		return deadlines;
	}

	/**
	 * Unacceptable absences on the practitioners' open cases in the last
	 * {@code businessDays} business days (from the business day that many before today)
	 * with no breach referral since, oldest first.
	 */
	@Transactional(readOnly = true)
	public List<Absence> absencesWithoutBreach(Collection<StaffCode> staffCodes, LocalDate today, int businessDays) {
		if (staffCodes.isEmpty()) {
			return List.of();
		}
		LocalDate from = this.jdbc.sql("""
				select b.day from business_calendar t join business_calendar b on b.business_day and b.seq = t.seq - :n
				where t.day = :today
				""")
			.param("n", businessDays - (CALENDAR.isBusinessDay(today) ? 0 : 1))
			.param("today", today)
			.query(LocalDate.class)
			.optional()
			.orElse(today.minusDays(14));
		return this.jdbc.sql(SqlFiles.load("measures/absences_without_breach.sql"))
			.param("staff", staffCodes.stream().map(StaffCode::value).toArray(String[]::new))
			.param("from", from)
			.param("today", today)
			.query((rs, i) -> new Absence(rs.getString("crn"), rs.getString("event_id"), rs.getString("contact_id"),
					rs.getString("staff_code"), rs.getString("team_code"),
					rs.getObject("absence_date", LocalDate.class), rs.getObject("due_date", LocalDate.class)))
			.list();
	}

	static String kind(String measure) {
		return switch (measure) {
			case "SL001R", "SL002R" -> "First face-to-face contact";
			case "SL003R", "SL004R" -> "Sentence plan";
			case "SL013" -> "Resettlement plan";
			case "SL006R" -> "Unpaid work arranged";
			default -> measure;
		};
	}

	static String toMeet(String measure, LocalDate due) {
		String by = " on or before " + Dates.format(due);
		return switch (measure) {
			case "SL001R", "SL002R" -> "a face-to-face appointment (in person or by video)" + by;
			case "SL003R", "SL004R" -> "a sentence plan completed" + by;
			case "SL013" -> "a resettlement plan completed" + by;
			case "SL006R" -> "an unpaid work session arranged for the requirement" + by;
			default -> "met" + by;
		};
	}

}
