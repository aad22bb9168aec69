package org.probity.improvement.plans;

import java.io.Reader;
import java.time.LocalDate;
import java.util.List;

import org.probity.accounts.CurrentUser;
import org.probity.improvement.ActionSource;
import org.probity.improvement.SourceKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recommendations of an inspection response, with their actions: entered one by one or
 * imported whole from the exchange CSV (checked first, then applied in one transaction),
 * and exported in the same layout.
 */
@Service
public class Recommendations {

	public record Summary(long agreed, long partlyAgreed, long notAgreed, long total) {
	}

	public record Imported(int recommendations, int actions) {
	}

	private final JdbcClient jdbc;

	private final Plans plans;

	private final Actions actions;

	Recommendations(JdbcClient jdbc, Plans plans, Actions actions) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.actions = actions;
	}

	@Transactional(readOnly = true)
	public List<Recommendation> of(long planId) {
		return this.jdbc.sql("""
				select rec_no, text, response, reason_category, explanation from improvement_recommendation
				where plan_id = :plan order by rec_no
				""").param("plan", planId).query(Recommendation.class).list();
	}

	public static Summary summary(List<Recommendation> recommendations) {
		long agreed = recommendations.stream().filter((r) -> r.response() == Response.AGREED).count();
		long partly = recommendations.stream().filter((r) -> r.response() == Response.PARTLY_AGREED).count();
		long not = recommendations.stream().filter((r) -> r.response() == Response.NOT_AGREED).count();
		return new Summary(agreed, partly, not, recommendations.size());
	}

	/** Checks the whole file, then adds its recommendations and actions, or nothing. */
	@Transactional
	public Imported importCsv(long planId, Reader csv, CurrentUser user) {
		this.plans.visible(planId, user).orElseThrow(() -> new NotFound("No plan " + planId));
		return importInto(planId, csv, user.getUsername());
	}

	/**
	 * The same without a user's scope: for the demo data, through the module's facade.
	 */
	@Transactional
	public Imported importInto(long planId, Reader csv, String username) {
		Plans.Plan plan = this.plans.find(planId).orElseThrow(() -> new NotFound("No plan " + planId));
		PlanCsv.Parsed parsed = PlanCsv.read(csv);
		this.jdbc.sql("select plan_id from improvement_plan where plan_id = :id for update")
			.param("id", planId)
			.query(Long.class)
			.single();
		if (plan.archived()) {
			throw new Stale("The plan is archived: nothing was imported");
		}
		if (!of(planId).isEmpty()) {
			throw new Stale("The plan already has recommendations: nothing was imported");
		}
		for (Recommendation r : parsed.recommendations()) {
			add(planId, r);
		}
		for (PlanCsv.ActionRow a : parsed.actions()) {
			this.actions.add(planId, new Actions.NewAction(a.recNo(), a.actionNo(), a.description(), a.owner(), null,
					a.targetDate(), a.recurrence(),
					new ActionSource(SourceKind.RECOMMENDATION, planId + "/" + a.recNo() + "/" + a.actionNo()), null),
					username);
		}
		return new Imported(parsed.recommendations().size(), parsed.actions().size());
	}

	@Transactional
	public void add(long planId, Recommendation r) {
		if (r.response() != Response.AGREED && (r.reasonCategory() == null || r.explanation() == null)) {
			throw new InvalidPlan("reason_category", "A " + r.response().label().toLowerCase()
					+ " recommendation needs a reason category and an explanation");
		}
		this.jdbc.sql("""
				insert into improvement_recommendation (plan_id, rec_no, text, response, reason_category, explanation)
				values (:plan, :no, :text, :response, :reason, :explanation)
				""")
			.param("plan", planId)
			.param("no", r.recNo())
			.param("text", r.text())
			.param("response", r.response().name())
			.param("reason", (r.reasonCategory() != null) ? r.reasonCategory().name() : null)
			.param("explanation", r.explanation())
			.update();
	}

	@Transactional(readOnly = true)
	public byte[] exportCsv(long planId, LocalDate asOf) {
		return PlanCsv.write(of(planId), this.actions.ofPlan(planId, asOf));
	}

}
