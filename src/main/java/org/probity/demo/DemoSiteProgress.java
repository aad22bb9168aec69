package org.probity.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.probity.improvement.Improvement;
import org.probity.improvement.OpenAction;
import org.probity.improvement.PlanKind;
import org.probity.improvement.SourceKind;
import org.probity.shared.BusinessCalendar;
import org.probity.shared.Clocks;
import org.probity.shared.SplitMix64;
import org.probity.shared.UnitCode;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The managers' work on the site development plans' actions that the demo's audits and
 * upheld complaints raised, through the improvement module's facade, as a provider's
 * first months with Probity would show it. Left as raised, every one past its target date
 * would be Red and only the handful raised in the last weeks Green; a team works on them.
 * Runs after the feedback, whose complaints raise their actions.
 */
@Component
@Order(4)
class DemoSiteProgress implements DemoRecords {

	private static final Logger log = LoggerFactory.getLogger(DemoSiteProgress.class);

	/**
	 * Business days from an audit's completion to the target of its findings' actions.
	 */
	static final int DAYS_TO_ACT = 20;

	/**
	 * Months from an upheld complaint's decision to the target of its learning action.
	 */
	static final int MONTHS_TO_LEARN = 3;

	private static final String[] FINDING_UNDER_WAY = {
			"Discussed with the practitioner in supervision; a review of the case is booked.",
			"Findings shared with the practitioner; the assessment is being updated.",
			"Raised at the team meeting; the practitioner is redrafting the plan with the person on probation.",
			"Case discussed with the senior probation officer; a follow-up check of the case is booked." };

	private static final String[] FINDING_DONE = {
			"Improvement agreed with the practitioner in supervision and recorded; the case's plan is updated.",
			"Case re-checked: the assessment and plan now meet the standard.",
			"Agreed in supervision; the practitioner has completed the refresher training on risk of harm.",
			"Domestic abuse and safeguarding checks made and recorded; the risk assessment is reviewed." };

	private static final String[] LEARNING_UNDER_WAY = {
			"Complaint discussed at the team meeting; the learning is being written up.",
			"Response reviewed with the senior manager; a briefing for the office is being drafted." };

	private static final String[] LEARNING_DONE = {
			"Learning shared at the team meeting and added to the office's induction.",
			"Practice note issued to the team; the person on probation was told what has changed." };

	/** What the managers did with their actions. */
	record Progress(int complete, int inProgress, int notStarted) {

		@Override
		public String toString() {
			return this.complete + " complete, " + this.inProgress + " in progress, " + this.notStarted
					+ " not started";
		}

	}

	private final Improvement improvement;

	private final Clock clock;

	DemoSiteProgress(Improvement improvement, Clock clock) {
		this.improvement = improvement;
		this.clock = clock;
	}

	@Override
	public void load(DemoProvider.Parameters parameters) {
		long started = System.nanoTime();
		Estate estate = new Estate(parameters);
		Set<UnitCode> sites = new HashSet<>();
		estate.teams.forEach((t) -> sites.add(new UnitCode(t.code)));
		estate.ldus.forEach((l) -> sites.add(new UnitCode(l.code())));
		Progress progress = progress(sites, LocalDate.now(this.clock), this.clock.instant());
		log.info("Demo site development plans: actions from audits and complaints {}, in {} ms", progress,
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * The managers' progress on the actions raised from audit findings and upheld
	 * complaints on the site development plans of the units. Most actions whose target
	 * date has passed were completed, nine in ten of them by that date; the rest, in
	 * progress or not started and so Red, are mostly the latest (a third of those due in
	 * the last 30 days, few older ones). Of those still to come (Amber within 14 days of
	 * their target, Green before), some are in progress and a few done early. Each update
	 * is dated from the day the action was raised to the day before today. Actions of
	 * unanswered alerts are left as the audits left them (the alerts are open), and
	 * actions from flags as they were raised.
	 */
	Progress progress(Set<UnitCode> sites, LocalDate today, Instant now) {
		SplitMix64 random = new SplitMix64(20240406L);
		BusinessCalendar calendar = BusinessCalendar.englandAndWales();
		LocalDate yesterday = today.minusDays(1);
		int complete = 0;
		int inProgress = 0;
		int notStarted = 0;
		for (OpenAction action : this.improvement.openActionsOn(PlanKind.SITE_DEVELOPMENT, sites, today)) {
			LocalDate target = action.targetDate();
			LocalDate raised = switch (action.source()) {
				case AUDIT_FINDING -> businessDaysBefore(calendar, target, DAYS_TO_ACT);
				case COMPLAINT -> target.minusMonths(MONTHS_TO_LEARN);
				default -> null;
			};
			if (raised == null) {
				continue;
			}
			if (!raised.isBefore(today)) {
				// raised today: nothing done about it yet
				notStarted++;
				continue;
			}
			double roll = uniform(random);
			LocalDate on = null;
			boolean done = false;
			if (target.isBefore(today)) {
				// the backlog is of the latest findings: few old actions are still open
				long overdue = ChronoUnit.DAYS.between(target, today);
				double open = (overdue <= 30) ? 0.35 : (overdue <= 90) ? 0.12 : 0.04;
				if (roll >= open) {
					done = true;
					boolean onTime = uniform(random) < 0.9 || !target.plusDays(1).isBefore(today);
					on = onTime ? between(random, raised, target)
							: between(random, target.plusDays(1), min(target.plusDays(12), yesterday));
				}
				else if (roll < open * 0.6) {
					on = between(random, raised, target);
				}
			}
			else if (roll < 0.55) {
				done = roll < 0.15;
				on = between(random, raised, yesterday);
			}
			Instant at = (on == null) ? null
					: on.atTime(LocalTime.of(9 + random.nextInt(8), random.nextInt(60)))
						.atZone(Clocks.LONDON)
						.toInstant();
			if (at == null || at.isAfter(now)) {
				notStarted++;
				continue;
			}
			boolean finding = action.source() == SourceKind.AUDIT_FINDING;
			String[] notes = finding ? (done ? FINDING_DONE : FINDING_UNDER_WAY)
					: (done ? LEARNING_DONE : LEARNING_UNDER_WAY);
			this.improvement.recordPastProgress(action.actionId(), at, "demo", notes[random.nextInt(notes.length)],
					done);
			if (done) {
				complete++;
			}
			else {
				inProgress++;
			}
		}
		return new Progress(complete, inProgress, notStarted);
	}

	/**
	 * The latest day {@code n} business days before the day: the d for which BD(d, n) is
	 * the day, as an audit's completion is for its findings' target date.
	 */
	static LocalDate businessDaysBefore(BusinessCalendar calendar, LocalDate day, int n) {
		LocalDate d = day;
		int counted = 0;
		while (counted < n) {
			if (calendar.isBusinessDay(d)) {
				counted++;
			}
			d = d.minusDays(1);
		}
		return d;
	}

	/** A day from {@code from} to {@code to}, both included ({@code from} when after). */
	private static LocalDate between(SplitMix64 random, LocalDate from, LocalDate to) {
		long days = to.toEpochDay() - from.toEpochDay();
		return (days <= 0) ? from : from.plusDays(random.nextInt((int) days + 1));
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private static double uniform(SplitMix64 random) {
		return (random.nextLong() >>> 11) * 0x1.0p-53;
	}

}
