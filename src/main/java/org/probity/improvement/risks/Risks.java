package org.probity.improvement.risks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.probity.accounts.CurrentUser;
import org.probity.improvement.PlanKind;
import org.probity.improvement.plans.InvalidPlan;
import org.probity.improvement.plans.NotFound;
import org.probity.improvement.plans.Plans;
import org.probity.improvement.plans.Rag;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk register of a RISK_ASSURANCE plan (improvement.md, "Risk register"): score =
 * likelihood x impact, 15 or more RED, 8 to 14 AMBER, below 8 GREEN. Every assessment is
 * a review row, never overwritten; the register as of a date shows each risk as last
 * reviewed on or before that date.
 */
@Service
public class Risks {

	public record Assessment(String description, String owner, Integer likelihood, Integer impact, String controls,
			LocalDate reviewDate, LocalDate reviewedOn, String note, List<Long> actionIds) {
	}

	public record Risk(long riskId, long planId, String planTitle, int riskNo, String description, String owner,
			int likelihood, int impact, String controls, LocalDate reviewDate, LocalDate reviewedOn, String note,
			int reviews, List<Long> actionIds, LocalDate asOf) {

		public int score() {
			return this.likelihood * this.impact;
		}

		public Rag rag() {
			return band(score());
		}

		/** The review date has passed without a review. */
		public boolean pastReview() {
			return this.reviewDate.isBefore(this.asOf);
		}

	}

	public record Review(long reviewId, LocalDate reviewedOn, int likelihood, int impact, String controls,
			LocalDate reviewDate, String note, String recordedBy) {

		public int score() {
			return this.likelihood * this.impact;
		}

		public Rag rag() {
			return band(score());
		}

	}

	private static final String AS_OF = """
			select r.risk_id, r.plan_id, p.title as plan_title, r.risk_no, v.description, v.owner, v.likelihood, v.impact,
			       v.controls, v.review_date, v.reviewed_on, v.note,
			       (select count(*) from improvement_risk_review c where c.risk_id = r.risk_id and c.reviewed_on <= :as_of)
			           as reviews
			from improvement_risk r join improvement_plan p on p.plan_id = r.plan_id
			join lateral (select * from improvement_risk_review v where v.risk_id = r.risk_id and v.reviewed_on <= :as_of
			              order by v.reviewed_on desc, v.review_id desc limit 1) v on true
			""";

	private final JdbcClient jdbc;

	private final Plans plans;

	private final Clock clock;

