package org.probity.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.probity.accounts.CurrentUser;
import org.probity.shared.BusinessCalendar;
import org.probity.shared.Dates;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Performance improvement plans opened by an AMBER rating (objectives, support offered, a
 * review each month for the next three months, an outcome), and the start of the
 * capability procedure recorded for a RED one.
 */
@Service
class ImprovementPlans {

	/** Reviews a plan schedules when it opens, and again each time it is extended. */
	static final int REVIEWS = 3;

	enum Outcome {

		IMPROVED("Improved"), EXTENDED("Extended"), ESCALATED("Escalated");

		private final String word;

		Outcome(String word) {
			this.word = word;
		}

		public String word() {
			return this.word;
		}

	}

	record Review(int reviewNo, LocalDate dueOn, LocalDate reviewedOn, String note, String reviewedBy) {

		public String due() {
			return Dates.format(this.dueOn);
		}

		public String reviewed() {
			return (this.reviewedOn != null) ? Dates.format(this.reviewedOn) : null;
		}

		public boolean done() {
			return this.reviewedOn != null;
		}

	}

	record Plan(long planId, String staffCode, long ratingId, LocalDate openedOn, String objectives, String support,
			Outcome outcome, LocalDate outcomeOn, String outcomeNote, int version, List<Review> reviews) {

		/** Open until its outcome is IMPROVED or ESCALATED; an extended plan goes on. */
		public boolean open() {
			return this.outcome == null || this.outcome == Outcome.EXTENDED;
		}

		public String opened() {
			return Dates.format(this.openedOn);
		}

		public String outcomeDate() {
			return (this.outcomeOn != null) ? Dates.format(this.outcomeOn) : null;
		}

	}

	record Capability(long procedureId, String staffCode, long ratingId, LocalDate startedOn, CapabilityStage stage,
			String recordedBy) {

		public String started() {
			return Dates.format(this.startedOn);
		}

	}

	/** A review of an open plan that is due soon or was missed. */
	record DueReview(long planId, String staffCode, int reviewNo, LocalDate dueOn, boolean missed) {

		public String due() {
			return Dates.format(this.dueOn);
		}

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	ImprovementPlans(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The review dates of a plan: the same day of each of the next {@code count} months
	 * after {@code from} (the last day of a shorter month when that day is missing), so a
	 * plan opened on 15 November has reviews on 15 December, 15 January and 15 February.
	 */
	static List<LocalDate> reviewSchedule(LocalDate from, int count) {
		List<LocalDate> dates = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			dates.add(from.plusMonths(i));
		}
		return dates;
	}

	long open(String staffCode, long ratingId, String objectives, String support, String username, LocalDate today) {
		long planId = this.jdbc.sql("""
				insert into staff_improvement_plan (staff_code, rating_id, opened_on, objectives, support, created_by)
				values (:staff, :rating, :today, :objectives, :support, :by) returning plan_id
				""")
			.param("staff", staffCode)
			.param("rating", ratingId)
			.param("today", today)
			.param("objectives", objectives)
			.param("support", support)
			.param("by", username)
			.query(Long.class)
			.single();
		schedule(planId, 1, today);
		return planId;
	}

	private void schedule(long planId, int firstNo, LocalDate from) {
		List<LocalDate> dates = reviewSchedule(from, REVIEWS);
		for (int i = 0; i < dates.size(); i++) {
			this.jdbc
				.sql("insert into staff_improvement_plan_review (plan_id, review_no, due_on) values (:plan, :no, :due)")
				.param("plan", planId)
				.param("no", firstNo + i)
				.param("due", dates.get(i))
				.update();
		}
	}

	void startCapability(String staffCode, long ratingId, LocalDate startedOn, CapabilityStage stage, String username) {
		this.jdbc.sql("""
				insert into capability_procedure (staff_code, rating_id, started_on, stage, recorded_by, recorded_at)
				values (:staff, :rating, :started, :stage, :by, :at)
				""")
			.param("staff", staffCode)
			.param("rating", ratingId)
			.param("started", startedOn)
			.param("stage", stage.name())
			.param("by", username)
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.update();
	}

	@Transactional(readOnly = true)
	Optional<Plan> find(long planId) {
		return plans("p.plan_id = :id", Map.of("id", planId)).stream().findFirst();
	}

	@Transactional(readOnly = true)
	List<Plan> plansOf(String staffCode) {
		return plans("p.staff_code = :staff", Map.of("staff", staffCode));
	}

	@Transactional(readOnly = true)
	Optional<Plan> openPlanOf(String staffCode) {
		return plansOf(staffCode).stream().filter(Plan::open).findFirst();
	}

	@Transactional(readOnly = true)
	List<Capability> capabilityOf(String staffCode) {
		return this.jdbc.sql("""
				select procedure_id, staff_code, rating_id, started_on, stage, recorded_by from capability_procedure
				where staff_code = :staff order by started_on desc, procedure_id desc
				""").param("staff", staffCode).query(Capability.class).list();
	}

	/**
	 * Reviews not yet recorded of the open plans of these staff, due by the fifth
	 * business day from today or missed (due before today), soonest first.
	 */
	@Transactional(readOnly = true)
	List<DueReview> dueReviews(List<String> staffCodes) {
		if (staffCodes.isEmpty()) {
			return List.of();
		}
		LocalDate today = LocalDate.now(this.clock);
		LocalDate until = BusinessCalendar.englandAndWales().businessDayAfter(today, 5);
		return this.jdbc.sql("""
				select p.plan_id, p.staff_code, r.review_no, r.due_on, r.due_on < :today as missed
				from staff_improvement_plan p join staff_improvement_plan_review r on r.plan_id = p.plan_id
				where p.staff_code = any(cast(:staff as char(7)[])) and (p.outcome is null or p.outcome = 'EXTENDED')
				  and r.reviewed_on is null and r.due_on <= :until
				order by r.due_on, p.staff_code, r.review_no
				""")
			.param("staff", staffCodes.toArray(String[]::new))
			.param("today", today)
			.param("until", until)
			.query(DueReview.class)
			.list();
	}

