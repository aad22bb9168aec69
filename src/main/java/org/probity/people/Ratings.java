package org.probity.people;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.probity.accounts.CurrentUser;
import org.probity.estate.Staff;
import org.probity.shared.Clocks;
import org.probity.shared.Dates;
import org.probity.shared.Period;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarterly RAG ratings of staff by their line manager (improvement.md, "People"). A
 * rating is never overwritten: a correction is a new, dated rating naming the one it
 * corrects and why. AMBER opens a performance improvement plan (unless one is open); RED
 * records the start of the capability procedure.
 */
@Service
class Ratings {

	static final int MAX_TEXT = 4000;

	record Rating(long ratingId, String staffCode, String quarter, Rag rag, String note, String ratedBy,
			Instant ratedAt, Long corrects, String correctionReason, boolean current) {

		public String ratedOn() {
			return Dates.format(this.ratedAt.atZone(Clocks.LONDON).toLocalDate());
		}

		public String quarterLabel() {
			return Period.parse(this.quarter).label();
		}

	}

	/**
	 * What a line manager enters: a quarter's rating, or a correction of the current one
	 * ({@code corrects} its id, with a reason); with the plan's objectives and support
	 * for AMBER, the capability procedure's start and stage for RED.
	 */
	record RatingInput(String quarter, String rag, String note, Long corrects, String correctionReason,
			String objectives, String support, String capabilityStage, LocalDate capabilityStart) {
	}

	/** What was recorded: the rating, and the plan it opened if any. */
	record Recorded(Rating rating, Long planId) {
	}

	private final JdbcClient jdbc;

	private final ImprovementPlans plans;

	private final Clock clock;

