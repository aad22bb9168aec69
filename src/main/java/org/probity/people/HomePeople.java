package org.probity.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.estate.Staff;
import org.probity.shared.StaffCode;
import org.probity.measures.MeasureFigures;
import org.probity.measures.ServiceDeadlines;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The people panel of the home page: a practitioner's deadlines coming up; a line
 * manager's improvement plan reviews due or missed, formal reviews to open, ratings due
 * and the team's deadlines.
 */
@ControllerAdvice(basePackages = "org.probity")
class HomePeople {

	record Panel(boolean manager, String teamCode, List<ImprovementPlans.DueReview> dueReviews,
			List<FormalReviews.FlagPrompt> flags, List<FormalReviews.RatingPrompt> ratingPrompts, long ratingsDue,
			String dueQuarter, List<ServiceDeadlines.Deadline> deadlines, List<ServiceDeadlines.Absence> absences,
			int restrictedCases, Map<String, String> names) {

		/** A member of the team by name (their code when the estate has no name). */
		public String name(String staffCode) {
			return this.names.getOrDefault(staffCode, staffCode);
		}

		/**
		 * The sustained shortfalls by member of staff, in the order first met (newest
		 * month first): one line each on the page, with one link to open their review.
		 */
		public Map<String, List<FormalReviews.FlagPrompt>> flagsByStaff() {
			Map<String, List<FormalReviews.FlagPrompt>> byStaff = new LinkedHashMap<>();
			for (FormalReviews.FlagPrompt f : this.flags) {
				byStaff.computeIfAbsent(f.staffCode(), (s) -> new ArrayList<>()).add(f);
			}
			return byStaff;
		}

		/** A measure by its title and code. */
		public String measure(String code) {
			return MeasureFigures.named(code);
		}

		public boolean empty() {
			return this.dueReviews.isEmpty() && this.flags.isEmpty() && this.ratingPrompts.isEmpty()
					&& this.ratingsDue == 0 && this.deadlines.isEmpty() && this.absences.isEmpty();
		}

	}

	private final PersonnelScope scope;

	private final PeopleRecords records;

	private final ServiceDeadlines deadlines;

	private final Clock clock;

	HomePeople(PersonnelScope scope, PeopleRecords records, ServiceDeadlines deadlines, Clock clock) {
		this.scope = scope;
		this.records = records;
		this.deadlines = deadlines;
		this.clock = clock;
	}

	@ModelAttribute("peoplePanel")
	Panel peoplePanel(HttpServletRequest request, @AuthenticationPrincipal CurrentUser user) {
		if (user == null || !"/".equals(request.getServletPath())) {
			return null;
		}
		LocalDate today = LocalDate.now(this.clock);
		String due = this.records.ratings().dueQuarter().code();
		if (user.role() == Role.LINE_MANAGER) {
			List<Staff> team = this.scope.managedStaff(user);
			LocalDate t = today;
			List<StaffCode> inPost = team.stream().filter((s) -> s.inPostOn(t)).map(Staff::code).toList();
			List<String> codes = inPost.stream().map(StaffCode::value).toList();
			List<FormalReviews.RatingPrompt> ratingPrompts = new ArrayList<>();
			long ratingsDue = 0;
			for (String code : codes) {
				ratingPrompts.addAll(this.records.reviews().ratingPrompts(code));
				if (this.records.ratings().current(code, due).isEmpty()) {
					ratingsDue++;
				}
			}
			ServiceDeadlines.Upcoming upcoming = this.deadlines.upcomingWithAbsences(inPost, today,
					StaffPerformance.DEADLINE_DAYS);
			PersonnelScope.Cases<ServiceDeadlines.Deadline> d = this.scope.casesShown(user, "Home: team deadlines",
					upcoming.deadlines(), PersonnelScope::holding);
			PersonnelScope.Cases<ServiceDeadlines.Absence> a = this.scope.casesShown(user, "Home: team absences",
					upcoming.absences(), PersonnelScope::holding);
			return new Panel(true, user.unitCode(), this.records.plans().dueReviews(codes),
					this.records.reviews().flagPrompts(codes, true), ratingPrompts, ratingsDue,
					this.records.ratings().dueQuarter().label(), d.rows(), a.rows(), d.restricted() + a.restricted(),
					team.stream().collect(Collectors.toMap((s) -> s.code().value(), Staff::name, (x, y) -> x)));
		}
		if (user.staffCode() != null && user.role() == Role.PRACTITIONER) {
			// (an account's staff code of another form is no practitioner's: nothing
			// listed)
			List<StaffCode> own = StaffCode.isValid(user.staffCode()) ? List.of(new StaffCode(user.staffCode()))
					: List.of();
			ServiceDeadlines.Upcoming upcoming = this.deadlines.upcomingWithAbsences(own, today,
					StaffPerformance.DEADLINE_DAYS);
			PersonnelScope.Cases<ServiceDeadlines.Deadline> d = this.scope.casesShown(user, "Home: deadlines",
					upcoming.deadlines(), PersonnelScope::holding);
			PersonnelScope.Cases<ServiceDeadlines.Absence> a = this.scope.casesShown(user, "Home: absences",
					upcoming.absences(), PersonnelScope::holding);
			return new Panel(false, null, List.of(), List.of(), List.of(), 0, null, d.rows(), a.rows(),
					d.restricted() + a.restricted(), Map.of());
		}
		return null;
	}

}
