package org.probity.reports.scheduled;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.estate.Estate;
import org.probity.estate.Unit;
import org.probity.estate.UnitType;
import org.probity.reports.archive.ReportArchive;
import org.probity.reports.archive.ReportKind;
import org.probity.reports.archive.ReportStatus;
import org.probity.reports.archive.StoredReport;
import org.probity.reports.supplychain.Subcontractors;
import org.probity.shared.Clocks;
import org.probity.shared.Dates;
import org.probity.shared.UnitCode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates the scheduled reports on their dates ({@link ScheduleRules}) and keeps each
 * as an ISSUED version in the archive, once per kind, period and unit: a second run for
 * the same period finds it there and makes nothing. Provider-level reports (weekly,
 * quarterly executive, committee) are made for each provider; the monthly report to
 * operational managers for each LDU and team that has a recipient or a line or senior
 * manager's account; the subcontractor report for each subcontractor with delivery units
 * (archived under its first delivery unit by code). Each issued report is published as
 * {@link ScheduledReportIssued} for its emails, sent after the report is committed.
 */
@Service
public class ScheduledReports {

	/** Who the archive names as the author of a generated report. */
	public static final String SCHEDULER = "scheduler";

	static final List<ReportKind> KINDS = List.of(ReportKind.WEEKLY_OPERATIONS, ReportKind.MONTHLY_UNIT,
			ReportKind.QUARTERLY_EXECUTIVE, ReportKind.COMMITTEE, ReportKind.SUBCONTRACTOR);

	private final ReportArchive archive;

	private final ReportSections sections;

	private final Estate estate;

	private final DistributionLists lists;

	private final Subcontractors subcontractors;

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/** When {@link ScheduledReportJob} runs; null when it is switched off ("-"). */
	private final CronExpression schedule;

	ScheduledReports(ReportArchive archive, ReportSections sections, Estate estate, DistributionLists lists,
			Subcontractors subcontractors, Accounts accounts, ApplicationEventPublisher events, Clock clock,
			@Value(ScheduledReportJob.CRON) String schedule) {
		this.archive = archive;
		this.sections = sections;
		this.estate = estate;
		this.lists = lists;
		this.subcontractors = subcontractors;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
		this.schedule = "-".equals(schedule) ? null : CronExpression.parse(schedule);
	}

	/** Every report due by the day (the latest period of each kind) not yet issued. */
	@Transactional
	public List<StoredReport> generateDue(LocalDate today) {
		List<StoredReport> made = new ArrayList<>();
		for (ReportKind kind : KINDS) {
			made.addAll(generate(ScheduleRules.latestDue(kind, today)));
		}
		return made;
	}

	/** Every report of one period not yet issued, issued now (catching up). */
	@Transactional
	public List<StoredReport> generate(ScheduleRules.Due due) {
		return generate(due, this.clock.instant());
	}

	/**
	 * Every report of one period not yet issued, as {@link ScheduledReportJob} would have
	 * issued it: at the job's first run on the due date or, when the job did not run on
	 * that day (one of {@code missedDays}: the service was down), at its first run of the
	 * next day it ran. A history for a provider that started with Probity before the day
	 * (the demo's): nothing is made whose time is still to come, which the job makes
	 * then.
	 */
	@Transactional
	public List<StoredReport> generateAsScheduled(ScheduleRules.Due due, Set<LocalDate> missedDays) {
		LocalDate day = due.dueOn();
		while (missedDays.contains(day)) {
			day = day.plusDays(1);
		}
		Instant at = firstRunOn(day);
		if (at.isAfter(this.clock.instant())) {
			return List.of();
		}
		return generate(due, at);
	}

	/** The job's first run on the day (the start of the day when it is switched off). */
	Instant firstRunOn(LocalDate day) {
		ZonedDateTime start = day.atStartOfDay(Clocks.LONDON);
		if (this.schedule == null) {
			return start.toInstant();
		}
		ZonedDateTime next = this.schedule.next(start.minusNanos(1));
		return (next != null) ? next.toInstant() : start.toInstant();
	}

	private List<StoredReport> generate(ScheduleRules.Due due, Instant issuedAt) {
		List<StoredReport> made = new ArrayList<>();
		switch (due.kind()) {
			case MONTHLY_UNIT -> {
				for (UnitCode unit : monthlyUnits()) {
					issue(due, unit, null, issuedAt).ifPresent(made::add);
				}
			}
			case SUBCONTRACTOR -> {
				for (Subcontractors.Subcontractor s : this.subcontractors.all()) {
					if (!s.units().isEmpty()) {
						issue(due, s.units().get(0), s, issuedAt).ifPresent(made::add);
					}
				}
			}
			default -> {
				for (Unit provider : providers()) {
					issue(due, provider.code(), null, issuedAt).ifPresent(made::add);
				}
			}
		}
		return made;
	}