	/** Records a monthly review; refused when the plan changed since {@code version}. */
	@Transactional
	Plan recordReview(CurrentUser user, long planId, int version, int reviewNo, LocalDate reviewedOn, String note) {
		return recordReview(user.getUsername(), planId, version, reviewNo, reviewedOn, note);
	}

	@Transactional
	Plan recordReview(String username, long planId, int version, int reviewNo, LocalDate reviewedOn, String note) {
		Plan plan = find(planId).orElseThrow(() -> new NotFound("No improvement plan " + planId));
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<Review> review = plan.reviews().stream().filter((r) -> r.reviewNo() == reviewNo).findFirst();
		if (review.isEmpty()) {
			throw new NotFound("The plan has no review " + reviewNo);
		}
		if (reviewedOn == null) {
			errors.put("reviewedOn", "Enter the date of the review");
		}
		else if (reviewedOn.isAfter(LocalDate.now(this.clock))) {
			errors.put("reviewedOn", "The date of the review must be today or in the past");
		}
		else if (reviewedOn.isBefore(plan.openedOn())) {
			errors.put("reviewedOn", "The review cannot be before the plan opened on " + plan.opened());
		}
		if (note == null || note.isBlank()) {
			errors.put("note", "Enter a note of the review");
		}
		else if (note.length() > Ratings.MAX_TEXT) {
			errors.put("note", "The note must be " + Ratings.MAX_TEXT + " characters or fewer");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		bump(plan, version);
		if (!plan.open() || review.get().done()) {
			throw new StaleEdit("This review has already been recorded or the plan is closed: reload the page");
		}
		this.jdbc.sql("""
				update staff_improvement_plan_review set reviewed_on = :on, note = :note, reviewed_by = :by
				where plan_id = :plan and review_no = :no and reviewed_on is null
				""")
			.param("on", reviewedOn)
			.param("note", note.strip())
			.param("by", username)
			.param("plan", planId)
			.param("no", reviewNo)
			.update();
		return find(planId).orElseThrow();
	}

	/**
	 * Records the plan's outcome. An extended plan schedules three more monthly reviews
	 * after its last one and stays open; improved or escalated closes it.
	 */
	@Transactional
	Plan recordOutcome(CurrentUser user, long planId, int version, String outcomeText, String note) {
		return recordOutcome(user.getUsername(), planId, version, outcomeText, note, LocalDate.now(this.clock));
	}

	@Transactional
	Plan recordOutcome(String username, long planId, int version, String outcomeText, String note, LocalDate on) {
		Plan plan = find(planId).orElseThrow(() -> new NotFound("No improvement plan " + planId));
		Outcome outcome = null;
		for (Outcome o : Outcome.values()) {
			if (o.name().equalsIgnoreCase((outcomeText == null) ? "" : outcomeText.strip())) {
				outcome = o;
			}
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (outcome == null) {
			errors.put("outcome", "Select Improved, Extended or Escalated");
		}
		if (note == null || note.isBlank()) {
			errors.put("outcomeNote", "Enter a note of the outcome");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		bump(plan, version);
		if (!plan.open()) {
			throw new StaleEdit("The plan is already closed: reload the page");
		}
		this.jdbc.sql("""
				update staff_improvement_plan set outcome = :outcome, outcome_on = :today, outcome_note = :note
				where plan_id = :plan
				""")
			.param("outcome", outcome.name())
			.param("today", on)
			.param("note", note.strip())
			.param("plan", planId)
			.update();
		if (outcome == Outcome.EXTENDED) {
			Review last = plan.reviews().get(plan.reviews().size() - 1);
			schedule(planId, last.reviewNo() + 1, last.dueOn());
		}
		return find(planId).orElseThrow();
	}

	private void bump(Plan plan, int version) {
		int updated = this.jdbc
			.sql("update staff_improvement_plan set version = version + 1 where plan_id = :plan and version = :version")
			.param("plan", plan.planId())
			.param("version", version)
			.update();
		if (updated != 1) {
			throw new StaleEdit("Someone else changed this plan since you opened it: reload the page to see it");
		}
	}

	private List<Plan> plans(String where, Map<String, Object> params) {
		record Row(long planId, String staffCode, long ratingId, LocalDate openedOn, String objectives, String support,
				String outcome, LocalDate outcomeOn, String outcomeNote, int version) {
		}
		List<Row> rows = this.jdbc
			.sql("""
					select plan_id, staff_code, rating_id, opened_on, objectives, support, outcome, outcome_on, outcome_note, version
					from staff_improvement_plan p where %s order by opened_on desc, plan_id desc
					"""
				.formatted(where))
			.params(params)
			.query(Row.class)
			.list();
		List<Plan> plans = new ArrayList<>();
		for (Row r : rows) {
			List<Review> reviews = this.jdbc.sql("""
					select review_no, due_on, reviewed_on, note, reviewed_by from staff_improvement_plan_review
					where plan_id = :plan order by review_no
					""").param("plan", r.planId()).query(Review.class).list();
			plans.add(new Plan(r.planId(), r.staffCode(), r.ratingId(), r.openedOn(), r.objectives(), r.support(),
					(r.outcome() != null) ? Outcome.valueOf(r.outcome()) : null, r.outcomeOn(), r.outcomeNote(),
					r.version(), reviews));
		}
		return plans;
	}

}
