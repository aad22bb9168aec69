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
import org.probity.feedback.Questionnaires;
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

	private final Questionnaires questionnaires;

	private final TransactionTemplate transaction;

	DemoFeedback(Estate estate, Complaints complaints, Surveys surveys, Meetings meetings,
			Questionnaires questionnaires, PlatformTransactionManager transactions) {
		this.questionnaires = questionnaires;
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
		int responses = surveys(providerCode, teams, asOf, random, new Random(seed ^ 0xAB0E7C0DEL));
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

	/**
	 * The rounds; respondents of the second person-on-probation round and of the staff
	 * survey answer the latest version, and about four in five of them declare some
	 * characteristics (drawn from {@code declaring}, so that every other figure of the
	 * demo stays as it was). Disabled respondents agree a little less often, so that the
	 * results by characteristic have a difference to show.
	 */
	private int surveys(String providerCode, List<UnitCode> teams, LocalDate asOf, Random random, Random declaring) {
		int popVersion = this.questionnaires.latest("POP_SURVEY").orElseThrow().version();
		int staffVersion = this.questionnaires.latest("STAFF_ENGAGEMENT").orElseThrow().version();
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
					Map<String, String> about = (r == 1) ? aboutYou(declaring, false) : Map.of();
					int shift = "DISABLED".equals(about.get("DISABILITY")) ? -25 : 0;
					Map<String, String> answers = new LinkedHashMap<>();
					for (String q : List.of("FAIR", "CLEAR", "HELP")) {
						answers.put(q, agreement(random, r, shift));
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
					answers.putAll(about);
					batch.add(new SurveyAnswers("POP_SURVEY", (r == 1) ? popVersion : 1, team.value(),
							on.isAfter(asOf) ? asOf : on, (random.nextInt(3) == 0) ? "PAPER" : "ONLINE", answers));
				}
			}
			count += this.surveys.recordAll(batch, round.id());
			this.meetings.raiseAction("ROUND", round.id(), new UnitCode(providerCode),
					ActionPlanKind.SERVICE_IMPROVEMENT, "Offer evening appointments in every office",
					round.closesOn().plusMonths(3), "quality");
			this.meetings.raiseAction("ROUND", round.id(), new UnitCode(providerCode),
					ActionPlanKind.SERVICE_IMPROVEMENT, "Tell every person on probation how to complain at induction",
					round.closesOn().plusMonths(2), "quality");
		}
		YearMonth staffMonth = last.minusMonths(5);
		SurveyRound staff = this.surveys.openRound("STAFF_ENGAGEMENT", providerCode,
				"Staff engagement survey " + staffMonth.getYear(), staffMonth.atDay(1), staffMonth.atEndOfMonth(),
				false, "quality");
		List<SurveyAnswers> staffAnswers = new ArrayList<>();
		for (UnitCode team : teams) {
			int responses = 6 + random.nextInt(6);
			for (int i = 0; i < responses; i++) {
				Map<String, String> about = aboutYou(declaring, true);
				int shift = "DISABLED".equals(about.get("DISABILITY")) ? -25 : 0;
				Map<String, String> answers = new LinkedHashMap<>();
				for (int e = 1; e <= 5; e++) {
					answers.put("E" + e, agreement(random, 0, shift));
				}
				answers.putAll(about);
				staffAnswers.add(new SurveyAnswers("STAFF_ENGAGEMENT", staffVersion, team.value(),
						staffMonth.atDay(1 + random.nextInt(28)), "ONLINE", answers));
			}
		}
		count += this.surveys.recordAll(staffAnswers, staff.id());
		this.meetings.raiseAction("ROUND", staff.id(), new UnitCode(providerCode), ActionPlanKind.QUALITY_DEVELOPMENT,
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
					this.meetings.raiseAction("MEETING", meeting.id(), ldu.code(), ActionPlanKind.SERVICE_IMPROVEMENT,
							"Answer the council on " + this.meetings.themes().get(raised.get(0)).toLowerCase(),
							held.plusMonths(2), "quality");
				}
			}
		}
		return count;
	}

	/**
	 * Self-declared characteristics, roughly as a provider in the south of England sees
	 * them; one respondent in five leaves the section out, a few prefer not to say.
	 */
	static Map<String, String> aboutYou(Random random, boolean staff) {
		Map<String, String> about = new LinkedHashMap<>();
		if (random.nextInt(5) == 0) {
			return about;
		}
		about.put("AGE", pick(random, staff ? new String[] { "25_34", "35_44", "45_54", "55_64" }
				: new String[] { "18_24", "25_34", "25_34", "35_44", "35_44", "45_54", "55_64" }));
		about.put("SEX", pick(random, staff ? new String[] { "FEMALE", "FEMALE", "FEMALE", "MALE" }
				: new String[] { "MALE", "MALE", "MALE", "MALE", "FEMALE" }));
		about.put("ETHNICITY", weighted(random, new String[] { "WHITE", "ASIAN", "BLACK", "MIXED", "OTHER" },
				new int[] { 82, 7, 5, 4, 2 }));
		about.put("DISABILITY", weighted(random, new String[] { "NOT_DISABLED", "DISABLED" }, new int[] { 75, 25 }));
		about.put("RELIGION",
				weighted(random, new String[] { "NONE", "CHRISTIAN", "MUSLIM", "OTHER" }, new int[] { 50, 38, 6, 6 }));
		for (String question : List.of("AGE", "SEX", "ETHNICITY", "DISABILITY", "RELIGION")) {
			if (random.nextInt(25) == 0) {
				about.put(question, "PREFER_NOT_TO_SAY");
			}
		}
		return about;
	}

	private static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}

	private static String weighted(Random random, String[] values, int[] weights) {
		int roll = random.nextInt(java.util.Arrays.stream(weights).sum());
		for (int i = 0; i < values.length; i++) {
			roll -= weights[i];
			if (roll < 0) {
				return values[i];
			}
		}
		return values[values.length - 1];
	}

	/**
	 * Mostly agreeing, a little more so in the second round; {@code shift} moves a
	 * respondent's answers (negative: less agreeing) without another random draw.
	 */
	private static String agreement(Random random, int round, int shift) {
		int roll = Math.max(0, Math.min(99, random.nextInt(100) + round * 6 + shift));
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
