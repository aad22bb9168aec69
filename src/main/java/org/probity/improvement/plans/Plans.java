package org.probity.improvement.plans;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.probity.accounts.CurrentUser;
import org.probity.estate.Estate;
import org.probity.estate.Unit;
import org.probity.improvement.PlanKind;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans of every kind for a unit, with an owner; archived when finished. Each unit has
 * one standing plan per kind, created when first needed, that actions raised
 * automatically go to.
 */
@Service
public class Plans {

	public record NewPlan(PlanKind kind, String title, UnitCode unit, String owner, StaffCode ownerStaff,
			Long inspectionId) {
	}

	public record Plan(long planId, PlanKind kind, String title, String unitCode, String unitName, String owner,
			String ownerStaff, Long inspectionId, boolean standing, Instant archivedAt, String archivedBy,
			int version) {

		public boolean archived() {
			return this.archivedAt != null;
		}

	}

	public record PlanLine(Plan plan, long actions, long open, long amber, long red) {
	}

	static final String PLAN_SELECT = """
			select p.plan_id, p.kind, p.title, p.unit_code, coalesce(u.unit_name, p.unit_code) as unit_name, p.owner,
			       p.owner_staff, p.inspection_id, p.standing, p.archived_at, p.archived_by, p.version
			from improvement_plan p left join estate_unit u on u.unit_code = p.unit_code
			""";

	private final JdbcClient jdbc;

	private final Estate estate;

	private final Clock clock;

	private final Actions actions;

	private final PlanScope scope;

	Plans(JdbcClient jdbc, Estate estate, Clock clock, Actions actions, PlanScope scope) {
		this.scope = scope;
		this.jdbc = jdbc;
		this.estate = estate;
		this.clock = clock;
		this.actions = actions;
	}

	@Transactional
	public long create(NewPlan plan, String username) {
		if (plan.kind() == null) {
			throw new InvalidPlan("kind", "Choose the kind of plan");
		}
		if (plan.title() == null || plan.title().isBlank()) {
			throw new InvalidPlan("title", "Enter a title for the plan");
		}
		// A unit not yet imported into the estate is accepted as given: a plan (or the
		// inspection it answers) may come before the case data.
		if (plan.unit() == null) {
			throw new InvalidPlan("unit_code", "Choose the unit the plan is for");
		}
		if (plan.inspectionId() != null && plan.kind() != PlanKind.INSPECTION_RESPONSE) {
			throw new InvalidPlan("inspection_id", "Only an inspection response answers an inspection");
		}
		if (plan.inspectionId() != null
				&& !this.jdbc.sql("select exists (select 1 from improvement_inspection where inspection_id = :id)")
					.param("id", plan.inspectionId())
					.query(Boolean.class)
					.single()) {
			throw new InvalidPlan("inspection_id", "No inspection " + plan.inspectionId());
		}
		String owner = (plan.owner() == null || plan.owner().isBlank()) ? defaultOwner(plan.kind())
				: plan.owner().trim();
		return this.jdbc.sql("""
				insert into improvement_plan (kind, title, unit_code, owner, owner_staff, inspection_id, created_by)
				values (:kind, :title, :unit, :owner, :staff, :inspection, :by) returning plan_id
				""")
			.param("kind", plan.kind().name())
			.param("title", plan.title().trim())
			.param("unit", plan.unit().value())
			.param("owner", owner)
			.param("staff", (plan.ownerStaff() != null) ? plan.ownerStaff().value() : null)
			.param("inspection", plan.inspectionId())
			.param("by", username)
			.query(Long.class)
			.single();
	}

	/**
	 * The unit's standing plan of a kind, created when missing; safe when two nodes ask
	 * at once (the unique standing index decides, the loser reads the winner's plan).
	 */
	@Transactional
	public long standingPlan(PlanKind kind, UnitCode unit) {
		Optional<Long> existing = standingId(kind, unit);
		if (existing.isPresent()) {
			return existing.get();
		}
		String unitName = this.estate.unit(unit).map(Unit::name).orElse(unit.value());
		this.jdbc.sql("""
				insert into improvement_plan (kind, title, unit_code, owner, standing, created_by)
				values (:kind, :title, :unit, :owner, true, 'system')
				on conflict (kind, unit_code) where standing do nothing
				""")
			.param("kind", kind.name())
			.param("title", kind.label() + ": " + unitName)
			.param("unit", unit.value())
			.param("owner", defaultOwner(kind))
			.update();
		return standingId(kind, unit).orElseThrow();
	}

	private Optional<Long> standingId(PlanKind kind, UnitCode unit) {
		return this.jdbc
			.sql("select plan_id from improvement_plan where kind = :kind and unit_code = :unit and standing")
			.param("kind", kind.name())
			.param("unit", unit.value())
			.query(Long.class)
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<Plan> find(long planId) {
		return this.jdbc.sql(PLAN_SELECT + " where p.plan_id = :id").param("id", planId).query(Plan.class).optional();
	}

	/**
	 * The plan if the user may see it; empty for an unknown plan and a plan out of scope.
	 */
	@Transactional(readOnly = true)
	public Optional<Plan> visible(long planId, CurrentUser user) {
		PlanScope.Filter scope = this.scope.plans(user);
		return this.jdbc.sql(PLAN_SELECT + " where p.plan_id = :id and " + scope.sql())
			.params(scope.params())
			.param("id", planId)
			.query(Plan.class)
			.optional();
	}

	/** The plans a user may see, with their open, amber and red counts as of a date. */
	@Transactional(readOnly = true)
	public List<PlanLine> list(CurrentUser user, boolean archived, LocalDate asOf) {
		PlanScope.Filter scope = this.scope.plans(user);
		List<Plan> plans = this.jdbc
			.sql(PLAN_SELECT + " where (p.archived_at is not null) = :archived and " + scope.sql()
					+ " order by p.kind, unit_name, p.title, p.plan_id")
			.params(scope.params())
			.param("archived", archived)
			.query(Plan.class)
			.list();
		Map<Long, List<ActionView>> byPlan = this.actions.ofPlans(plans.stream().map(Plan::planId).toList(), asOf);
		return plans.stream().map((p) -> {
			List<ActionView> of = byPlan.getOrDefault(p.planId(), List.of());
			return new PlanLine(p, of.size(), of.stream().filter(ActionView::open).count(),
					of.stream().filter((a) -> a.open() && a.rag() == Rag.AMBER).count(),
					of.stream().filter((a) -> a.open() && a.rag() == Rag.RED).count());
		}).toList();
	}

	@Transactional
	public void archive(long planId, int version, CurrentUser user) {
		Plan plan = visible(planId, user).orElseThrow(() -> new NotFound("No plan " + planId));
		if (plan.archived()) {
			throw new Stale("The plan was already archived by " + plan.archivedBy());
		}
		int changed = this.jdbc.sql("""
				update improvement_plan set archived_at = :now, archived_by = :by, version = version + 1
				where plan_id = :id and version = :version and archived_at is null
				""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", user.getUsername())
			.param("id", planId)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw new Stale("The plan was changed by someone else since you opened it");
		}
	}

	@Transactional(readOnly = true)
	public boolean mayCreateFor(CurrentUser user, UnitCode unit) {
		return this.scope.mayCreateFor(user, unit);
	}

	static String defaultOwner(PlanKind kind) {
		return switch (kind) {
			case SITE_DEVELOPMENT -> "Site manager";
			case QUALITY_DEVELOPMENT -> "Quality team";
			case RISK_ASSURANCE -> "Head of assurance";
			default -> "Senior management team";
		};
	}

}
