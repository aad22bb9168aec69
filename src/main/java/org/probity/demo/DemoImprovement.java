package org.probity.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.probity.improvement.Improvement;
import org.probity.improvement.PlanKind;
import org.probity.shared.UnitCode;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's improvement plans, through the improvement module's facade: the seed's real
 * inspection response (HMIP, Warwickshire & West Mercia CRC, 2019: 7 recommendations, 56
 * actions), the provider's quality development plan (its actions come from the demo's
 * flags and audits, raised by the improvement module's listeners) and a risk register.
 */
@Component
@Order(1)
class DemoImprovement implements DemoRecords {

	static final String SEED_PLAN = "/improvement/inspection-response-hmip-2019-wwm.csv";

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
		// As published: three standards Good, seven Requires improvement (overall 13).
		Map<String, String> ratings = new LinkedHashMap<>();
		for (String standard : new String[] { "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4" }) {
			ratings.put(standard, "REQUIRES_IMPROVEMENT");
		}
		for (String standard : new String[] { "1.4", "4.1", "4.2" }) {
			ratings.put(standard, "GOOD");
		}
		long inspection = this.improvement.recordInspection(
				"HMI Probation inspection of Warwickshire & West Mercia CRC", provider, LocalDate.of(2019, 7, 17),
				ratings, "demo");
		long response = this.improvement.createPlan(PlanKind.INSPECTION_RESPONSE,
				"Response to the HMI Probation inspection (submitted 19 July 2019)", provider,
				"Assistant Chief Officer, Performance & Quality", inspection, "demo");
		try (Reader csv = new InputStreamReader(DemoImprovement.class.getResourceAsStream(SEED_PLAN),
				StandardCharsets.UTF_8)) {
			this.improvement.importPlan(response, csv, "demo");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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

}
