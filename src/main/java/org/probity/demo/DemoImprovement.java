package org.probity.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import org.probity.improvement.Improvement;
import org.probity.improvement.PlanKind;
import org.probity.shared.UnitCode;
import org.probity.shared.web.Format;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's improvement plans, through the improvement module's facade: the seed's real
 * inspection response (HMIP, Warwickshire & West Mercia CRC, 2019: 7 recommendations, 56
 * actions), the provider's quality development plan (its actions come from the demo's
 * flags and audits, raised by the improvement module's listeners) and a risk register.
 * <p>
 * The seed's plan is dated as the demo's own live plan: the inspection four months before
 * the demo's last day of data, and every date of the plan moved by the same number of
 * days. Left in 2019, its 56 actions (and their monthly repeats) would all be years
 * overdue, and the home page would present some 400 of them as today's work; closing it
 * as historic would leave the demo with no inspection response in hand. Moved, it reads
 * as a quality team's plan a few months after an inspection: some actions overdue, most
 * due over the coming year.
 */
@Component
@Order(1)
class DemoImprovement implements DemoRecords {

	static final String SEED_PLAN = "/improvement/inspection-response-hmip-2019-wwm.csv";

	/** When HMI Probation published the seed's inspection. */
	static final LocalDate PUBLISHED = LocalDate.of(2019, 7, 17);

	private final Improvement improvement;

	DemoImprovement(Improvement improvement) {
		this.improvement = improvement;
	}

	@Override
	public void load(DemoProvider.Parameters parameters) {
		load(parameters.providerCode(), parameters.asOf());
	}

	void load(String providerCode, LocalDate asOf) {
		UnitCode provider = new UnitCode(providerCode);
		long shift = ChronoUnit.DAYS.between(PUBLISHED, asOf.minusMonths(4));
		// As published: three standards Good, seven Requires improvement (overall 13).
		Map<String, String> ratings = new LinkedHashMap<>();
		for (String standard : new String[] { "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4" }) {
			ratings.put(standard, "REQUIRES_IMPROVEMENT");
		}
		for (String standard : new String[] { "1.4", "4.1", "4.2" }) {
			ratings.put(standard, "GOOD");
		}
		long inspection = this.improvement.recordInspection(
				"HMI Probation inspection of Warwickshire & West Mercia CRC", provider, PUBLISHED.plusDays(shift),
				ratings, "demo");
		long response = this.improvement.createPlan(
				PlanKind.INSPECTION_RESPONSE, "Response to the HMI Probation inspection (submitted "
						+ Format.date(PUBLISHED.plusDays(2 + shift)) + ")",
				provider, "Assistant Chief Officer, Performance & Quality", inspection, "demo");
		this.improvement.importPlan(response, new StringReader(seedPlanMovedBy(shift)), "demo");
		this.improvement.planFor(PlanKind.QUALITY_DEVELOPMENT, provider);
		long risks = this.improvement.createPlan(PlanKind.RISK_ASSURANCE, "Contract risk assurance plan", provider,
				"Director of Justice", null, "demo");
		LocalDate review = asOf.plusMonths(1);
		this.improvement.addRisk(risks, "Loss of qualified probation officers leaves caseloads above 60",
				"Director of operations", 4, 4, "Recruitment plan; agency cover capped; caseload weighting monthly",
				review, "demo");
		this.improvement.addRisk(risks, "Risk of serious harm assessments not completed within 15 working days",
				"ACO Performance & Quality", 3, 5, "Weekly compliance report; deeper audits of failing teams", review,
				"demo");
		this.improvement.addRisk(risks, "Case management system outage stops recording of contacts",
				"Head of business systems", 2, 4, "Paper contingency forms; supplier service credits", review, "demo");
		this.improvement.addRisk(risks, "Unpaid work placements short of demand in rural LDUs", "Head of interventions",
				3, 3, "New placement partners; weekend sessions", asOf.minusDays(10), "demo");
		this.improvement.addRisk(risks, "Data breach through emailed case records", "Information governance lead", 1, 5,
				"Secure email only; annual training", review, "demo");
	}

	/** The seed's plan with each action's target date moved by {@code days}. */
	static String seedPlanMovedBy(long days) {
		try (Reader reader = new InputStreamReader(DemoImprovement.class.getResourceAsStream(SEED_PLAN),
				StandardCharsets.UTF_8)) {
			CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
			StringWriter out = new StringWriter();
			try (CSVParser parser = CSVParser.parse(reader, format);
					CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
				List<String> header = parser.getHeaderNames();
				printer.printRecord(header);
				int target = header.indexOf("target_date");
				for (CSVRecord row : parser) {
					List<String> values = new ArrayList<>(row.toList());
					if (!values.get(target).isBlank()) {
						values.set(target, LocalDate.parse(values.get(target)).plusDays(days).toString());
					}
					printer.printRecord(values);
				}
			}
			return out.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
