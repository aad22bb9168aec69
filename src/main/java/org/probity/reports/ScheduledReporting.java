package org.probity.reports;

import java.time.LocalDate;
import java.util.List;

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
	 * {@code periodsBefore} periods before it, that is not issued yet; returns how many.
	 */
	@Transactional
	public int issueDue(LocalDate today, int periodsBefore) {
		int made = 0;
		for (ReportKind kind : List.of(ReportKind.WEEKLY_OPERATIONS, ReportKind.MONTHLY_UNIT,
				ReportKind.QUARTERLY_EXECUTIVE, ReportKind.COMMITTEE, ReportKind.SUBCONTRACTOR)) {
			ScheduleRules.Due due = ScheduleRules.latestDue(kind, today);
			for (int i = 0; i <= periodsBefore; i++) {
				made += this.reports.generate(due).size();
				due = ScheduleRules.before(due);
			}
		}
		return made;
	}

}
