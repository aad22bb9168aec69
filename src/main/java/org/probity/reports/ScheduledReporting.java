package org.probity.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.probity.reports.archive.ReportKind;
import org.probity.reports.scheduled.DistributionLists;
import org.probity.reports.scheduled.ScheduleRules;
import org.probity.reports.scheduled.ScheduledReports;
import org.probity.reports.supplychain.Subcontractors;
import org.probity.shared.UnitCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scheduled reports and the supply chain for other modules (the demo): mark a unit as
 * a subcontractor's, put someone on a distribution list, and issue the reports due by a
 * day, or those of the periods before it.
 */
@Service
public class ScheduledReporting {

	private static final List<ReportKind> KINDS = List.of(ReportKind.WEEKLY_OPERATIONS, ReportKind.MONTHLY_UNIT,
			ReportKind.QUARTERLY_EXECUTIVE, ReportKind.COMMITTEE, ReportKind.SUBCONTRACTOR);

	private final ScheduledReports reports;

	private final DistributionLists lists;

	private final Subcontractors subcontractors;

	ScheduledReporting(ScheduledReports reports, DistributionLists lists, Subcontractors subcontractors) {
		this.reports = reports;
		this.lists = lists;
		this.subcontractors = subcontractors;
	}

	/** Creates the subcontractor with its contacts and delivery units; returns its id. */
	@Transactional
	public long addSubcontractor(String name, List<String> contacts, List<UnitCode> units, String username) {
		Subcontractors.Subcontractor s = this.subcontractors.create(name, contacts, username);
		for (UnitCode unit : units) {
			s = this.subcontractors.addUnit(s.id(), s.version(), unit, username);
		}
		return s.id();
	}

	/**
	 * Puts the address on the list of the kind ({@code WEEKLY_OPERATIONS},
	 * {@code MONTHLY_UNIT} of a unit, {@code QUARTERLY_EXECUTIVE}, {@code COMMITTEE}),
	 * with the PDF attached or a link.
	 */
	@Transactional
	public void addRecipient(String kind, UnitCode unit, String email, boolean attachPdf, String username) {
		this.lists.add(ReportKind.valueOf(kind), (unit != null) ? unit.value() : null, email,
				attachPdf ? DistributionLists.Delivery.PDF : DistributionLists.Delivery.LINK, username);
	}

	/**
	 * Issues every scheduled report of the latest period due by the day and of the
	 * {@code periodsBefore} periods before it that is not issued yet, each as the
	 * scheduler would have issued it had Probity been running: on its due date, or the
	 * day after the days in {@code missedDays} on which the service was down (those
	 * reports are late); returns how many. A report due today whose time has not come yet
	 * is left to the scheduler.
	 */
	@Transactional
	public int issueDue(LocalDate today, int periodsBefore, Set<LocalDate> missedDays) {
		int made = 0;
		for (ReportKind kind : KINDS) {
			for (ScheduleRules.Due due : periods(kind, today, periodsBefore)) {
				made += this.reports.generateAsScheduled(due, missedDays).size();
			}
		}
		return made;
	}

	/**
	 * The due dates, latest first, of the reports of each kind by name
	 * ({@code WEEKLY_OPERATIONS}, {@code MONTHLY_UNIT}, {@code QUARTERLY_EXECUTIVE},
	 * {@code COMMITTEE}, {@code SUBCONTRACTOR}) that {@link #issueDue} issues for the
	 * day.
	 */
	public Map<String, List<LocalDate>> dueDates(LocalDate today, int periodsBefore) {
		Map<String, List<LocalDate>> dates = new LinkedHashMap<>();
		for (ReportKind kind : KINDS) {
			dates.put(kind.name(), periods(kind, today, periodsBefore).stream().map(ScheduleRules.Due::dueOn).toList());
		}
		return dates;
	}

	private static List<ScheduleRules.Due> periods(ReportKind kind, LocalDate today, int periodsBefore) {
		List<ScheduleRules.Due> periods = new ArrayList<>();
		ScheduleRules.Due due = ScheduleRules.latestDue(kind, today);
		for (int i = 0; i <= periodsBefore; i++) {
			periods.add(due);
			due = ScheduleRules.before(due);
		}
		return periods;
	}

}
