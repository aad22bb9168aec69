package org.probity.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

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
 * issued by today with the periods two periods before each of them.
 */
@Component
@Order(7)
class DemoScheduledReports implements DemoRecords {

	private static final Logger log = LoggerFactory.getLogger(DemoScheduledReports.class);

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
		int issued = this.reporting.issueDue(today, 2);
		log.info("Demo scheduled reports: 2 subcontractors, {} reports issued in {} ms", issued,
				(System.nanoTime() - started) / 1_000_000);
	}

}
