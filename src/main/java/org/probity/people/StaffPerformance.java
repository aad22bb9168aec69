package org.probity.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.probity.audits.AuditAlerts;
import org.probity.audits.AuditRatings;
import org.probity.estate.Estate;
import org.probity.estate.Staff;
import org.probity.estate.Unit;
import org.probity.measures.MeasureFigures;
import org.probity.measures.ServiceDeadlines;
import org.probity.shared.Period;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A practitioner's performance on one page (improvement.md, "People"): their measures
 * beside their team's and provider's, audit ratings of their cases, observations of their
 * practice, open alerts, flags, ratings and plans, and the deadlines coming up on their
 * cases.
 */
@Service
class StaffPerformance {

	/** Below this many audited cases a rating is shown as resting on too few to judge. */
	static final int FEW_CASES = 5;

	static final int TREND_MONTHS = 12;

	static final int DEADLINE_DAYS = 5;

	/** A standard's rating over the audits of the staff member's cases in the period. */
	record StandardLine(String templateCode, String code, String title, String rating, String ratingClass, long audited,
			boolean fewCases) {
	}

	record Page(Staff staff, String teamName, Period period, List<MeasureFigures.Line> measures, long auditsCompleted,
			List<StandardLine> standards, long observations, List<StandardLine> observed,
			List<AuditAlerts.Alert> openAlerts, List<FormalReviews.FlagPrompt> flags,
			List<FormalReviews.RatingPrompt> ratingPrompts, List<Ratings.Rating> ratings,
			List<ImprovementPlans.Plan> plans, List<ImprovementPlans.Capability> capability,
			List<ServiceDeadlines.Deadline> deadlines, List<ServiceDeadlines.Absence> absences) {

		public boolean fewAudits() {
			return this.auditsCompleted < FEW_CASES;
		}

		public boolean fewObservations() {
			return this.observations < FEW_CASES;
		}

	}

	private final MeasureFigures figures;

	private final AuditRatings auditRatings;

	private final AuditAlerts alerts;

	private final ServiceDeadlines deadlines;

	private final PeopleRecords records;

	private final Clock clock;

	StaffPerformance(MeasureFigures figures, AuditRatings auditRatings, AuditAlerts alerts, ServiceDeadlines deadlines,
			PeopleRecords records, Clock clock) {
		this.figures = figures;
		this.auditRatings = auditRatings;
		this.alerts = alerts;
		this.deadlines = deadlines;
		this.records = records;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	Page page(Staff staff, Period period) {
		String team = staff.teamCode().value();
		String code = staff.code().value();
		List<MeasureFigures.Line> measures = this.figures.practitioner(staff.code(), staff.teamCode(), period,
				TREND_MONTHS);
		AuditRatings.Result cases = this.auditRatings.rate(AuditRatings.Scope.practitioner(staff.code(),
				period.startDate(), period.endDate(), "CASE_SUPERVISION"));
		AuditRatings.Result observed = this.auditRatings
			.rate(AuditRatings.Scope.practitioner(staff.code(), period.startDate(), period.endDate(), "OBSERVATION"));
		List<AuditAlerts.Alert> open = this.alerts.raisedBetween(staff.teamCode(), LocalDate.of(2000, 1, 1), today())
			.stream()
			.filter((a) -> code.equals(a.staffCode()) && a.open())
			.toList();
		ServiceDeadlines.Upcoming upcoming = this.deadlines.upcomingWithAbsences(List.of(staff.code()), today(),
				DEADLINE_DAYS);
		return new Page(staff, this.records.teamName(staff), period, measures, cases.auditsCompleted(),
				standards(cases), observed.auditsCompleted(), standards(observed), open,
				this.records.reviews().flagPrompts(List.of(code), false), this.records.reviews().ratingPrompts(code),
				this.records.ratings().history(code), this.records.plans().plansOf(code),
				this.records.plans().capabilityOf(code), upcoming.deadlines(), upcoming.absences());
	}

	/** The practitioner's own measures only: for the team page and the API. */
	@Transactional(readOnly = true)
	List<MeasureFigures.Line> measures(Staff staff, Period period) {
		return this.figures.practitioner(staff.code(), staff.teamCode(), period, TREND_MONTHS);
	}

	private static List<StandardLine> standards(AuditRatings.Result result) {
		return result.standards().stream().map((s) -> {
			long audited = s.keyQuestions().stream().mapToLong((q) -> q.yes() + q.no()).max().orElse(0);
			return new StandardLine(s.templateCode(), s.code(), s.title(),
					(s.rating() != null) ? s.rating().label() : "Not rated",
					(s.rating() != null) ? s.rating().tagClass() : "govuk-tag govuk-tag--grey", audited,
					audited < FEW_CASES);
		}).toList();
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** The unit's name, for headings. */
	static String unitName(Estate estate, Staff staff) {
		return estate.unit(staff.teamCode()).map(Unit::name).orElse(staff.teamCode().value());
	}

}
