package org.probity.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.probity.reports.ScheduledReporting;
import org.probity.shared.UnitCode;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's supply chain and scheduled reports, through the reports module's public API:
 * two teams run by invented subcontractors (a women's centre and a housing charity) with
 * an obligation each on the register, distribution lists for every kind, and the reports
 * due by today with the two periods before each of them, issued as the scheduler would
 * have issued them: each on its due date, but for one weekly report that went out a day
 * late because the service was down for an upgrade. Issued all now, every one of them
 * would read as late.
 */
@Component
@Order(8)
class DemoScheduledReports implements DemoRecords {

	private static final Logger log = LoggerFactory.getLogger(DemoScheduledReports.class);

	/** The reports issued: the latest period of each kind and the two before it. */
	static final int PERIODS_BEFORE = 2;

	private static final String WEEKLY = "WEEKLY_OPERATIONS";

	private final ScheduledReporting reporting;

	private final DemoObligations obligations;

	private final Clock clock;

	DemoScheduledReports(ScheduledReporting reporting, DemoObligations obligations, Clock clock) {
		this.reporting = reporting;
		this.obligations = obligations;
		this.clock = clock;
	}

	@Override
	public void load(DemoProvider.Parameters parameters) {
		Estate estate = new Estate(parameters);
		load(estate.teams.stream().map((t) -> t.code).toList(), estate.ldus.stream().map(Estate.Unit::code).toList(),
				LocalDate.now(this.clock));
	}

	/**
	 * The last team and the middle one go to the subcontractors, each holding a contract
	 * obligation; the first two LDUs' heads receive their monthly report by link.
	 */
	void load(List<String> teams, List<String> ldus, LocalDate today) {
		long started = System.nanoTime();
		String womens = teams.get(teams.size() - 1);
		String housing = teams.get(teams.size() / 2);
		this.reporting.addSubcontractor("Weald Women's Centre", List.of("contracts@wealdwomenscentre.example.org"),
				List.of(new UnitCode(womens)), "demo");
		this.reporting.addSubcontractor("Downs Housing Trust",
				List.of("performance@downshousing.example.org", "director@downshousing.example.org"),
				List.of(new UnitCode(housing)), "demo");
		this.obligations.supplyChain(today, new UnitCode(womens), new UnitCode(housing));
		this.reporting.addRecipient("WEEKLY_OPERATIONS", null, "operations.director@probation.example.gov.uk", true,
				"demo");
		this.reporting.addRecipient("QUARTERLY_EXECUTIVE", null, "executive@probation.example.gov.uk", true, "demo");
		this.reporting.addRecipient("COMMITTEE", null, "committee.secretary@probation.example.gov.uk", true, "demo");
		for (String ldu : ldus.subList(0, Math.min(2, ldus.size()))) {
			this.reporting.addRecipient("MONTHLY_UNIT", new UnitCode(ldu),
					"head." + ldu.toLowerCase() + "@probation.example.gov.uk", false, "demo");
		}
		LocalDate down = dayDown(this.reporting.dueDates(today, PERIODS_BEFORE));
		int issued = this.reporting.issueDue(today, PERIODS_BEFORE, (down != null) ? Set.of(down) : Set.of());
		log.info("Demo scheduled reports: 2 subcontractors, {} reports issued on their dates but for the day the"
				+ " service was down ({}) in {} ms", issued, down, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * The day the service was down for an upgrade: the due date of the oldest weekly
	 * report that no other report shares, so that one report (the weekly one) went out a
	 * day late and every other on its date.
	 */
	static LocalDate dayDown(Map<String, List<LocalDate>> dueDates) {
		Set<LocalDate> others = new HashSet<>();
		dueDates.forEach((kind, dates) -> {
			if (!WEEKLY.equals(kind)) {
				others.addAll(dates);
			}
		});
		List<LocalDate> weekly = dueDates.getOrDefault(WEEKLY, List.of());
		for (int i = weekly.size() - 1; i >= 0; i--) {
			if (!others.contains(weekly.get(i))) {
				return weekly.get(i);
			}
		}
		return null;
	}

}