	Risks(JdbcClient jdbc, Plans plans, Clock clock) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.clock = clock;
	}

	/** The RAG band of a risk score: 15 or more RED, 8 to 14 AMBER, below 8 GREEN. */
	public static Rag band(int score) {
		if (score >= 15) {
			return Rag.RED;
		}
		return (score >= 8) ? Rag.AMBER : Rag.GREEN;
	}

	@Transactional
	public long add(long planId, Assessment assessment, CurrentUser user) {
		this.plans.visible(planId, user).orElseThrow(() -> new NotFound("No plan " + planId));
		return addTo(planId, assessment, user.getUsername());
	}

	/**
	 * The same without a user's scope: for the demo data, through the module's facade.
	 */
	@Transactional
	public long addTo(long planId, Assessment assessment, String username) {
		Plans.Plan plan = this.plans.find(planId).orElseThrow(() -> new NotFound("No plan " + planId));
		if (plan.kind() != PlanKind.RISK_ASSURANCE) {
			throw new InvalidPlan("plan_id", "Risks are kept on a risk assurance plan");
		}
		check(assessment, true);
		long riskId = this.jdbc.sql("""
				insert into improvement_risk (plan_id, risk_no, created_at, created_by)
				select :plan, coalesce(max(risk_no), 0) + 1, :now, :by from improvement_risk where plan_id = :plan
				returning risk_id
				""")
			.param("plan", planId)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", username)
			.query(Long.class)
			.single();
		insertReview(riskId, assessment, username);
		link(riskId, planId, assessment.actionIds());
		return riskId;
	}

	/**
	 * A review: a new row with the risk's assessment now; what is not given is carried
	 * over.
	 */
	@Transactional
	public void review(long riskId, Assessment assessment, CurrentUser user) {
		Risk current = visible(riskId, user, LocalDate.of(9999, 12, 31))
			.orElseThrow(() -> new NotFound("No risk " + riskId));
		Assessment merged = new Assessment(
				(assessment.description() != null) ? assessment.description() : current.description(),
				(assessment.owner() != null) ? assessment.owner() : current.owner(),
				(assessment.likelihood() != null) ? assessment.likelihood() : current.likelihood(),
				(assessment.impact() != null) ? assessment.impact() : current.impact(),
				(assessment.controls() != null) ? assessment.controls() : current.controls(), assessment.reviewDate(),
				assessment.reviewedOn(), assessment.note(), assessment.actionIds());
		check(merged, false);
		LocalDate reviewedOn = (merged.reviewedOn() != null) ? merged.reviewedOn() : LocalDate.now(this.clock);
		if (reviewedOn.isBefore(current.reviewedOn())) {
			throw new InvalidPlan("reviewed_on", "A review cannot be dated before the last one ("
					+ org.probity.shared.Dates.format(current.reviewedOn()) + ")");
		}
		insertReview(riskId, merged, user.getUsername());
		link(riskId, current.planId(), assessment.actionIds());
	}

	@Transactional(readOnly = true)
	public Optional<Risk> visible(long riskId, CurrentUser user, LocalDate asOf) {
		Optional<Long> planId = this.jdbc.sql("select plan_id from improvement_risk where risk_id = :id")
			.param("id", riskId)
			.query(Long.class)
			.optional();
		if (planId.isEmpty() || this.plans.visible(planId.get(), user).isEmpty()) {
			return Optional.empty();
		}
		return query(AS_OF + " where r.risk_id = :id", Map.of("id", riskId), asOf).stream().findFirst();
	}

	@Transactional(readOnly = true)
	public List<Risk> register(long planId, LocalDate asOf) {
		return query(AS_OF + " where r.plan_id = :plan order by r.risk_no", Map.of("plan", planId), asOf);
	}

	/** Risks of every plan scored 15 or more as of the date: for the committee. */
	@Transactional(readOnly = true)
	public List<Risk> red(LocalDate asOf) {
		return query(AS_OF + " where p.archived_at is null and v.likelihood * v.impact >= 15"
				+ " order by v.likelihood * v.impact desc, r.plan_id, r.risk_no", Map.of(), asOf);
	}

	@Transactional(readOnly = true)
	public List<Review> reviews(long riskId) {
		return this.jdbc.sql("""
				select review_id, reviewed_on, likelihood, impact, controls, review_date, note, recorded_by
				from improvement_risk_review where risk_id = :id order by reviewed_on, review_id
				""").param("id", riskId).query(Review.class).list();
	}

	private List<Risk> query(String sql, Map<String, Object> params, LocalDate asOf) {
		record Row(long riskId, long planId, String planTitle, int riskNo, String description, String owner,
				int likelihood, int impact, String controls, LocalDate reviewDate, LocalDate reviewedOn, String note,
				int reviews) {
		}
		List<Row> rows = this.jdbc.sql(sql).params(params).param("as_of", asOf).query(Row.class).list();
		Map<Long, List<Long>> links = new LinkedHashMap<>();
		if (!rows.isEmpty()) {
			this.jdbc.sql("select risk_id, action_id from improvement_risk_action where risk_id in (:ids) order by 2")
				.param("ids", rows.stream().map(Row::riskId).toList())
				.query((rs) -> {
					links.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getLong(2));
				});
		}
		return rows.stream()
			.map((r) -> new Risk(r.riskId(), r.planId(), r.planTitle(), r.riskNo(), r.description(), r.owner(),
					r.likelihood(), r.impact(), r.controls(), r.reviewDate(), r.reviewedOn(), r.note(), r.reviews(),
					links.getOrDefault(r.riskId(), List.of()), asOf))
			.toList();
	}

	private void insertReview(long riskId, Assessment a, String username) {
		this.jdbc.sql("""
				insert into improvement_risk_review (risk_id, reviewed_on, description, owner, likelihood, impact,
				    controls, review_date, note, recorded_at, recorded_by)
				values (:risk, :on, :description, :owner, :likelihood, :impact, :controls, :review, :note, :now, :by)
				""")
			.param("risk", riskId)
			.param("on", (a.reviewedOn() != null) ? a.reviewedOn() : LocalDate.now(this.clock))
			.param("description", a.description().trim())
			.param("owner", a.owner().trim())
			.param("likelihood", a.likelihood())
			.param("impact", a.impact())
			.param("controls", (a.controls() != null) ? a.controls().trim() : "")
			.param("review", a.reviewDate())
			.param("note", a.note())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", username)
			.update();
	}

	private void link(long riskId, long planId, List<Long> actionIds) {
		if (actionIds == null) {
			return;
		}
		for (Long actionId : actionIds) {
			boolean exists = this.jdbc.sql("select exists (select 1 from improvement_action where action_id = :id)")
				.param("id", actionId)
				.query(Boolean.class)
				.single();
			if (!exists) {
				throw new InvalidPlan("action_ids", "No action " + actionId);
			}
			this.jdbc
				.sql("""
						insert into improvement_risk_action (risk_id, action_id) values (:risk, :action) on conflict do nothing
						""")
				.param("risk", riskId)
				.param("action", actionId)
				.update();
		}
	}

	private static void check(Assessment a, boolean isNew) {
		if (a.description() == null || a.description().isBlank()) {
			throw new InvalidPlan("description", "Describe the risk");
		}
		if (a.owner() == null || a.owner().isBlank()) {
			throw new InvalidPlan("owner", "Enter who owns the risk");
		}
		if (a.likelihood() == null || a.likelihood() < 1 || a.likelihood() > 5) {
			throw new InvalidPlan("likelihood", "Likelihood is a whole number from 1 to 5");
		}
		if (a.impact() == null || a.impact() < 1 || a.impact() > 5) {
			throw new InvalidPlan("impact", "Impact is a whole number from 1 to 5");
		}
		if (a.reviewDate() == null) {
			throw new InvalidPlan("review_date",
					isNew ? "Enter the date the risk is next reviewed" : "Enter the date of the next review");
		}
	}

}
