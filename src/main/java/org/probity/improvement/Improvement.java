package org.probity.improvement;

import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.probity.audits.CaseAudits;
import org.probity.audits.Rating;
import org.probity.improvement.plans.ActionStatus;
import org.probity.improvement.plans.ActionView;
import org.probity.improvement.plans.Actions;
import org.probity.improvement.plans.NotFound;
import org.probity.improvement.plans.Plans;
import org.probity.improvement.plans.PublishedInspections;
import org.probity.improvement.plans.Recommendations;
import org.probity.improvement.risks.Risks;
import org.probity.shared.Clocks;
import org.probity.shared.Crn;
import org.probity.shared.MeasureCode;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The improvement module's facade for other modules: raise an owned, dated action, and
 * read the open actions on a member of staff.
 */
@Service
public class Improvement {

	private final Plans plans;

	private final Actions actions;

	private final PublishedInspections inspections;

	private final Recommendations recommendations;

	private final Risks risks;

	private final CaseAudits audits;

	Improvement(Plans plans, Actions actions, PublishedInspections inspections, Recommendations recommendations,
			Risks risks, CaseAudits audits) {
		this.audits = audits;
		this.plans = plans;
		this.actions = actions;
		this.inspections = inspections;
		this.recommendations = recommendations;
		this.risks = risks;
	}

	/**
	 * Records a published inspection: standard code to rating name (INADEQUATE,
	 * REQUIRES_IMPROVEMENT, GOOD, OUTSTANDING), as published.
	 */
	@Transactional
	public long recordInspection(String name, UnitCode unit, LocalDate publishedOn, Map<String, String> ratings,
			String username) {
		Map<String, Rating> typed = new LinkedHashMap<>();
		ratings.forEach((standard, rating) -> typed.put(standard, Rating.valueOf(rating)));
		return this.inspections.create(name, unit.value(), publishedOn, typed, username);
	}

	/**
	 * Creates a plan of a kind for a unit; an inspection response may name its
	 * inspection.
	 */
	@Transactional
	public long createPlan(PlanKind kind, String title, UnitCode unit, String owner, Long inspectionId,
			String username) {
		return this.plans.create(new Plans.NewPlan(kind, title, unit, owner, null, inspectionId), username);
	}

	/**
	 * Imports recommendations and actions from the inspection response CSV, all or
	 * nothing; returns the number of actions.
	 */
	@Transactional
	public int importPlan(long planId, Reader csv, String username) {
		return this.recommendations.importInto(planId, csv, username).actions();
	}

	/** Adds a risk to a risk assurance plan. */
	@Transactional
	public long addRisk(long planId, String description, String owner, int likelihood, int impact, String controls,
			LocalDate reviewDate, String username) {
		return this.risks.addTo(planId,
				new Risks.Assessment(description, owner, likelihood, impact, controls, reviewDate, null, null, null),
				username);
	}

	/**
	 * Raises the action once per source (unique kind+ref): a second call returns the same
	 * id. Creates the unit's plan of that kind when missing.
	 */
	@Transactional
	public long raiseAction(RaiseAction command) {
		return this.actions.raise(this.plans.standingPlan(command.planKind(), command.unit()), command);
	}

	/**
	 * The open actions on a member of staff, with their RAG as of the date: those whose
	 * named owner they are, and those raised from the findings and alerts of completed
	 * audits of cases they held (the practitioner the audit was of), by target date.
	 * Actions of archived plans are left out. An action from an audit carries the audit's
	 * case, team and practitioner, for the page to scope it as case data.
	 */
	@Transactional(readOnly = true)
	public List<OpenAction> openActionsFor(StaffCode staff, LocalDate asOf) {
		return open(this.actions.openFor(staff.value(), asOf));
	}

