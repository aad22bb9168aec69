package org.probity.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.probity.estate.Estate;
import org.probity.estate.Grade;
import org.probity.estate.Staff;
import org.probity.estate.Unit;
import org.probity.estate.UnitType;
import org.probity.feedback.ActionPlanKind;
import org.probity.feedback.Complaint;
import org.probity.feedback.ComplaintStep;
import org.probity.feedback.Complaints;
import org.probity.feedback.Meetings;
import org.probity.feedback.NewComplaint;
import org.probity.feedback.NewMeeting;
import org.probity.feedback.SurveyAnswers;
import org.probity.feedback.SurveyRound;
import org.probity.feedback.Surveys;
import org.probity.shared.BusinessCalendar;
import org.probity.shared.UnitCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo provider's feedback, through the feedback module's public API: two rounds of
 * the person-on-probation survey and a staff engagement survey answered team by team, a
 * year of complaints (a few acknowledged or answered late, the last weeks' still open),
 * quarterly service-user councils in every LDU, and the actions they raise. Deterministic
 * for a seed.
 */
@Component
@Order(3)
class DemoFeedback implements DemoRecords {

	private static final Logger log = LoggerFactory.getLogger(DemoFeedback.class);

	private static final String[] AGREEMENT = { "STRONGLY_AGREE", "AGREE", "NEITHER", "DISAGREE", "STRONGLY_DISAGREE",
			"DONT_KNOW" };

	private static final String[] BEST = { "My worker listens to me", "Being treated with respect",
			"Help with finding work", "I always see the same officer", "They helped me with housing" };

	private static final String[] BETTER = { "Appointments are moved at short notice", "The waiting room is noisy",
			"Evening appointments would help", "It is hard to get through on the phone", "Too many changes of worker" };

	private final Estate estate;

	private final Complaints complaints;

	private final Surveys surveys;

	private final Meetings meetings;

	private final TransactionTemplate transaction;

	DemoFeedback(Estate estate, Complaints complaints, Surveys surveys, Meetings meetings,
			PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
		this.estate = estate;
		this.complaints = complaints;
		this.surveys = surveys;
		this.meetings = meetings;
	}

	/**
	 * Loads everything in one transaction: a few seconds rather than a commit per record.
	 */
	@Override
	public void load(DemoProvider.Parameters parameters) {
		load(parameters.providerCode(), parameters.asOf(), parameters.seed());
	}

	void load(String providerCode, LocalDate asOf, long seed) {
		this.transaction.executeWithoutResult((status) -> loadAll(providerCode, asOf, seed));
	}

	private void loadAll(String providerCode, LocalDate asOf, long seed) {
		long started = System.nanoTime();
		Random random = new Random(seed ^ 0xFEEDBACCL);
		List<UnitCode> teams = new ArrayList<>(this.estate.teamsUnder(new UnitCode(providerCode)));
		int complaintCount = complaints(teams, asOf, random);
		int responses = surveys(providerCode, teams, asOf, random);
		int councils = councils(asOf, random);
		log.info("Demo feedback loaded in {} ms: {} complaints, {} survey responses, {} council meetings",
				(System.nanoTime() - started) / 1_000_000, complaintCount, responses, councils);
	}

	private int complaints(List<UnitCode> teams, LocalDate asOf, Random random) {
		BusinessCalendar calendar = BusinessCalendar.englandAndWales();
		List<String> categories = List.copyOf(this.complaints.categories().keySet());
		String[] complainants = { "PERSON_ON_PROBATION", "PERSON_ON_PROBATION", "PERSON_ON_PROBATION", "FAMILY",
				"VICTIM", "PUBLIC", "STAKEHOLDER" };
		int count = 0;
		for (UnitCode team : teams) {
			List<Staff> staff = this.estate.staffOfTeam(team)
				.stream()
				.filter((s) -> s.grade() == Grade.PO || s.grade() == Grade.PSO)
				.toList();
			for (int m = 11; m >= 0; m--) {
				YearMonth month = YearMonth.from(asOf).minusMonths(m);
				int inMonth = (random.nextInt(10) < 6) ? 1 : random.nextInt(2) * 2;
				for (int i = 0; i < inMonth; i++) {
					LocalDate received = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
					if (received.isAfter(asOf)) {
						continue;
					}
					String about = (!staff.isEmpty() && random.nextInt(10) < 3)
							? staff.get(random.nextInt(staff.size())).code().value() : null;
					Complaint c = this.complaints.log(new NewComplaint(received,
							(random.nextBoolean()) ? "EMAIL" : ((random.nextBoolean()) ? "LETTER" : "PHONE"),
							complainants[random.nextInt(complainants.length)], team.value(), about, null,
							"Demo complaint about "
									+ categories.get(random.nextInt(categories.size())).toLowerCase().replace('_', ' '),
							List.of(categories.get(random.nextInt(categories.size())))), "quality");
					count++;
					steps(c, calendar, asOf, random);
				}
			}
		}
		return count;
	}

	/**
	 * Most stages in time; about one in ten acknowledged late and one in seven answered
	 * late.
	 */
	private void steps(Complaint c, BusinessCalendar calendar, LocalDate asOf, Random random) {
		int version = 0;
		LocalDate ack = calendar.businessDayAfter(c.receivedOn(),
				(random.nextInt(10) == 0) ? 6 + random.nextInt(4) : 1 + random.nextInt(5));
		if (ack.isAfter(asOf)) {
			return;
		}
		this.complaints.record(c.id(), new ComplaintStep(ComplaintStep.Kind.ACKNOWLEDGED, ack, null, version++),
				"quality");
		LocalDate responded = calendar.businessDayAfter(ack,
				(random.nextInt(7) == 0) ? 26 + random.nextInt(10) : 8 + random.nextInt(18));
		if (responded.isAfter(asOf)) {
			return;
		}
		int roll = random.nextInt(20);
		String outcome = (roll < 3) ? "UPHELD"
				: (roll < 6) ? "PARTLY_UPHELD" : (roll < 18) ? "NOT_UPHELD" : "WITHDRAWN";
		this.complaints.record(c.id(), new ComplaintStep(ComplaintStep.Kind.RESPONDED, responded, outcome, version++),
				"quality");
		if (!"NOT_UPHELD".equals(outcome) || random.nextInt(5) != 0) {
			return;
		}
		LocalDate appealed = calendar.businessDayAfter(responded, 3 + random.nextInt(15));
		LocalDate appealAnswered = calendar.businessDayAfter(appealed, 8 + random.nextInt(15));
		if (appealAnswered.isAfter(asOf)) {
			return;
		}
		this.complaints.record(c.id(), new ComplaintStep(ComplaintStep.Kind.APPEALED, appealed, null, version++),
				"quality");
		this.complaints.record(c.id(),
				new ComplaintStep(ComplaintStep.Kind.APPEAL_RESPONDED, appealAnswered, "NOT_UPHELD", version++),
				"quality");
	}

	private int surveys(String providerCode, List<UnitCode> teams, LocalDate asOf, Random random) {
		int count = 0;
		YearMonth last = YearMonth.from(asOf);
		for (int r = 0; r < 2; r++) {
			// six-monthly: the second round a little better than the first
			YearMonth opens = last.minusMonths((r == 0) ? 8 : 2);
			SurveyRound round = this.surveys.openRound("POP_SURVEY", providerCode,
					"Person on probation survey, "
							+ opens.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK)
							+ " " + opens.getYear(),
					opens.atDay(1), opens.plusMonths(1).atEndOfMonth(), false, "quality");
			List<SurveyAnswers> batch = new ArrayList<>();
			for (UnitCode team : teams) {
				int responses = 8 + random.nextInt(9);
				for (int i = 0; i < responses; i++) {
					Map<String, String> answers = new LinkedHashMap<>();
					for (String q : List.of("FAIR", "CLEAR", "HELP")) {
						answers.put(q, agreement(random, r));
					}
					answers.put("COMPLAIN",
							(random.nextInt(10) < 6 + r) ? "YES" : (random.nextBoolean() ? "NO" : "DONT_KNOW"));
					answers.put("OVERALL", List.of("VERY_GOOD", "GOOD", "GOOD", "FAIR", "POOR", "VERY_POOR")
						.get(Math.min(5, random.nextInt(4) + random.nextInt(3 - r))));
					if (random.nextInt(4) == 0) {
						answers.put("BEST", BEST[random.nextInt(BEST.length)]);
					}
					if (random.nextInt(4) == 0) {
						answers.put("BETTER", BETTER[random.nextInt(BETTER.length)]);
					}
					LocalDate on = round.opensOn().plusDays(random.nextInt(50));
					batch.add(new SurveyAnswers("POP_SURVEY", 1, team.value(), on.isAfter(asOf) ? asOf : on,
							(random.nextInt(3) == 0) ? "PAPER" : "ONLINE", answers));
				}
			}
			count += this.surveys.recordAll(batch, round.id());
			this.meetings.raiseAction("ROUND", round.id(), providerCode, ActionPlanKind.SERVICE_IMPROVEMENT,
					"Offer evening appointments in every office", round.closesOn().plusMonths(3), "quality");
			this.meetings.raiseAction("ROUND", round.id(), providerCode, ActionPlanKind.SERVICE_IMPROVEMENT,
					"Tell every person on probation how to complain at induction", round.closesOn().plusMonths(2),
					"quality");
		}
		YearMonth staffMonth = last.minusMonths(5);
		SurveyRound staff = this.surveys.openRound("STAFF_ENGAGEMENT", providerCode,
				"Staff engagement survey " + staffMonth.getYear(), staffMonth.atDay(1), staffMonth.atEndOfMonth(),
				false, "quality");
		List<SurveyAnswers> staffAnswers = new ArrayList<>();
		for (UnitCode team : teams) {
			int responses = 6 + random.nextInt(6);
			for (int i = 0; i < responses; i++) {
				Map<String, String> answers = new LinkedHashMap<>();
				for (int e = 1; e <= 5; e++) {
					answers.put("E" + e, agreement(random, 0));
				}
				staffAnswers.add(new SurveyAnswers("STAFF_ENGAGEMENT", 1, team.value(),
						staffMonth.atDay(1 + random.nextInt(28)), "ONLINE", answers));
			}
		}
		count += this.surveys.recordAll(staffAnswers, staff.id());
		this.meetings.raiseAction("ROUND", staff.id(), providerCode, ActionPlanKind.QUALITY_DEVELOPMENT,
				"Managers hold a team conversation on the engagement results", staff.closesOn().plusMonths(2),
				"quality");
		return count;
	}

	private int councils(LocalDate asOf, Random random) {
		List<String> themes = List.copyOf(this.meetings.themes().keySet());
		int count = 0;
		for (Unit ldu : this.estate.units().stream().filter((u) -> u.type() == UnitType.LDU).toList()) {
			for (int q = 3; q >= 0; q--) {
				LocalDate held = YearMonth.from(asOf).minusMonths(q * 3L + 1).atDay(10 + random.nextInt(10));
				List<String> raised = List.of(themes.get(random.nextInt(themes.size())),
						themes.get(random.nextInt(themes.size())));
				var meeting = this.meetings.record(new NewMeeting(held, ldu.code().value(), "SERVICE_USER_COUNCIL",
						"Service user council, " + ldu.name(), 6 + random.nextInt(10), raised,
						"People on probation met the head of service."), "quality");
				count++;
				if (q == 0) {
					this.meetings.raiseAction("MEETING", meeting.id(), ldu.code().value(),
							ActionPlanKind.SERVICE_IMPROVEMENT,
							"Answer the council on " + this.meetings.themes().get(raised.get(0)).toLowerCase(),
							held.plusMonths(2), "quality");
				}
			}
		}
		return count;
	}

	/** Mostly agreeing, a little more so in the second round. */
	private static String agreement(Random random, int round) {
		int roll = random.nextInt(100) + round * 6;
		if (roll >= 100 - 30) {
			return AGREEMENT[0];
		}
		if (roll >= 100 - 70) {
			return AGREEMENT[1];
		}
		if (roll >= 100 - 82) {
			return AGREEMENT[2];
		}
		if (roll >= 100 - 92) {
			return AGREEMENT[3];
		}
		return (roll >= 3) ? AGREEMENT[4] : AGREEMENT[5];
	}

}
