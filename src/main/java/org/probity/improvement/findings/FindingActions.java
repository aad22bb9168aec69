package org.probity.improvement.findings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.probity.audits.AlertRaised;
import org.probity.audits.AuditTemplates;
import org.probity.audits.CaseAuditCompleted;
import org.probity.estate.Estate;
import org.probity.estate.Staff;
import org.probity.estate.Unit;
import org.probity.estate.UnitType;
import org.probity.improvement.ActionSource;
import org.probity.improvement.PlanKind;
import org.probity.improvement.RaiseAction;
import org.probity.improvement.SourceKind;
import org.probity.improvement.plans.Actions;
import org.probity.improvement.plans.Plans;
import org.probity.measures.MeasureFlagRaised;
import org.probity.shared.BusinessCalendar;
import org.probity.shared.Clocks;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns findings into owned, dated actions (improvement.md, "Actions arise from"): an
 * alert case, each failed standard of a completed audit, a deeper-audit flag and a
 * sustained-shortfall flag on a unit. Each is raised once per source: a redelivered event
 * (the publication registry resubmits after a crash) or a second node finds the action
 * already there through its unique source. A flag on a practitioner raises no action
 * here: the people module prompts the line manager.
 */
@Service
public class FindingActions {

	private static final Logger log = LoggerFactory.getLogger(FindingActions.class);

	/** Business days to act on an audit finding or a flag (improvement.md). */
	static final int DAYS_TO_ACT = 20;

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

	private final Plans plans;

	private final Actions actions;

	private final Estate estate;

	private final AuditTemplates templates;

	private final Clock clock;

	FindingActions(Plans plans, Actions actions, Estate estate, AuditTemplates templates, Clock clock) {
		this.plans = plans;
		this.actions = actions;
		this.estate = estate;
		this.templates = templates;
		this.clock = clock;
	}

	@Transactional
	public void on(AlertRaised alert) {
		UnitCode team = alert.teamCode();
		raise(new RaiseAction(PlanKind.SITE_DEVELOPMENT, team,
				new ActionSource(SourceKind.ALERT, String.valueOf(alert.auditId())),
				"Record what was done about the alert on CRN " + alert.crn() + ": " + alert.reason(), "Line manager",
				lineManagerOf(alert.staffCode()), alert.dueDate()), null);
	}

	@Transactional
	public void on(CaseAuditCompleted audit) {
		if (audit.failedKeyQuestions() == null || audit.failedKeyQuestions().isEmpty()) {
			return;
		}
		Optional<AuditTemplates.Template> template = this.templates.version(audit.templateCode(),
				audit.templateVersion());
		Map<String, List<String>> byStandard = new LinkedHashMap<>();
		for (String code : audit.failedKeyQuestions()) {
			String standard = template.flatMap((t) -> t.keyQuestion(code))
				.map(AuditTemplates.KeyQuestion::standardCode)
				.orElse(code.contains(".") ? code.substring(0, code.lastIndexOf('.')) : code);
			byStandard.computeIfAbsent(standard, (k) -> new java.util.ArrayList<>()).add(code);
		}
		LocalDate completed = audit.completedAt().atZone(Clocks.LONDON).toLocalDate();
		LocalDate target = BusinessCalendar.englandAndWales().businessDayAfter(completed, DAYS_TO_ACT);
		StaffCode manager = lineManagerOf(audit.staffCode());
		byStandard.forEach((standard, questions) -> {
			String title = template
				.flatMap((t) -> t.standards()
					.stream()
					.filter((s) -> s.code().equals(standard))
					.findFirst()
					.map(AuditTemplates.Standard::title))
				.orElse("");
			String named = questions.stream().map((q) -> {
				String text = template.flatMap((t) -> t.keyQuestion(q))
					.map(AuditTemplates.KeyQuestion::text)
					.orElse("");
				return text.isEmpty() ? q : q + " " + text;
			}).collect(Collectors.joining("; "));
			raise(new RaiseAction(PlanKind.SITE_DEVELOPMENT, audit.teamCode(),
					new ActionSource(SourceKind.AUDIT_FINDING, String.valueOf(audit.auditId())),
					"Audit of CRN " + audit.crn() + " failed standard " + standard
							+ (title.isEmpty() ? "" : " " + title) + " (key questions " + named
							+ "): agree the improvement with the practitioner",
					"Line manager", manager, target), standard);
		});
	}

	@Transactional
	public void on(MeasureFlagRaised flag) {
		if (flag.unitCode() == null) {
			return;
		}
		UnitCode unit = flag.unitCode();
		String ref = flag.measureCode() + ":" + flag.unitCode() + ":" + flag.month() + ":" + flag.kind();
		LocalDate target = BusinessCalendar.englandAndWales().businessDayAfter(LocalDate.now(this.clock), DAYS_TO_ACT);
		if (MeasureFlagRaised.DEEPER_AUDIT.equals(flag.kind())) {
			raise(new RaiseAction(PlanKind.QUALITY_DEVELOPMENT, providerOf(unit),
					new ActionSource(SourceKind.MEASURE_FLAG, ref),
					"Deeper audit of " + flag.measureCode() + " at " + flag.unitCode() + ", " + month(flag.month()),
					"Quality team", null, target), null);
		}
		else if (MeasureFlagRaised.SUSTAINED_SHORTFALL.equals(flag.kind())) {
			Optional<Unit> found = this.estate.unit(unit);
			String name = found.map(Unit::name).orElse(flag.unitCode().value());
			raise(new RaiseAction(PlanKind.SITE_DEVELOPMENT, unit, new ActionSource(SourceKind.MEASURE_FLAG, ref),
					"Sustained shortfall on " + flag.measureCode() + " at " + name + " (three months below target to "
							+ month(flag.month()) + "): find the cause and act",
					managerRole(found.map(Unit::type).orElse(UnitType.TEAM)), null, target), null);
		}
	}

	private void raise(RaiseAction command, String part) {
		long plan = this.plans.standingPlan(command.planKind(), command.unit());
		long id = this.actions.raise(plan, command, part);
		log.debug("Action {} for {} {}", id, command.source().kind(), command.source().ref());
	}

	private StaffCode lineManagerOf(StaffCode staffCode) {
		if (staffCode == null) {
			return null;
		}
		return this.estate.lineManagerOf(staffCode).map(Staff::code).orElse(null);
	}

	private UnitCode providerOf(UnitCode unit) {
		List<Unit> above = this.estate.ancestors(unit);
		return above.isEmpty() ? unit : above.get(0).code();
	}

	static String managerRole(UnitType type) {
		return switch (type) {
			case TEAM -> "Team manager";
			case LDU -> "Head of the local delivery unit";
			case REGION -> "Head of the region";
			case PROVIDER -> "Chief officer";
		};
	}

	static String month(YearMonth month) {
		return MONTH.format(month);
	}

}
