package org.probity.people;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.probity.measures.MeasureFigures;
import org.probity.measures.MeasureFlagRaised;
import org.probity.shared.Dates;
import org.probity.shared.Period;
import org.probity.shared.StaffCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prompts to the line manager to open a formal performance review (improvement.md,
 * "People"): a sustained-shortfall flag on a practitioner, once per flag however often
 * the event arrives; and a member of staff rated AMBER or RED for a quarter who is still
 * below target on the same measures in the three months after it.
 */
@Service
class FormalReviews {

	/** A prompt from a flag: the measure below target three months running to a month. */
	record FlagPrompt(long promptId, String staffCode, String measureCode, LocalDate month, double performance,
			LocalDate openedOn, String openedBy) {

		public String monthLabel() {
			return Period.month(YearMonth.from(this.month)).label();
		}

		public String opened() {
			return (this.openedOn != null) ? Dates.format(this.openedOn) : null;
		}

	}

	/**
	 * A member of staff still below target on a measure three months after their rating.
	 */
	record RatingPrompt(String staffCode, String quarter, Rag rag, String measureCode, String measureTitle,
			String performanceThen, String performanceNow) {

		public String quarterLabel() {
			return Period.parse(this.quarter).label();
		}

	}

	private final JdbcClient jdbc;

	private final Ratings ratings;

	private final MeasureFigures figures;

	private final Clock clock;

	FormalReviews(JdbcClient jdbc, Ratings ratings, MeasureFigures figures, Clock clock) {
		this.jdbc = jdbc;
		this.ratings = ratings;
		this.figures = figures;
		this.clock = clock;
	}

	/** Idempotent: a unique key on the flag (staff, measure, month). */
	@ApplicationModuleListener
	void on(MeasureFlagRaised flag) {
		if (!MeasureFlagRaised.SUSTAINED_SHORTFALL.equals(flag.kind()) || flag.staffCode() == null) {
			return;
		}
		record(flag);
	}

	void record(MeasureFlagRaised flag) {
		this.jdbc.sql("""
				insert into formal_review_prompt (staff_code, measure_code, month, performance, raised_at)
				values (:staff, :measure, :month, :performance, :at)
				on conflict (staff_code, measure_code, month) do nothing
				""")
			.param("staff", flag.staffCode().value())
			.param("measure", flag.measureCode().value())
			.param("month", flag.month().atDay(1))
			.param("performance", flag.performance())
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.update();
	}

	@Transactional(readOnly = true)
	List<FlagPrompt> flagPrompts(List<String> staffCodes, boolean openOnly) {
		if (staffCodes.isEmpty()) {
			return List.of();
		}
		// still to act on: the latest open prompt of each staff member and measure (a
		// shortfall that goes on raises a flag each month); the record keeps them all
		String sql = openOnly ? """
				select * from (
				    select distinct on (staff_code, measure_code)
				           prompt_id, staff_code, measure_code, month, performance, opened_on, opened_by
				    from formal_review_prompt
				    where staff_code = any(cast(:staff as char(7)[])) and opened_on is null
				    order by staff_code, measure_code, month desc
				) p
				order by month desc, staff_code, measure_code
				""" : """
				select prompt_id, staff_code, measure_code, month, performance, opened_on, opened_by
				from formal_review_prompt where staff_code = any(cast(:staff as char(7)[]))
				order by month desc, staff_code, measure_code
				""";
		return this.jdbc.sql(sql).param("staff", staffCodes.toArray(String[]::new)).query(FlagPrompt.class).list();
	}

	/**
	 * The line manager records that the formal review was opened: for this prompt and the
	 * earlier open ones of the same measure.
	 */
	@Transactional
	boolean markOpened(long promptId, String staffCode, String username) {
		return this.jdbc.sql("""
				update formal_review_prompt p set opened_on = :today, opened_by = :by
				from formal_review_prompt chosen
				where chosen.prompt_id = :id and chosen.staff_code = :staff
				  and p.staff_code = chosen.staff_code and p.measure_code = chosen.measure_code
				  and p.month <= chosen.month and p.opened_on is null
				""")
			.param("today", LocalDate.now(this.clock))
			.param("by", username)
			.param("id", promptId)
			.param("staff", staffCode)
			.update() > 0;
	}

	/**
	 * For the staff member's current AMBER or RED ratings: the measures below target in
	 * the rated quarter and still below target in the quarter after it, once that quarter
	 * has ended.
	 */
	@Transactional(readOnly = true)
	List<RatingPrompt> ratingPrompts(String staffCode) {
		List<RatingPrompt> prompts = new ArrayList<>();
		LocalDate today = LocalDate.now(this.clock);
		for (Ratings.Rating r : this.ratings.currentRatings(staffCode)) {
			if (r.rag() == Rag.GREEN) {
				continue;
			}
			Period rated = Period.parse(r.quarter());
			Period later = Period.quarter(rated.last().plusMonths(3).getYear(),
					(rated.last().plusMonths(3).getMonthValue() - 1) / 3 + 1);
			if (!later.endDate().isBefore(today)) {
				continue;
			}
			List<MeasureFigures.Line> then = this.figures.own(new StaffCode(staffCode), rated, 1);
			List<MeasureFigures.Line> now = this.figures.own(new StaffCode(staffCode), later, 1);
			for (int i = 0; i < then.size(); i++) {
				if (then.get(i).own().belowTarget() && now.get(i).own().belowTarget()) {
					prompts.add(new RatingPrompt(staffCode, r.quarter(), r.rag(), then.get(i).code(),
							then.get(i).title(), then.get(i).own().percent(), now.get(i).own().percent()));
				}
			}
		}
		return prompts;
	}

}
