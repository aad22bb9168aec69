package org.probity.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.probity.estate.Estate;
import org.probity.estate.Grade;
import org.probity.estate.Staff;
import org.probity.estate.Unit;
import org.probity.measures.MeasureFigures;
import org.probity.measures.ServiceDeadlines;
import org.probity.shared.Period;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team page of a line manager: every member of staff in post with their measures, who
 * is below target on which measures and for how long, who is due a quarterly rating, and
 * the team's deadlines.
 */
@Service
class TeamPerformance {

	/** A measure a member is below target on in the period, and for how many months. */
	record Shortfall(String code, String title, String performance, int months) {

		public String text() {
			if (this.months == 0) {
				return this.code + " " + this.performance + " (over the period; not in the last month)";
			}
			return this.code + " " + this.performance + " (" + this.months + ((this.months == 1) ? " month" : " months")
					+ " running below target)";
		}

	}

	record Member(Staff staff, List<MeasureFigures.Line> measures, List<Shortfall> belowTarget,
			Ratings.Rating currentRating, boolean ratingDue, ImprovementPlans.Plan openPlan, boolean capability) {
	}

	record Page(Unit team, Period period, Period dueQuarter, List<Member> members, List<String> measureCodes,
			List<ServiceDeadlines.Deadline> deadlines, List<ServiceDeadlines.Absence> absences,
			List<ImprovementPlans.DueReview> dueReviews, List<FormalReviews.FlagPrompt> flags,
			List<FormalReviews.RatingPrompt> ratingPrompts) {

		/**
		 * A member's name, for lists that hold staff codes; the code when not a member.
		 */
		public String name(String staffCode) {
			return this.members.stream()
				.filter((m) -> m.staff().code().value().equals(staffCode))
				.map((m) -> m.staff().name())
				.findFirst()
				.orElse(staffCode);
		}

		/**
		 * The members sorted by name (the default), by rating (Red first, then Amber,
		 * Green, due), by how many measures they are below target on, or by a measure's
		 * performance (lowest first, no cases last).
		 */
		Page sortedBy(String sort) {
			java.util.Comparator<Member> byName = java.util.Comparator.comparing((Member m) -> m.staff().surname())
				.thenComparing((m) -> m.staff().forename());
			java.util.Comparator<Member> order;
			if ("rating".equals(sort)) {
				order = java.util.Comparator
					.comparingInt((Member m) -> (m.currentRating() == null) ? 3 : 2 - m.currentRating().rag().ordinal())
					.thenComparing(byName);
			}
			else if ("below".equals(sort)) {
				order = java.util.Comparator.comparingInt((Member m) -> -m.belowTarget().size()).thenComparing(byName);
			}
			else if (this.measureCodes.contains(sort)) {
				int i = this.measureCodes.indexOf(sort);
				order = java.util.Comparator
					.comparing((Member m) -> m.measures().get(i).own().performance(),
							java.util.Comparator.nullsLast(java.util.Comparator.<Double>naturalOrder()))
					.thenComparing(byName);
			}
			else {
				order = byName;
			}
			return new Page(this.team, this.period, this.dueQuarter, this.members.stream().sorted(order).toList(),
					this.measureCodes, this.deadlines, this.absences, this.dueReviews, this.flags, this.ratingPrompts);
		}

	}

	private final Estate estate;

	private final StaffPerformance performance;

	private final PeopleRecords records;

	private final ServiceDeadlines deadlines;

	private final Clock clock;

	TeamPerformance(Estate estate, StaffPerformance performance, PeopleRecords records, ServiceDeadlines deadlines,
			Clock clock) {
		this.estate = estate;
		this.performance = performance;
		this.records = records;
		this.deadlines = deadlines;
		this.clock = clock;
	}

	/** Staff in post today in the team, by surname. */
	List<Staff> members(UnitCode team) {
		LocalDate today = LocalDate.now(this.clock);
		return this.estate.staffOfTeam(team).stream().filter((s) -> s.inPostOn(today)).toList();
	}

	@Transactional(readOnly = true)
	Page page(Unit team, Period period) {
		LocalDate today = LocalDate.now(this.clock);
		Period due = this.records.ratings().dueQuarter();
		List<Member> members = new ArrayList<>();
		List<String> codes = new ArrayList<>();
		List<FormalReviews.RatingPrompt> ratingPrompts = new ArrayList<>();
		for (Staff s : members(team.code())) {
			List<MeasureFigures.Line> lines = this.performance.measures(s, period);
			if (codes.isEmpty()) {
				lines.forEach((l) -> codes.add(l.code()));
			}
			List<Shortfall> below = lines.stream()
				.filter((l) -> l.own().belowTarget())
				.map((l) -> new Shortfall(l.code(), l.title(), l.own().percent(), l.monthsBelowTarget()))
				.toList();
			String code = s.code().value();
			Optional<Ratings.Rating> rating = this.records.ratings().current(code, due.code());
			// senior probation officers are rated by their own managers, not on this page
			boolean ratingDue = rating.isEmpty() && s.grade() != Grade.SPO;
			members.add(new Member(s, lines, below, rating.orElse(null), ratingDue,
					this.records.plans().openPlanOf(code).orElse(null),
					!this.records.plans().capabilityOf(code).isEmpty()));
			ratingPrompts.addAll(this.records.reviews().ratingPrompts(code));
		}
		List<StaffCode> inPost = members.stream().map((m) -> m.staff().code()).toList();
		List<String> staff = inPost.stream().map(StaffCode::value).toList();
		ServiceDeadlines.Upcoming upcoming = this.deadlines.upcomingWithAbsences(inPost, today,
				StaffPerformance.DEADLINE_DAYS);
		return new Page(team, period, due, members, codes, upcoming.deadlines(), upcoming.absences(),
				this.records.plans().dueReviews(staff), this.records.reviews().flagPrompts(staff, true), ratingPrompts);
	}

}
