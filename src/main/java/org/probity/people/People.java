package org.probity.people;

import java.time.LocalDate;
import java.util.List;

import org.probity.estate.Staff;
import org.probity.shared.Clocks;
import org.probity.shared.Period;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people module's facade for other modules (the demo loads its records through it):
 * quarterly ratings, improvement plan reviews and the learning and development plan, with
 * the same rules as the pages. Scope is the callers' concern: nothing here is shown to a
 * user.
 */
@Service
public class People {

	/** A member of staff in post in a team. */
	public record Member(StaffCode staffCode, String name, String grade) {
	}

	/** A theme of the training needs analysis. */
	public record Theme(String templateCode, String kind, String code, String text, long failed, long audits) {
	}

	private final PersonnelScope scope;

	private final Ratings ratings;

	private final ImprovementPlans plans;

	private final TrainingNeeds training;

	private final TeamPerformance teams;

	People(PersonnelScope scope, Ratings ratings, ImprovementPlans plans, TrainingNeeds training,
			TeamPerformance teams) {
		this.scope = scope;
		this.ratings = ratings;
		this.plans = plans;
		this.training = training;
		this.teams = teams;
	}

	@Transactional(readOnly = true)
	public List<Member> members(UnitCode team) {
		return this.teams.members(team).stream().map((s) -> new Member(s.code(), s.name(), s.grade().name())).toList();
	}

	/**
	 * The quarter ratings are due for today (the last one that has ended).
	 */
	public Period dueQuarter() {
		return this.ratings.dueQuarter();
	}

	/**
	 * Rates a member of staff for a quarter as of a day (noon, London time); AMBER opens
	 * an improvement plan on that day, RED records the capability procedure's start.
	 * @return the plan opened, or null
	 * @throws IllegalArgumentException when the rating cannot be recorded, with why
	 */
	@Transactional
	public Long rate(String username, StaffCode staffCode, Period quarter, String rag, String note, String objectives,
			String support, String capabilityStage, LocalDate capabilityStart, LocalDate ratedOn) {
		Staff staff = this.scope.find(staffCode.value())
			.orElseThrow(() -> new IllegalArgumentException("No staff " + staffCode));
		try {
			return this.ratings
				.rate(username, staff,
						new Ratings.RatingInput(quarter.code(), rag, note, null, null, objectives, support,
								capabilityStage, capabilityStart),
						ratedOn.atTime(12, 0).atZone(Clocks.LONDON).toInstant())
				.planId();
		}
		catch (InvalidInput | StaleEdit ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	/** Records the next review of the staff member's open plan. */
	@Transactional
	public void recordReview(String username, StaffCode staffCode, LocalDate on, String note) {
		ImprovementPlans.Plan plan = this.plans.openPlanOf(staffCode.value())
			.orElseThrow(() -> new IllegalArgumentException("No open plan for " + staffCode));
		ImprovementPlans.Review next = plan.reviews()
			.stream()
			.filter((r) -> !r.done())
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Every review of the plan is recorded"));
		this.plans.recordReview(username, plan.planId(), plan.version(), next.reviewNo(), on, note);
	}

	/** Records the outcome of the staff member's open plan on a day. */
	@Transactional
	public void recordOutcome(String username, StaffCode staffCode, String outcome, String note, LocalDate on) {
		ImprovementPlans.Plan plan = this.plans.openPlanOf(staffCode.value())
			.orElseThrow(() -> new IllegalArgumentException("No open plan for " + staffCode));
		this.plans.recordOutcome(username, plan.planId(), plan.version(), outcome, note, on);
	}

	/**
	 * The themes of the unit's training needs analysis for a quarter, commonest first.
	 */
	@Transactional(readOnly = true)
	public List<Theme> trainingNeeds(UnitCode unit, Period quarter) {
		return this.training.needs(unit.value(), quarter)
			.stream()
			.map((n) -> new Theme(n.templateCode(), n.themeKind(), n.themeCode(), n.themeText(), n.failed(),
					n.audits()))
			.toList();
	}

	/** Adds an item of the learning and development plan answering a theme. */
	@Transactional
	public long addLearningItem(String username, UnitCode unit, Theme theme, String course, String audienceGrade,
			List<StaffCode> audienceStaff, LocalDate date, String owner, String status) {
		List<String> staff = audienceStaff.stream().map(StaffCode::value).toList();
		try {
			return this.training.add(new TrainingNeeds.ItemInput(unit.value(), theme.templateCode(), theme.kind(),
					theme.code(), course, audienceGrade, String.join(",", staff), date, owner, status), username);
		}
		catch (InvalidInput ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

}
