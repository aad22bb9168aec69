package org.probity.demo;

import java.time.YearMonth;
import java.util.List;

import org.probity.improvement.projects.ProcessCharts;
import org.probity.improvement.projects.Projects;
import org.probity.improvement.spc.Verdict;
import org.probity.shared.MeasureCode;
import org.probity.shared.UnitCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Two closed improvement projects on the demo provider, run stage by stage through the
 * projects' own API: one whose change worked (the team of {@link SentencePlanChange},
 * whose sentence plans the generator writes on time from the change month, so its chart
 * says IMPROVED) and one whose change made no difference (reminders for first
 * appointments in a sound team: the first sound team and measure whose chart shows no
 * special cause, so its chart says NO_CHANGE).
 */
@Component
@Order(2)
class DemoProjects implements DemoRecords {

	private static final Logger log = LoggerFactory.getLogger(DemoProjects.class);

	private static final Projects.Actor QUALITY = new Projects.Actor("quality", "Quality team");

	private final Projects projects;

	private final ProcessCharts charts;

	DemoProjects(Projects projects, ProcessCharts charts) {
		this.projects = projects;
		this.charts = charts;
	}

	@Override
	public void load(DemoProvider.Parameters parameters) {
		Estate estate = new Estate(parameters);
		SentencePlanChange change = SentencePlanChange.of(estate, parameters.asOf());
		YearMonth from = change.month().minusMonths(12);
		long improved = this.projects.start(
				new Projects.NewProject("Sentence plans agreed at the first appointment", "Team manager", "SL003R",
						change.teamCode(), from.toString(), change.month().toString(),
						"Too many sentence plans of the team are completed later than 15 business days after the first "
								+ "appointment.",
						"SL003R at " + change.teamCode() + " above the 97% target every month", "MEASURE", null),
				QUALITY);
		run(improved, "Book the sentence plan meeting at the first appointment", change.month(),
				"Plans were written when the officer found time, often after the third appointment.");

		for (Estate.Team team : estate.teams) {
			if (team.weak || team.code.equals(change.teamCode())) {
				continue;
			}
			if (this.charts.chart(new MeasureCode("SL001R"), new UnitCode(team.code), from, change.month())
				.verdict() == Verdict.NO_CHANGE) {
				long none = this.projects.start(
						new Projects.NewProject("Text reminders before first appointments", "Team manager", "SL001R",
								team.code, from.toString(), change.month().toString(),
								"Some first appointments are offered later than 5 business days after allocation.",
								"SL001R at " + team.code + " above the 93% target every month", "MEASURE", null),
						QUALITY);
				run(none, "Text reminder sent two days before the first appointment", change.month(),
						"People missed first appointments they had forgotten.");
				log.info("Demo improvement projects: {} (SL003R at {}, improved) and {} (SL001R at {}, no change)",
						improved, change.teamCode(), none, team.code);
				return;
			}
		}
		log.info("Demo improvement projects: {} (SL003R at {}); no team without a signal for the second", improved,
				change.teamCode());
	}

	/** Signs every stage off, recording each stage's record on the way, and closes it. */
	private void run(long id, String changeMade, YearMonth month, String cause) {
		Projects.Project p = this.projects.find(id);
		p = this.projects.changeCharter(id, p.version(), p.problem(),
				"Community orders and suspended sentence orders " + "of the team", p.goal(),
				"Team manager, two practitioners, the quality team", QUALITY);
		p = signOff(p, "Charter agreed with the head of the LDU");
		p = this.projects.changeDataNotes(id, p.version(),
				"Monthly figures of the measure for the team, as recomputed after each import; months without cases "
						+ "are left out.",
				QUALITY);
		p = signOff(p, "Baseline of twelve months agreed");
		p = this.projects.addCause(
				id, p.version(), cause, "Cases that failed " + p.measureCode(), "/measures/" + p.measureCode()
						+ "/cases?unit=" + p.unitCode() + "&period=" + month.minusMonths(1).getYear() + "&show=not-met",
				QUALITY);
		p = signOff(p, "Root cause confirmed with the team");
		p = this.projects.addChange(id, p.version(), changeMade, month.atDay(1), null, QUALITY);
		p = signOff(p, "Change in place from " + month);
		p = this.projects.changeControlPlan(id, p.version(), "Team manager", p.measureCode() + " at " + p.unitCode(),
				"Monthly, at the team's performance meeting", "Look at the failed cases and raise an action", QUALITY);
		signOff(p, "Control plan handed to the team manager");
	}

	private Projects.Project signOff(Projects.Project p, String note) {
		return this.projects.signOff(p.projectId(), p.stage().next().name(), note, List.of(), p.version(), QUALITY);
	}

}