	private Optional<StoredReport> issue(ScheduleRules.Due due, UnitCode unit, Subcontractors.Subcontractor sub,
			Instant issuedAt) {
		if (this.archive.latest(due.kind(), due.period(), unit).isPresent()) {
			return Optional.empty();
		}
		ReportContent content = content(due, unit, sub, LocalDate.ofInstant(issuedAt, Clocks.LONDON));
		StoredReport report = this.archive.create(due.kind(), due.period(), unit, content.title(), due.dueOn(),
				content.json(), ReportStatus.ISSUED, SCHEDULER, issuedAt);
		this.events.publishEvent(new ScheduledReportIssued(report.id(), report.kind().name()));
		return Optional.of(report);
	}

	ReportContent content(ScheduleRules.Due due, UnitCode unit, Subcontractors.Subcontractor sub) {
		return content(due, unit, sub, LocalDate.now(this.clock));
	}

	private ReportContent content(ScheduleRules.Due due, UnitCode unit, Subcontractors.Subcontractor sub,
			LocalDate issuedOn) {
		ReportSections.Draft d = this.sections.draft(due, unit);
		List<String> units = List.of(unit.value());
		String title;
		switch (due.kind()) {
			case WEEKLY_OPERATIONS -> {
				title = "Weekly operations report, " + this.sections.unitName(unit) + ": " + due.label();
				this.sections.flagsRaised(d);
				this.sections.alerts(d);
				this.sections.audits(d, "Audits completed");
				this.sections.actions(d, "Actions overdue", true);
				this.sections.complaintsReceived(d);
			}
			case MONTHLY_UNIT -> {
				title = "Monthly report: " + this.sections.unitName(unit) + ", " + due.label();
				this.sections.measures(d, "Service levels", true);
				this.sections.flagsOfMonth(d);
				this.sections.audits(d, "Case audits");
				this.sections.alerts(d);
				this.sections.actions(d, "Actions", false);
				this.sections.complaintTimeliness(d);
				this.sections.surveys(d);
				this.sections.subcontractors(d, this.subcontractors.all());
			}
			case QUARTERLY_EXECUTIVE -> {
				title = "Quarterly executive report, " + this.sections.unitName(unit) + ": " + due.label();
				this.sections.measures(d, "Service levels against target and the previous quarter", true);
				this.sections.audits(d, "Case audit ratings");
				this.sections.actions(d, "Red actions", true);
				this.sections.complaintTimeliness(d);
				this.sections.surveys(d);
				this.sections.subcontractors(d, this.subcontractors.all());
			}
			case COMMITTEE -> {
				title = "Risk and Audit Committee report, " + this.sections.unitName(unit) + ": " + due.label();
				this.sections.committee(d);
			}
			case SUBCONTRACTOR -> {
				title = "Monthly subcontractor report: " + sub.name() + ", " + due.label();
				units = sub.units().stream().map(UnitCode::value).toList();
				this.sections.subcontractor(d, sub, sub.units());
			}
			default -> throw new IllegalArgumentException("Not a scheduled report: " + due.kind());
		}
		return new ReportContent(due.kind().name(), title, due.period(), due.label(), due.from().toString(),
				due.to().toString(), Dates.format(issuedOn), units, List.copyOf(d.sections), d.caseList());
	}

	private List<Unit> providers() {
		return this.estate.units().stream().filter((u) -> u.type() == UnitType.PROVIDER).toList();
	}

	/** LDUs and teams with a recipient of their monthly report or a manager's account. */
	private Set<UnitCode> monthlyUnits() {
		Set<String> codes = new TreeSet<>(this.lists.unitsWithRecipients());
		this.accounts.all()
			.stream()
			.filter((a) -> a.enabled() && a.unitCode() != null
					&& (a.role() == Role.LINE_MANAGER || a.role() == Role.SENIOR_MANAGER))
			.forEach((a) -> codes.add(a.unitCode()));
		Set<UnitCode> units = new TreeSet<>(java.util.Comparator.comparing(UnitCode::value));
		for (String code : codes) {
			if (!UnitCode.isValid(code)) {
				continue;
			}
			this.estate.unit(new UnitCode(code))
				.filter((u) -> u.type() == UnitType.LDU || u.type() == UnitType.TEAM)
				.ifPresent((u) -> units.add(u.code()));
		}
		return units;
	}

}
