package org.probity.people;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.probity.accounts.CurrentUser;
import org.probity.estate.Staff;
import org.probity.measures.MeasureFigures;
import org.probity.shared.Period;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff performance for HR and workforce tools, scoped as the pages are: the staff
 * member, their line manager, the senior managers above, and API clients granted
 * personnel access by an administrator. Every call is an opening in the access log.
 */
@RestController
@PreAuthorize("isAuthenticated()")
class PeopleApi {

	record Figure(long numerator, long denominator, Double performance, String rag) {

		static Figure of(MeasureFigures.Figure f) {
			return (f != null) ? new Figure(f.numerator(), f.denominator(), f.performance(), f.rag()) : null;
		}

	}

	record Month(YearMonth month, long numerator, long denominator, Double performance, String rag) {
	}

	record Measure(String code, String title, Double target, Double trigger, long numerator, long denominator,
			Double performance, String rag, Figure team, Figure provider, int monthsBelowTarget, List<Month> trend) {
	}

	record Rating(long ratingId, String quarter, String rag, String note, String ratedBy, Instant ratedAt,
			Long corrects, String correctionReason, boolean current) {

		static Rating of(Ratings.Rating r) {
			return new Rating(r.ratingId(), r.quarter(), r.rag().name(), r.note(), r.ratedBy(), r.ratedAt(),
					r.corrects(), r.correctionReason(), r.current());
		}

	}

	record Performance(String staffCode, String name, String grade, String teamCode, String period,
			List<Measure> measures, List<Rating> ratings) {
	}

	record RatingHistory(String staffCode, String name, List<Rating> ratings) {
	}

	private final PersonnelScope scope;

	private final StaffPerformance performance;

	private final Ratings ratings;

	PeopleApi(PersonnelScope scope, StaffPerformance performance, Ratings ratings) {
		this.scope = scope;
		this.performance = performance;
		this.ratings = ratings;
	}

	@GetMapping("/api/v1/people/{staffCode}/performance")
	Performance performance(@PathVariable String staffCode, @RequestParam String period,
			@AuthenticationPrincipal CurrentUser user) {
		Period chosen = Period.parse(period);
		Staff staff = this.scope.open(user, staffCode);
		List<Measure> measures = this.performance.measures(staff, chosen)
			.stream()
			.map((l) -> new Measure(l.code(), l.title(), l.target(), l.trigger(), l.own().numerator(),
					l.own().denominator(), l.own().performance(), l.own().rag(), Figure.of(l.team()),
					Figure.of(l.provider()), l.monthsBelowTarget(),
					l.trend()
						.stream()
						.map((m) -> new Month(m.month(), m.figure().numerator(), m.figure().denominator(),
								m.figure().performance(), m.figure().rag()))
						.toList()))
			.toList();
		return new Performance(staff.code().value(), staff.name(), staff.grade().name(), staff.teamCode().value(),
				chosen.code(), measures, ratingsOf(staff));
	}

	@GetMapping("/api/v1/people/{staffCode}/ratings")
	RatingHistory ratings(@PathVariable String staffCode, @AuthenticationPrincipal CurrentUser user) {
		Staff staff = this.scope.open(user, staffCode);
		return new RatingHistory(staff.code().value(), staff.name(), ratingsOf(staff));
	}

	private List<Rating> ratingsOf(Staff staff) {
		return this.ratings.history(staff.code().value()).stream().map(Rating::of).toList();
	}

}
