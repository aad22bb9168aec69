package org.probity.improvement.committee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.probity.accounts.CurrentUser;
import org.probity.audits.AuditAlerts;
import org.probity.improvement.plans.ActionView;
import org.probity.improvement.plans.Actions;
import org.probity.improvement.plans.Plans;
import org.probity.improvement.risks.Risks;
import org.probity.shared.Clocks;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Risk and Audit Committee report as of a date: every open RED action of every plan
 * (its plan, owner, days overdue and latest update), the risks scored 15 or more, and the
 * alert cases still open on that date.
 */
@Service
public class CommitteeReports {

	/** An open RED action with what the committee needs beside it. */
	public record RedAction(ActionView action, String planTitle, Actions.Update latestUpdate) {
	}

	public record Report(LocalDate asOf, List<RedAction> actions, List<Risks.Risk> risks,
			List<AuditAlerts.Alert> alerts) {
	}

	private final Actions actions;

	private final Plans plans;

	private final Risks risks;

	private final AuditAlerts alerts;

	CommitteeReports(Actions actions, Plans plans, Risks risks, AuditAlerts alerts) {
		this.actions = actions;
		this.plans = plans;
		this.risks = risks;
		this.alerts = alerts;
	}

	@Transactional(readOnly = true)
	public Report asOf(LocalDate asOf, CurrentUser user) {
		List<RedAction> red = withPlans(this.actions.openRed(asOf, user), asOf);
		List<AuditAlerts.Alert> shown = this.alerts.visibleOf(user, openAlerts(asOf));
		this.alerts.logShown(user, "committee report", shown);
		return new Report(asOf, red, this.risks.red(asOf), shown);
	}

	/**
	 * The report as of a date over every unit, before anyone's scope: for the scheduled
	 * Risk and Audit Committee report, which freezes it with restricted cases shown as
	 * such for every reader. Nothing is logged here: its readers' openings are.
	 */
	@Transactional(readOnly = true)
	public Report everything(LocalDate asOf) {
		return new Report(asOf, withPlans(this.actions.openRed(asOf), asOf), this.risks.red(asOf), openAlerts(asOf));
	}

	private List<RedAction> withPlans(List<ActionView> open, LocalDate asOf) {
		Map<Long, String> titles = new LinkedHashMap<>();
		Map<Long, Actions.Update> latest = this.actions.latestUpdates(open.stream().map(ActionView::actionId).toList(),
				asOf);
		return open.stream().map((a) -> {
			String title = titles.computeIfAbsent(a.planId(),
					(id) -> this.plans.find(id).map(Plans.Plan::title).orElse(""));
			return new RedAction(a, title, latest.get(a.actionId()));
		}).toList();
	}

	private List<AuditAlerts.Alert> openAlerts(LocalDate asOf) {
		Instant endOfDay = asOf.plusDays(1).atStartOfDay(Clocks.LONDON).toInstant();
		return this.alerts.raisedBetween(null, LocalDate.of(2000, 1, 1), asOf)
			.stream()
			.filter((a) -> a.acknowledgedAt() == null || !a.acknowledgedAt().isBefore(endOfDay))
			.toList();
	}

}