	/**
	 * Every open action that is RED as of the date on a plan of one of the units, of live
	 * and archived plans alike (the reports' monthly pack lists them), by target date; an
	 * action from an audit carries its case for the reader to scope it as case data.
	 */
	@Transactional(readOnly = true)
	public List<OpenAction> openRedActions(LocalDate asOf, java.util.Set<UnitCode> units) {
		java.util.Set<String> codes = new java.util.HashSet<>();
		units.forEach((u) -> codes.add(u.value()));
		return open(this.actions.openRed(asOf).stream().filter((a) -> codes.contains(a.unitCode())).toList());
	}

	/**
	 * The open actions raised from flags on a measure, on plans of one of the units, as
	 * of the date: what the monthly pack's commentary on a failing measure links to.
	 */
	@Transactional(readOnly = true)
	public List<OpenAction> openActionsOnMeasure(MeasureCode measure, java.util.Set<UnitCode> units, LocalDate asOf) {
		java.util.Set<String> codes = new java.util.HashSet<>();
		units.forEach((u) -> codes.add(u.value()));
		return open(this.actions.open(asOf)
			.stream()
			.filter((a) -> a.sourceKind() == SourceKind.MEASURE_FLAG && a.sourceRef() != null
					&& a.sourceRef().startsWith(measure.value() + ":") && codes.contains(a.unitCode()))
			.toList());
	}

	/**
	 * The open actions of the live plans of the kind for the units, with their RAG as of
	 * the date, in plan order; an action from an audit carries its case, as
	 * {@link #openActionsFor}.
	 */
	@Transactional(readOnly = true)
	public List<OpenAction> openActionsOn(PlanKind kind, java.util.Set<UnitCode> units, LocalDate asOf) {
		return open(this.actions.openOnPlansOf(kind, units.stream().map(UnitCode::value).toList(), asOf));
	}

	/**
	 * Records progress on an open action as it was written at a past time by its author:
	 * a note, with the action in progress or complete. History carried over from before
	 * Probity (the demo provider's managers' work on their findings), checked as an
	 * update written now is; not after now, nor before the action's latest update.
	 */
	@Transactional
	public void recordPastProgress(long actionId, Instant writtenAt, String author, String note, boolean complete) {
		ActionView action = this.actions.find(actionId, LocalDate.ofInstant(writtenAt, Clocks.LONDON))
			.orElseThrow(() -> new NotFound("No action " + actionId));
		this.actions.recordPast(actionId, writtenAt, author, new Actions.Progress(action.version(), note,
				complete ? ActionStatus.COMPLETE : ActionStatus.IN_PROGRESS, null, List.of()));
	}

	private List<OpenAction> open(List<ActionView> views) {
		List<OpenAction> open = new ArrayList<>();
		Map<Long, String> titles = new HashMap<>();
		for (ActionView a : views) {
			String title = titles.computeIfAbsent(a.planId(),
					(id) -> this.plans.find(id).map(Plans.Plan::title).orElse(""));
			Optional<CaseAudits.Audit> audit = Optional.empty();
			if ((a.sourceKind() == SourceKind.AUDIT_FINDING || a.sourceKind() == SourceKind.ALERT)
					&& a.sourceRef() != null && a.sourceRef().matches("\\d{1,18}")) {
				audit = this.audits.find(Long.parseLong(a.sourceRef()));
			}
			open.add(new OpenAction(a.actionId(), a.planId(), title, a.description(), a.owner(), a.targetDate(),
					a.rag().label(), a.rag().tagClass(), a.sourceKind(),
					audit.map(CaseAudits.Audit::crn).map(Crn::new).orElse(null),
					audit.map(CaseAudits.Audit::teamCode).map(UnitCode::new).orElse(null),
					audit.map(CaseAudits.Audit::staffCode).map(StaffCode::new).orElse(null),
					"/improvement/actions/" + a.actionId()));
		}
		return open;
	}

	/**
	 * The unit's plan of that kind, created when missing (title e.g. "Site development
	 * plan: <unit name>").
	 */
	@Transactional
	public long planFor(PlanKind kind, UnitCode unit) {
		return this.plans.standingPlan(kind, unit);
	}

}