	Ratings(JdbcClient jdbc, ImprovementPlans plans, Clock clock) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.clock = clock;
	}

	/** Every rating of the staff member, newest quarter first, then newest first. */
	@Transactional(readOnly = true)
	List<Rating> history(String staffCode) {
		return this.jdbc
			.sql("""
					select r.rating_id, r.staff_code, r.quarter, r.rag, r.note, r.rated_by, r.rated_at, r.corrects,
					       r.correction_reason, not exists (select 1 from staff_rating c where c.corrects = r.rating_id) as current
					from staff_rating r where r.staff_code = :staff
					order by r.quarter desc, r.rated_at desc, r.rating_id desc
					""")
			.param("staff", staffCode)
			.query(Rating.class)
			.list();
	}

	@Transactional(readOnly = true)
	Optional<Rating> current(String staffCode, String quarter) {
		return history(staffCode).stream().filter((r) -> r.current() && r.quarter().equals(quarter)).findFirst();
	}

	/** The current rating of each quarter, newest first. */
	@Transactional(readOnly = true)
	List<Rating> currentRatings(String staffCode) {
		return history(staffCode).stream().filter(Rating::current).toList();
	}

	/** The quarter a rating is due for today: the last quarter that has ended. */
	Period dueQuarter() {
		return quarterOf(LocalDate.now(this.clock)).previous();
	}

	/** The problems of the input, by field; empty when it can be recorded. */
	@Transactional(readOnly = true)
	Map<String, String> problems(Staff staff, RatingInput input) {
		Map<String, String> errors = new LinkedHashMap<>();
		Period quarter = null;
		try {
			quarter = Period.parse(input.quarter());
			if (quarter.kind() != Period.Kind.QUARTER) {
				errors.put("quarter", "Enter a quarter, like 2024-Q1");
				quarter = null;
			}
			else if (quarter.startDate().isAfter(LocalDate.now(this.clock))) {
				errors.put("quarter", "A quarter that has not started cannot be rated");
				quarter = null;
			}
		}
		catch (IllegalArgumentException ex) {
			errors.put("quarter", "Enter a quarter, like 2024-Q1");
		}
		Rag rag = Rag.parse(input.rag());
		if (rag == null) {
			errors.put("rag", "Select Green, Amber or Red");
		}
		if (blank(input.note())) {
			errors.put("note", "Enter a note explaining the rating");
		}
		else if (input.note().length() > MAX_TEXT) {
			errors.put("note", "The note must be " + MAX_TEXT + " characters or fewer");
		}
		Optional<Rating> current = (quarter != null) ? current(staff.code().value(), quarter.code()) : Optional.empty();
		if (input.corrects() != null) {
			if (blank(input.correctionReason())) {
				errors.put("correctionReason", "Enter the reason for the correction");
			}
			if (quarter != null && (current.isEmpty() || current.get().ratingId() != input.corrects())) {
				errors.put("quarter", "The rating you are correcting is no longer the current one: reload the page");
			}
		}
		else if (current.isPresent()) {
			errors.put("quarter", staff.name() + " is already rated " + current.get().rag().word() + " for "
					+ current.get().quarterLabel() + ": record a correction instead");
		}
		if (rag == Rag.AMBER && this.plans.openPlanOf(staff.code().value()).isEmpty()) {
			if (blank(input.objectives())) {
				errors.put("objectives", "Enter the objectives of the performance improvement plan");
			}
			if (blank(input.support())) {
				errors.put("support", "Enter the support offered");
			}
		}
		if (rag == Rag.RED && !(current.isPresent() && current.get().rag() == Rag.RED)) {
			if (CapabilityStage.parse(input.capabilityStage()) == null) {
				errors.put("capabilityStage", "Select the stage at which the capability procedure starts");
			}
			if (input.capabilityStart() == null) {
				errors.put("capabilityStart", "Enter the date the capability procedure starts");
			}
		}
		return errors;
	}

	/**
	 * Records the rating (or correction). Refused as a stale edit when someone rated the
	 * quarter, or corrected the same rating, meanwhile.
	 */
	@Transactional
	Recorded rate(CurrentUser user, Staff staff, RatingInput input) {
		return rate(user.getUsername(), staff, input, this.clock.instant());
	}

	/** As {@link #rate(CurrentUser, Staff, RatingInput)}, by a username at a time. */
	@Transactional
	Recorded rate(String username, Staff staff, RatingInput input, Instant at) {
		Map<String, String> errors = problems(staff, input);
		if (!errors.isEmpty()) {
			if (errors.getOrDefault("quarter", "").contains("reload")
					|| errors.getOrDefault("quarter", "").contains("correction instead")) {
				throw new StaleEdit(errors.get("quarter"));
			}
			throw new InvalidInput(errors);
		}
		String quarter = Period.parse(input.quarter()).code();
		Optional<Rating> previous = current(staff.code().value(), quarter);
		Rag rag = Rag.parse(input.rag());
		long id;
		try {
			id = this.jdbc
				.sql("""
						insert into staff_rating (staff_code, quarter, rag, note, rated_by, rated_at, corrects, correction_reason)
						values (:staff, :quarter, :rag, :note, :by, :at, :corrects, :reason) returning rating_id
						""")
				.param("staff", staff.code().value())
				.param("quarter", quarter)
				.param("rag", rag.name())
				.param("note", input.note().strip())
				.param("by", username)
				.param("at", java.sql.Timestamp.from(at))
				.param("corrects", input.corrects(), java.sql.Types.BIGINT)
				.param("reason", (input.corrects() != null) ? input.correctionReason().strip() : null,
						java.sql.Types.VARCHAR)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new StaleEdit("Someone else rated " + staff.name() + " for this quarter meanwhile: reload the page");
		}
		Long planId = null;
		if (rag == Rag.AMBER && this.plans.openPlanOf(staff.code().value()).isEmpty()) {
			planId = this.plans.open(staff.code().value(), id, input.objectives().strip(), input.support().strip(),
					username, at.atZone(Clocks.LONDON).toLocalDate());
		}
		if (rag == Rag.RED && !(previous.isPresent() && previous.get().rag() == Rag.RED)) {
			this.plans.startCapability(staff.code().value(), id, input.capabilityStart(),
					CapabilityStage.parse(input.capabilityStage()), username);
		}
		Rating rating = history(staff.code().value()).stream()
			.filter((r) -> r.ratingId() == id)
			.findFirst()
			.orElseThrow();
		return new Recorded(rating, planId);
	}

	static Period quarterOf(LocalDate day) {
		return Period.quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
