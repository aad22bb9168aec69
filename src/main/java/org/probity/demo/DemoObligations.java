package org.probity.demo;

import java.time.LocalDate;
import java.util.List;

import org.probity.audits.AuditProgrammes;
import org.probity.reports.obligations.Obligations;
import org.probity.shared.UnitCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo provider's register of contract obligations, through the reports module's
 * public API: the annual service plan's Schedule 7 and 9 references (the seeds' quality
 * assurance framework), owned by the demo's quality team, senior manager and line
 * manager, evidenced by service levels, the demo's audit programme and documents, with a
 * few reviews; the monthly management information review is overdue.
 */
@Component
@Order(7)
class DemoObligations implements DemoRecords {

	private static final Logger log = LoggerFactory.getLogger(DemoObligations.class);

	private record Row(String clause, String requirement, String owner, String kind, String ref, String frequency) {
	}

	private static final String PROGRAMME = "PROGRAMME";

	private static final List<Row> REGISTER = List.of(
			new Row("Schedule 7 OM1", "Written reports to courts and sentencers meet the Authority's quality standards",
					"senior", "AUDIT_PROGRAMME", PROGRAMME, "QUARTERLY"),
			new Row("Schedule 7 OM2", "Written submissions to courts and sentencers within one day", "senior",
					"DOCUMENT", "Court services timeliness return", "MONTHLY"),
			new Row("Schedule 7 OM4",
					"Pre-release resettlement within the three months before release; first meeting with the case "
							+ "manager in the community within one day of release",
					"quality", "MEASURE", "SL002R", "QUARTERLY"),
			new Row("Schedule 7 OM8",
					"Sentence plans, including pre-release resettlement plans, agreed with the person on probation, "
							+ "of high quality and reasonable for their needs",
					"quality", "MEASURE", "SL003R", "QUARTERLY"),
			new Row("Schedule 7 RH1", "Quality of assessments of rehabilitative needs", "quality", "AUDIT_PROGRAMME",
					PROGRAMME, "QUARTERLY"),
			new Row("Schedule 7 RH2",
					"Actions of the sentence plan and the needs assessment are undertaken, or the reason is recorded",
					"manager", "AUDIT_PROGRAMME", PROGRAMME, "QUARTERLY"),
			new Row("Schedule 9 Part 1 3.1",
					"Performance data and the management information of Schedule 20 to the Authority within the "
							+ "first ten working days of each month",
					"quality", "DOCUMENT", "Monthly management information pack to the Authority", "MONTHLY"),
			new Row("Schedule 9 Part 2 1", "Face-to-face appointment within five days of initial allocation", "quality",
					"MEASURE", "SL001R", "QUARTERLY"),
			new Row("Schedule 9 Part 2 3", "Attendance at all scheduled appointments", "senior", "MEASURE",
					"ATTENDANCE", "QUARTERLY"),
			new Row("Schedule 9 Part 2 8", "Positive completion of community orders and suspended sentence orders",
					"senior", "MEASURE", "SL008", "QUARTERLY"),
			new Row("Schedule 9 Part 3 A",
					"Annual survey of people on probation and quarterly satisfaction questionnaires, asking the "
							+ "questions of Schedule 9 Appendix 1",
					"quality", "DOCUMENT", "Person on probation survey results and action plan", "SIX_MONTHLY"),
			new Row("Schedule 9 Part 3 C", "Settled accommodation on release", "senior", "MEASURE", "AM_C",
					"QUARTERLY"),
			new Row("Schedule 9 Part 3 D", "Accredited programmes meet the standards of the accrediting body", "senior",
					"DOCUMENT", "Accredited programmes audit by the accrediting body", "ANNUAL"),
			new Row("Schedule 9 Part 3 E-G",
					"Quality of breach referrals, recall referrals and risk escalation reports", "quality", "MEASURE",
					"SL016", "QUARTERLY"),
			new Row("Schedule 20",
					"Accuracy of the management information, assured by sampling checks through the audits", "quality",
					"AUDIT_PROGRAMME", PROGRAMME, "SIX_MONTHLY"));

	private final Obligations obligations;

	private final AuditProgrammes programmes;

	DemoObligations(Obligations obligations, AuditProgrammes programmes) {
		this.obligations = obligations;
		this.programmes = programmes;
	}

