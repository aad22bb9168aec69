package org.probity.improvement;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.probity.audits.AuditAlerts;
import org.probity.audits.CaseAudits;
import org.probity.improvement.committee.CommitteeReports;
import org.probity.improvement.plans.ActionView;
import org.probity.improvement.plans.Actions;
import org.probity.improvement.plans.Plans;
import org.probity.improvement.plans.Rag;
import org.probity.shared.Crn;
import org.probity.shared.UnitCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Actions, risks and the Risk and Audit Committee report for the reports module's
 * scheduled reports, over every unit and before anyone's scope: the reports module
 * freezes them with restricted cases shown as such for every reader, and logs each
 * opening.
 */
@Service
public class ImprovementReports {

	/**
	 * An action as a report lists it. {@code rag} is GREEN, AMBER or RED as of the date;
	 * {@code crn} the case of the audit it was raised from, or null.
	 */
	public record ReportedAction(long actionId, String planTitle, String description, String owner,
			LocalDate targetDate, String rag, String ragWord, String status, UnitCode unitCode, Crn crn,
			long daysOverdue, String latestUpdate, LocalDate latestUpdateOn) {
	}

	public record ReportedRisk(String planTitle, int riskNo, String description, String owner, int likelihood,
			int impact, String controls, LocalDate reviewDate) {

		public int score() {
			return this.likelihood * this.impact;
		}

	}

	public record Committee(LocalDate asOf, List<ReportedAction> redActions, List<ReportedRisk> risks,
			List<AuditAlerts.Alert> openAlerts) {
	}

	private final Actions actions;

	private final Plans plans;

	private final CommitteeReports committee;

	private final CaseAudits audits;

	private final JdbcClient jdbc;

	ImprovementReports(Actions actions, Plans plans, CommitteeReports committee, CaseAudits audits, JdbcClient jdbc) {
		this.actions = actions;
		this.plans = plans;
		this.committee = committee;
		this.audits = audits;
		this.jdbc = jdbc;
	}

	/**
	 * The open actions of the plans of the unit and the units below it, with their RAG as
	 * of the date, by plan and number.
	 */
	@Transactional(readOnly = true)
	public List<ReportedAction> openUnder(UnitCode unit, LocalDate asOf) {
		Set<String> units = new HashSet<>(
				this.jdbc.sql("select unit_code from estate_unit_ancestry where ancestor_code = :unit")
					.param("unit", unit.value())
					.query(String.class)
					.list());
		Map<Long, String> titles = new HashMap<>();
		return this.actions.open(asOf)
			.stream()
			.filter((a) -> a.unitCode() != null && units.contains(a.unitCode().strip()))
			.map((a) -> reported(a,
					titles.computeIfAbsent(a.planId(), (id) -> this.plans.find(id).map(Plans.Plan::title).orElse("")),
					null, asOf))
			.toList();
	}

	/** The Risk and Audit Committee report as of the date, over every unit. */
	@Transactional(readOnly = true)
	public Committee committee(LocalDate asOf) {
		CommitteeReports.Report report = this.committee.everything(asOf);
		List<ReportedAction> red = report.actions()
			.stream()
			.map((r) -> reported(r.action(), r.planTitle(), r.latestUpdate(), asOf))
			.toList();
		List<ReportedRisk> risks = report.risks()
			.stream()
			.map((r) -> new ReportedRisk(r.planTitle(), r.riskNo(), r.description(), r.owner(), r.likelihood(),
					r.impact(), r.controls(), r.reviewDate()))
			.toList();
		return new Committee(asOf, red, risks, report.alerts());
	}

	private ReportedAction reported(ActionView a, String planTitle, Actions.Update latest, LocalDate asOf) {
		Crn crn = null;
		if ((a.sourceKind() == SourceKind.AUDIT_FINDING || a.sourceKind() == SourceKind.ALERT) && a.sourceRef() != null
				&& a.sourceRef().matches("\\d{1,18}")) {
			Optional<CaseAudits.Audit> audit = this.audits.find(Long.parseLong(a.sourceRef()));
			crn = audit.map(CaseAudits.Audit::crn).map(Crn::new).orElse(null);
		}
		long overdue = (a.targetDate() != null && a.targetDate().isBefore(asOf))
				? ChronoUnit.DAYS.between(a.targetDate(), asOf) : 0;
		Rag rag = a.rag();
		return new ReportedAction(a.actionId(), planTitle, a.description(),
				(a.ownerName() != null) ? a.ownerName() : a.ownerRole(), a.targetDate(), rag.name(), rag.label(),
				a.status().label(), (a.unitCode() != null) ? new UnitCode(a.unitCode()) : null, crn, overdue,
				(latest != null) ? latest.note() : null, (latest != null) ? latest.writtenOn() : null);
	}

}
