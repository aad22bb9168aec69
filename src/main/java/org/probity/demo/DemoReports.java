package org.probity.demo;

import java.time.YearMonth;

import org.probity.reports.Reports;
import org.probity.shared.MeasureCode;
import org.probity.shared.UnitCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo provider's monthly packs to the Authority, through the reports module's
 * facade: the baseline year set by the administrator (the first whole year of the demo's
 * data), the month before last's pack approved (written and submitted by the quality
 * team, approved by the senior manager) and last month's pack in draft with the first of
 * its commentaries written.
 */
@Component
@Order(6)
class DemoReports implements DemoRecords {

	private static final Logger log = LoggerFactory.getLogger(DemoReports.class);

	private final Reports reports;

	DemoReports(Reports reports) {
		this.reports = reports;
	}

	@Override
	public void load(DemoProvider.Parameters parameters) {
		long started = System.nanoTime();
		YearMonth last = YearMonth.from(parameters.asOf());
		YearMonth before = last.minusMonths(1);
		this.reports.setBaselineYear(last.getYear() - 1, "The contract's baseline: the first whole year of case data",
				"admin");

		Reports.Pack approved = this.reports.generateMonthlyPack(before, new UnitCode(parameters.providerCode()),
				"quality");
		for (MeasureCode measure : approved.failingMeasures()) {
			approved = this.reports.comment(approved.id(), measure, why(measure), WHAT, true, "quality");
		}
		approved = this.reports.submit(approved.id(), approved.version(), "quality");
		approved = this.reports.approve(approved.id(), approved.version(), "senior");

		Reports.Pack draft = this.reports.generateMonthlyPack(last, new UnitCode(parameters.providerCode()), "quality");
		if (!draft.failingMeasures().isEmpty()) {
			MeasureCode measure = draft.failingMeasures().get(0);
			draft = this.reports.comment(draft.id(), measure, why(measure), WHAT, true, "quality");
		}
		log.info("Demo monthly packs: {} approved, {} in draft ({} measures below target) in {} ms", before, last,
				draft.failingMeasures().size(), (System.nanoTime() - started) / 1_000_000);
	}

	private static final String WHAT = "Heads of the LDUs shown red review every failed case at the monthly "
			+ "performance meeting, and the practitioners concerned are supported through supervision; progress "
			+ "is tracked on the site development plan's action.";

	private static String why(MeasureCode measure) {
		return "Fewer cases met " + measure + " than the contract requires: the shortfall is concentrated in the "
				+ "LDUs shown red in the table by LDU, where caseloads rose and two practitioners left in the month.";
	}

}