	@Override
	public void load(DemoProvider.Parameters parameters) {
		if (!this.obligations.all().isEmpty()) {
			return;
		}
		LocalDate asOf = parameters.asOf();
		String programme = this.programmes.all()
			.stream()
			.map((p) -> Long.toString(p.programme().programmeId()))
			.findFirst()
			.orElse(null);
		for (Row r : REGISTER) {
			boolean byProgramme = PROGRAMME.equals(r.ref());
			String kind = (byProgramme && programme == null) ? "DOCUMENT" : r.kind();
			String ref = byProgramme ? ((programme == null) ? "Case audit programme" : programme) : r.ref();
			LocalDate next = switch (r.frequency()) {
				case "MONTHLY" -> asOf.plusDays(10);
				case "QUARTERLY" -> asOf.plusMonths(1).withDayOfMonth(15);
				case "SIX_MONTHLY" -> asOf.plusMonths(3).withDayOfMonth(28);
				default -> asOf.plusMonths(5).withDayOfMonth(1);
			};
			this.obligations.create(new Obligations.Entry(r.clause(), r.requirement(), r.owner(), kind, ref,
					r.frequency(), next.toString(), null), "quality");
		}
		review("Schedule 7 OM4", asOf.minusMonths(2), "AMBER",
				"SL002R below target in two LDUs over the quarter; release-day appointments being booked from prison "
						+ "before release.",
				"quality");
		review("Schedule 7 OM8", asOf.minusMonths(2), "GREEN",
				"Plans within 15 business days above target; audit ratings for planning Good.", "quality");
		review("Schedule 7 RH1", asOf.minusMonths(1), "AMBER",
				"Assessment standard rated Requires improvement in the quarter's audits; practice briefings "
						+ "scheduled.",
				"quality");
		review("Schedule 9 Part 2 1", asOf.minusMonths(1), "GREEN", "Initial contact on target at provider level.",
				"quality");
		review("Schedule 7 RH2", asOf.minusMonths(2), "GREEN",
				"Team audit sample showed actions recorded with reasons.", "manager");
		// the monthly management information review: last done 45 days ago, so overdue
		review("Schedule 9 Part 1 3.1", asOf.minusDays(45), "GREEN",
				"Pack submitted on the ninth working day; figures reconciled with the audits.", "quality");
		log.info("Demo contract obligations: {} obligations", REGISTER.size());
	}

	/**
	 * The subcontractors' obligations, once their delivery units are marked (called by
	 * {@link DemoScheduledReports} before it issues their reports): the women's centre's
	 * service specification, reviewed Amber, and the housing charity's accommodation
	 * outcome, not yet reviewed and due soon. Loaded once.
	 */
	void supplyChain(LocalDate asOf, UnitCode womensCentre, UnitCode housingTrust) {
		if (this.obligations.all().stream().anyMatch((o) -> o.clause().equals("Subcontract WWC 2.3"))) {
			return;
		}
		this.obligations.create(new Obligations.Entry("Subcontract WWC 2.3",
				"Women-only reporting sessions and a key worker for every woman on probation in the delivery unit",
				"quality", "DOCUMENT", "Weald Women's Centre quarterly service return", "QUARTERLY",
				asOf.plusMonths(1).withDayOfMonth(15).toString(), womensCentre.value()), "quality");
		this.obligations.create(new Obligations.Entry("Subcontract DHT 4.1",
				"Settled accommodation secured on release for people on probation referred by the delivery unit",
				"quality", "MEASURE", "AM_C", "QUARTERLY", asOf.plusDays(20).toString(), housingTrust.value()),
				"quality");
		review("Subcontract WWC 2.3", asOf.minusMonths(1), "AMBER",
				"Key worker allocation within five days in 82% of cases; two sessions cancelled for staff absence.",
				"quality");
		log.info("Demo contract obligations of the supply chain: 2 obligations");
	}

	private void review(String clause, LocalDate on, String rag, String note, String by) {
		Obligations.Obligation o = this.obligations.all()
			.stream()
			.filter((x) -> x.clause().equals(clause))
			.findFirst()
			.orElseThrow();
		this.obligations.review(o.obligationId(), o.version(), on.toString(), rag, note, by);
	}

}
