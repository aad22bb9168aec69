package org.probity.demo;

import java.io.Closeable;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.probity.shared.BusinessCalendar;

/**
 * Draws each person's case history and streams its rows: the person, their events (orders
 * and licences), requirements, contacts, plans, referrals and accommodation.
 *
 * <p>
 * Every late or missed step is drawn with a base probability times the risk of the team
 * and of the practitioner (weaker teams and practitioners with sustained problems miss
 * more), plus seasonal pressure: staff leave and reduced service around bank holidays and
 * between Christmas and New Year make first appointments, unpaid work inductions and
 * breach referrals late more often. The base rates are tuned so that a provider's figures
 * land near the published national ones (measures.md, "Published national figures").
 */
final class CaseHistories implements Closeable {

	// Initial appointments (SL001R, SL002R)
	static final double INITIAL_LATE = 0.014;

	static final double INITIAL_NOT_FACE_TO_FACE = 0.01;

	/**
	 * First appointments of Black people on community orders are arranged late this much
	 * more often in the first region, and {@link #INITIAL_LATE_DISPARITY_ELSEWHERE} more
	 * often in the others: the kind of difference the equality analysis exists to find
	 * (issue #14), provider-wide and worst in one region, as inspections of race equality
	 * in probation have found. Tuned on the demo (as of 30 November 2026) so that the
	 * provider's SL001R shows Black people significantly lower after Benjamini-Hochberg
	 * in every quarter from 2025-Q3 to 2026-Q3 (2026-Q3: 82 of 96, 85.4%, against 96.8%,
	 * q = 0.0003). At 0.25 in the first region only, 2026-Q3 was not significant (93.8%,
	 * p = 0.13): that quarter the first region's Black people had been luckier than
	 * usual.
	 */
	static final double INITIAL_LATE_DISPARITY = 0.35;

	static final double INITIAL_LATE_DISPARITY_ELSEWHERE = 0.10;

	static final double BANK_HOLIDAY_PRESSURE = 0.08;

	static final double CHRISTMAS_PRESSURE = 0.18;

	// Plans (SL003R, SL004R, SL013)
	static final double SENTENCE_PLAN_LATE = 0.025;

	static final double RESETTLEMENT_PLAN_LATE = 0.035;

	// Unpaid work arranged promptly (SL006R)
	static final double UNPAID_WORK_LATE = 0.085;

	// Completions (SL008, AM_J, SL011R)
	static final double ORDER_COMPLETION = 0.81;

	static final double LICENCE_COMPLETION = 0.79;

	static final double PROGRAMME_FAILURE = 0.05;

	// Breach and recall referrals (AM_E, SL016, SL018)
	static final double BREACH_LATE = 0.06;

	static final double BREACH_NOT_USABLE = 0.06;

	static final double RECALL_LATE = 0.035;

	// Monthly contact (AM_K): a practitioner lets a gap open
	static final double SUPERVISION_GAP = 0.035;

	// Accommodation on release (AM_C)
	static final double NO_FIXED_ABODE = 0.09;

	private static final String CO = "COMMUNITY_ORDER";

	private static final String SSO = "SUSPENDED_SENTENCE_ORDER";

	private static final String LICENCE = "LICENCE";

	private static final String PSS = "POST_SENTENCE_SUPERVISION";

	private static final String CUSTODY = "CUSTODY";

	private static final String ATTENDED = "ATTENDED_COMPLIED";

	private static final String FAILED_TO_COMPLY = "ATTENDED_FAILED_TO_COMPLY";

	private static final String ACCEPTABLE = "ACCEPTABLE_ABSENCE";

	private static final String UNACCEPTABLE = "UNACCEPTABLE_ABSENCE";

	private static final String RESCHEDULED = "RESCHEDULED";

	private static final String NOT_RECORDED = "NOT_RECORDED";

	private final DemoProvider.Parameters parameters;

	private final Estate estate;

	private final BusinessCalendar calendar = BusinessCalendar.englandAndWales();

	private final LocalDate asOf;

	private final LocalDate windowStart;

	private final LocalDate earliest;

	private final int span;

	private final CsvFile people;

	private final CsvFile events;

	private final CsvFile requirements;

	private final CsvFile contacts;

	private final CsvFile plans;

	private final CsvFile referrals;

	private final CsvFile accommodation;

	private final SentencePlanChange planChange;

	CaseHistories(DemoProvider.Parameters parameters, Estate estate, Path directory) {
		this.parameters = parameters;
		this.estate = estate;
		this.asOf = parameters.asOf();
		this.planChange = SentencePlanChange.of(estate, this.asOf);
		this.windowStart = parameters.windowStart();
		// Some cases were allocated before the two years and are still running in them.
		this.earliest = this.windowStart.minusMonths(9);
		this.span = (int) ChronoUnit.DAYS.between(this.earliest, this.asOf) + 1;
		this.people = new CsvFile(directory.resolve("people.csv"), "crn", "forename", "surname", "date_of_birth", "sex",
				"gender_identity_same_as_birth", "ethnicity", "religion", "sexual_orientation", "disability",
				"marital_status", "restricted");
		this.events = new CsvFile(directory.resolve("events.csv"), "event_id", "crn", "event_type", "sentence_date",
				"allocation_date", "release_date", "expected_end_date", "termination_date", "termination_reason",
				"staff_code", "team_code");
		this.requirements = new CsvFile(directory.resolve("requirements.csv"), "requirement_id", "event_id",
				"requirement_type", "length", "start_date", "termination_date", "termination_reason");
		this.contacts = new CsvFile(directory.resolve("contacts.csv"), "contact_id", "crn", "event_id",
				"requirement_id", "staff_code", "contact_type", "face_to_face", "national_standard", "arranged_on",
				"contact_at", "outcome");
		this.plans = new CsvFile(directory.resolve("plans.csv"), "plan_id", "event_id", "plan_type", "completed_date",
				"agreed_with_person");
		this.referrals = new CsvFile(directory.resolve("referrals.csv"), "referral_id", "event_id", "referral_type",
				"aware_date", "referred_date", "usable_without_more_information", "outcome");
		this.accommodation = new CsvFile(directory.resolve("accommodation.csv"), "event_id", "status");
	}

	Map<String, Long> rows() {
		Map<String, Long> rows = new LinkedHashMap<>();
		rows.put("people", this.people.rows());
		rows.put("events", this.events.rows());
		rows.put("requirements", this.requirements.rows());
		rows.put("contacts", this.contacts.rows());
		rows.put("plans", this.plans.rows());
		rows.put("referrals", this.referrals.rows());
		rows.put("accommodation", this.accommodation.rows());
		return rows;
	}

	/** How often a person misses appointments: most comply, some are chaotic. */
	private record Compliance(double unacceptable, double acceptable, double rescheduled) {
	}

	private static final Compliance GOOD = new Compliance(0.022, 0.04, 0.03);

	private static final Compliance MODERATE = new Compliance(0.07, 0.06, 0.04);

	private static final Compliance CHAOTIC = new Compliance(0.16, 0.08, 0.04);

	void person(int index) {
		SplittableRandom rng = new SplittableRandom(mix(this.parameters.seed(), index));
		String crn = this.parameters.crnLetter() + Estate.pad(this.parameters.firstCrn() + index, 6);
		String ethnicity = writePerson(rng, crn);
		double c = rng.nextDouble();
		Compliance compliance = (c < 0.70) ? GOOD : (c < 0.92) ? MODERATE : CHAOTIC;
		Estate.Team team = this.estate.pickTeam(rng);
		double n = rng.nextDouble();
		int eventCount = (n < 0.82) ? 1 : (n < 0.97) ? 2 : 3;
		LocalDate anchor = this.earliest.plusDays(rng.nextInt(this.span));
		for (int e = 1; e <= eventCount && !anchor.isAfter(this.asOf); e++) {
			new Event(rng, crn + "-" + e, crn, team, compliance, ethnicity).generate(anchor);
			anchor = anchor.plusDays(90 + rng.nextInt(510));
		}
	}

	/** Writes the person; returns their ethnicity. */
	private String writePerson(SplittableRandom rng, String crn) {
		double s = rng.nextDouble();
		String sex = (s < 0.885) ? "MALE" : (s < 0.995) ? "FEMALE" : "NOT_RECORDED";
		String ethnicity = pick(rng, new String[] { "WHITE", "BLACK", "ASIAN", "MIXED", "OTHER", "NOT_RECORDED" },
				new double[] { 0.78, 0.07, 0.07, 0.04, 0.02, 0.02 });
		String forename = Names.forename(rng, "FEMALE".equals(sex), ethnicity);
		String surname = Names.surname(rng, ethnicity);
		// StrictMath: the same age on every JVM, so that files stay byte-identical
		int age = 18 + (int) (StrictMath.pow(rng.nextDouble(), 1.7) * 55);
		LocalDate born = this.windowStart.minusYears(age).minusDays(rng.nextInt(365));
		double g = rng.nextDouble();
		String genderSame = (g < 0.92) ? "Y" : (g < 0.924) ? "N" : null;
		String religion = ethnicity.equals("ASIAN")
				? pick(rng, new String[] { "MUSLIM", "HINDU", "SIKH", "CHRISTIAN", "NONE", "BUDDHIST", "NOT_RECORDED" },
						new double[] { 0.55, 0.12, 0.1, 0.05, 0.08, 0.02, 0.08 })
				: pick(rng,
						new String[] { "NONE", "CHRISTIAN", "MUSLIM", "JEWISH", "BUDDHIST", "OTHER", "NOT_RECORDED" },
						new double[] { 0.44, 0.36, 0.04, 0.004, 0.006, 0.03, 0.12 });
		String orientation = pick(rng,
				new String[] { "HETEROSEXUAL", "GAY_OR_LESBIAN", "BISEXUAL", "OTHER", "NOT_RECORDED" },
				new double[] { 0.87, 0.015, 0.015, 0.005, 0.095 });
		double d = rng.nextDouble();
		String disability = (d < 0.31) ? "Y" : (d < 0.9) ? "N" : null;
		String marital = pick(rng, new String[] { "SINGLE", "MARRIED_OR_CIVIL_PARTNERSHIP",
				"SEPARATED_DIVORCED_OR_DISSOLVED", "WIDOWED", "NOT_RECORDED" },
				new double[] { 0.64, 0.12, 0.1, 0.01, 0.13 });
		this.people.add(crn)
			.add(forename)
			.add(surname)
			.add(born)
			.add(sex)
			.add(genderSame)
			.add(ethnicity)
			.add(religion)
			.add(orientation)
			.add(disability)
			.add(marital)
			.add(rng.nextDouble() < 0.01)
			.end();
		return ethnicity;
	}

	/** One order or licence and everything recorded against it. */
	private final class Event {

		final SplittableRandom rng;

		final String id;

		final String crn;

		final Estate.Team team;

		final Compliance compliance;

		final String ethnicity;

		String type;

		LocalDate sentence;

		LocalDate allocation;

		LocalDate release;

		LocalDate expectedEnd;

		/**
		 * Termination date once known; null while the event is active at the as-of date.
		 */
		LocalDate termination;

		String reason;

		Estate.Staff staff;

		double risk;

		int contactSeq;

		int referralSeq;

		/** First attended face-to-face contact of any kind (SL003R, SL004R). */
		LocalDate firstAttended;

		// The failure the event is heading for, and when, if any
		String fate;

		LocalDate fateDate;

		boolean awaitingBreach;

		Event(SplittableRandom rng, String id, String crn, Estate.Team team, Compliance compliance, String ethnicity) {
			this.rng = rng;
			this.ethnicity = ethnicity;
			this.id = id;
			this.crn = crn;
			this.team = team;
			this.compliance = compliance;
		}

		void generate(LocalDate anchor) {
			this.type = pick(this.rng, new String[] { CO, SSO, LICENCE, PSS, CUSTODY },
					new double[] { 0.38, 0.20, 0.27, 0.07, 0.08 });
			if (!dates(anchor)) {
				return;
			}
			decideFate();
			LocalDate heldUntil = (this.termination != null && !"REVOKED_BREACH".equals(this.fate)) ? this.termination
					: CaseHistories.this.asOf;
			this.staff = CaseHistories.this.estate.responsibleOfficer(this.rng, this.team, this.allocation, heldUntil);
			this.risk = this.team.risk * this.staff.risk;
			if (CUSTODY.equals(this.type)) {
				custodyContacts();
			}
			else {
				supervision();
			}
			if (LICENCE.equals(this.type) && !"RECALLED".equals(this.reason) && this.rng.nextDouble() < 0.03) {
				recallNotTaken();
			}
			writeEvent();
			if (CO.equals(this.type) || SSO.equals(this.type)) {
				requirements();
			}
			if (!CUSTODY.equals(this.type)) {
				sentencePlan();
			}
			if (!CO.equals(this.type) && !SSO.equals(this.type)) {
				resettlementPlan();
			}
			if (LICENCE.equals(this.type) || PSS.equals(this.type)) {
				accommodation();
			}
		}

		/**
		 * Sets the event's dates; false when the event has not started by the as-of date.
		 */
		private boolean dates(LocalDate anchor) {
			LocalDate asOf = CaseHistories.this.asOf;
			switch (this.type) {
				case CO, SSO -> {
					this.sentence = previousBusinessDay(anchor);
					double a = this.rng.nextDouble();
					this.allocation = (a < 0.6) ? this.sentence
							: bd(this.sentence, (a < 0.95) ? 1 : 2 + this.rng.nextInt(2));
					int months = CO.equals(this.type)
							? pickInt(new int[] { 6, 12, 18, 24 }, new double[] { 0.1, 0.5, 0.2, 0.2 })
							: pickInt(new int[] { 12, 18, 24 }, new double[] { 0.5, 0.2, 0.3 });
					this.expectedEnd = this.sentence.plusMonths(months);
				}
				case LICENCE, PSS -> {
					// Releases happen on working days; one due on a weekend or bank
					// holiday is
					// brought forward.
					this.release = previousBusinessDay(anchor);
					int custodyMonths = LICENCE.equals(this.type)
							? pickInt(new int[] { 3, 6, 9, 12, 18, 24, 36, 48 },
									new double[] { 0.08, 0.14, 0.14, 0.18, 0.16, 0.14, 0.1, 0.06 })
							: pickInt(new int[] { 1, 2, 3, 4, 6 }, new double[] { 0.2, 0.3, 0.25, 0.15, 0.1 });
					this.sentence = previousBusinessDay(this.release.minusMonths(custodyMonths));
					this.expectedEnd = this.release
						.plusMonths(LICENCE.equals(this.type) ? Math.max(6, custodyMonths) : 12);
					this.allocation = (this.rng.nextDouble() < 0.2) ? this.release
							: this.release.minusDays(14 + this.rng.nextInt(60));
				}
				default -> {
					int months = pickInt(new int[] { 12, 18, 24, 36, 48, 72 },
							new double[] { 0.2, 0.2, 0.2, 0.2, 0.1, 0.1 });
					// Still serving the custodial part at the as-of date.
					LocalDate latestStart = asOf.minusDays(10);
					LocalDate earliestStart = asOf.minusMonths(months / 2).plusDays(1);
					if (anchor.isBefore(earliestStart)) {
						anchor = earliestStart.plusDays(this.rng
							.nextInt((int) Math.max(1, ChronoUnit.DAYS.between(earliestStart, latestStart))));
					}
					this.sentence = previousBusinessDay(anchor);
					this.allocation = bd(this.sentence, this.rng.nextInt(4));
					this.expectedEnd = this.sentence.plusMonths(months);
				}
			}
			LocalDate start = start();
			return !start.isAfter(asOf) && !this.allocation.isAfter(asOf);
		}

		LocalDate start() {
			return (this.release != null) ? this.release : this.allocation;
		}

		private void decideFate() {
			LocalDate asOf = CaseHistories.this.asOf;
			LocalDate start = start();
			if (CUSTODY.equals(this.type)) {
				if (this.rng.nextDouble() < 0.02) {
					LocalDate when = between(this.allocation.plusDays(7), asOf);
					if (when != null) {
						this.termination = when;
						this.reason = "TRANSFERRED_OUT";
					}
				}
				return;
			}
			double neutral = this.rng.nextDouble();
			double success = (CO.equals(this.type) || SSO.equals(this.type)) ? ORDER_COMPLETION : LICENCE_COMPLETION;
			if (this.team.weak) {
				success -= 0.05;
			}
			if (neutral < 0.04) {
				this.fate = pick(this.rng, new String[] { "TRANSFERRED_OUT", "DECEASED", "OTHER_NEUTRAL" },
						new double[] { 0.6, 0.1, 0.3 });
				this.fateDate = between(start.plusDays(14), this.expectedEnd);
			}
			else if (this.rng.nextDouble() < success) {
				this.fate = "COMPLETED";
				this.fateDate = this.expectedEnd;
				if (this.rng.nextDouble() < 0.06) {
					// early termination for good progress
					long days = ChronoUnit.DAYS.between(start, this.expectedEnd);
					this.fateDate = start.plusDays((long) (days * (0.55 + this.rng.nextDouble() * 0.25)));
				}
			}
			else {
				this.fate = switch (this.type) {
					case LICENCE -> "RECALLED";
					default -> (this.rng.nextDouble() < 0.6) ? "REVOKED_BREACH" : "REVOKED_FURTHER_OFFENCE";
				};
				this.fateDate = between(start.plusDays(30), this.expectedEnd.minusDays(1));
			}
			if (this.fateDate == null || this.fateDate.isAfter(asOf)) {
				this.fate = null;
				return;
			}
			switch (this.fate) {
				case "REVOKED_BREACH" -> this.awaitingBreach = true;
				case "RECALLED" -> recall();
				default -> {
					this.termination = this.fateDate;
					this.reason = this.fate;
				}
			}
		}

		/**
		 * A licence recalled: aware, Part A referred, recall on the day it is referred.
		 */
		private void recall() {
			LocalDate aware = this.fateDate;
			double late = RECALL_LATE * this.team.risk + pressure(aware, bd(aware, 1)) * 0.3;
			int k = (this.rng.nextDouble() < late) ? 2 + this.rng.nextInt(3) : (this.rng.nextDouble() < 0.55) ? 0 : 1;
			LocalDate referred = bd0(aware, k);
			if (referred.isAfter(CaseHistories.this.asOf)) {
				this.fate = null;
				return;
			}
			this.termination = referred;
			this.reason = "RECALLED";
			writeReferral("RECALL", aware, referred, true, "PROVEN");
		}

		/** A recall considered and referred, but not taken: the licence goes on. */
		private void recallNotTaken() {
			LocalDate asOf = CaseHistories.this.asOf;
			LocalDate aware = between(start().plusDays(20), (this.termination != null) ? this.termination : asOf);
			if (aware == null) {
				return;
			}
			LocalDate referred = bd0(aware, (this.rng.nextDouble() < 0.5) ? 0 : 1);
			if (referred.isAfter(asOf) || (this.termination != null && referred.isAfter(this.termination))) {
				return;
			}
			String outcome = referred.isAfter(asOf.minusDays(14)) ? "PENDING"
					: (this.rng.nextDouble() < 0.6) ? "NOT_PROVEN" : "WITHDRAWN";
			writeReferral("RECALL", aware, referred, true, outcome);
		}

		private void supervision() {
			LocalDate asOf = CaseHistories.this.asOf;
			LocalDate start = start();
			// The first appointment: arranged on allocation (before release for a
			// licence)
			int k;
			boolean community = CO.equals(this.type) || SSO.equals(this.type);
			if (community) {
				double late = INITIAL_LATE * this.risk + pressure(start, bd(start, 5)) * Math.min(2, this.risk);
				if ("BLACK".equals(this.ethnicity)) {
					late += this.team.ldu.parentCode().equals(CaseHistories.this.estate.ldus.get(0).parentCode())
							? INITIAL_LATE_DISPARITY : INITIAL_LATE_DISPARITY_ELSEWHERE;
				}
				if (this.rng.nextDouble() < late) {
					k = 6 + this.rng.nextInt(6);
				}
				else {
					k = pickInt(new int[] { 0, 1, 2, 3, 4, 5 }, new double[] { 0.08, 0.27, 0.25, 0.2, 0.12, 0.08 });
				}
			}
			else {
				// most people report on the day of release
				double late = INITIAL_LATE * 0.4 * this.risk + pressure(start, bd(start, 1)) * 0.25;
				k = (this.rng.nextDouble() < late) ? 2 + this.rng.nextInt(3) : (this.rng.nextDouble() < 0.8) ? 0 : 1;
			}
			LocalDate day = bd0(start, k);
			LocalDate arranged = this.allocation;
			String contactType = "INITIAL_APPOINTMENT";
			boolean faceToFace = this.rng.nextDouble() >= INITIAL_NOT_FACE_TO_FACE * this.risk;
			int breachCount = 0;
			LocalDate lastBreach = null;
			LocalDate deteriorates = (this.fate != null
					&& ("REVOKED_BREACH".equals(this.fate) || "RECALLED".equals(this.fate)))
							? this.fateDate.minusDays(75) : null;
			while (true) {
				LocalDate limit = (this.termination != null) ? this.termination : asOf;
				if (day.isAfter(limit)) {
					if (this.termination == null) {
						// the next appointment, booked but not yet happened
						writeContact(null, this.staff, contactType, faceToFace, true, arranged, day, slot(),
								NOT_RECORDED);
					}
					break;
				}
				boolean deteriorating = deteriorates != null && !day.isBefore(deteriorates);
				String outcome = outcome(deteriorating ? 0.5 : this.compliance.unacceptable);
				if (RESCHEDULED.equals(outcome) && "INITIAL_APPOINTMENT".equals(contactType)
						&& this.rng.nextDouble() < 0.7) {
					// a first appointment is rarely moved
					outcome = ATTENDED;
				}
				boolean nationalStandard = this.rng.nextDouble() >= 0.02;
				writeContact(null, this.staff, contactType, faceToFace, nationalStandard, arranged, day, slot(),
						outcome);
				LocalDate next;
				if (UNACCEPTABLE.equals(outcome) && !LICENCE.equals(this.type)) {
					breachCount++;
					if (breachCount >= 2 && (lastBreach == null || day.isAfter(lastBreach.plusDays(60)))) {
						breachCount = 0;
						lastBreach = day;
						breach(day);
					}
				}
				if (!attended(outcome)) {
					// rearranged within a few working days
					next = bd(day, 1 + this.rng.nextInt(4));
				}
				else {
					long weeks = ChronoUnit.DAYS.between(start, day) / 7;
					int interval = (weeks < 12) ? 6 + this.rng.nextInt(3)
							: (weeks < 26) ? 12 + this.rng.nextInt(5) : 14 + this.rng.nextInt(15);
					if (this.rng.nextDouble() < SUPERVISION_GAP * this.risk) {
						interval += 15 + this.rng.nextInt(26);
					}
					next = openDay(day.plusDays(interval));
					if (this.rng.nextDouble() < 0.1) {
						// a telephone check-in between appointments
						LocalDate call = bd(day, 1 + this.rng.nextInt(3));
						if (call.isBefore(next) && !call.isAfter(limit)) {
							writeContact(null, this.staff, "OTHER", false, false, day, call, slot(), ATTENDED);
						}
					}
				}
				arranged = day;
				day = next;
				double t = this.rng.nextDouble();
				contactType = (t < 0.93) ? "SUPERVISION" : "HOME_VISIT";
				faceToFace = "HOME_VISIT".equals(contactType) || this.rng.nextDouble() >= 0.08;
			}
			// Only supervision leads to revocation: the event row is written next.
			this.awaitingBreach = false;
		}

		private void custodyContacts() {
			LocalDate day = bd(this.allocation, 5 + this.rng.nextInt(20));
			LocalDate arranged = this.allocation;
			while (!day.isAfter(CaseHistories.this.asOf)
					&& (this.termination == null || !day.isAfter(this.termination))) {
				writeContact(null, this.staff, "OTHER", false, false, arranged, day, slot(), ATTENDED);
				arranged = day;
				day = openDay(day.plusDays(30 + this.rng.nextInt(40)));
			}
		}

		/** A breach referral after unacceptable absences on an order or PSS. */
		private void breach(LocalDate aware) {
			double late = BREACH_LATE * this.risk + pressure(aware, bd(aware, 8)) * 0.6;
			int k = (this.rng.nextDouble() < late) ? 9 + this.rng.nextInt(10)
					: pickInt(new int[] { 1, 2, 3, 4, 5, 6, 7, 8 },
							new double[] { 0.08, 0.14, 0.18, 0.18, 0.16, 0.12, 0.08, 0.06 });
			LocalDate referred = bd(aware, k);
			LocalDate asOf = CaseHistories.this.asOf;
			if (referred.isAfter(asOf)) {
				return;
			}
			boolean usable = this.rng.nextDouble() >= BREACH_NOT_USABLE * this.risk;
			String outcome;
			if (this.awaitingBreach) {
				// the breach that ends in revocation
				this.awaitingBreach = false;
				LocalDate revoked = referred.plusDays(14 + this.rng.nextInt(29));
				if (!revoked.isAfter(asOf)) {
					this.termination = revoked;
					this.reason = "REVOKED_BREACH";
					outcome = "PROVEN";
				}
				else {
					outcome = "PENDING";
				}
			}
			else if (referred.isAfter(asOf.minusDays(28))) {
				outcome = "PENDING";
			}
			else {
				outcome = pick(this.rng, new String[] { "PROVEN", "WITHDRAWN", "NOT_PROVEN" },
						new double[] { 0.6, 0.25, 0.15 });
			}
			writeReferral("BREACH", aware, referred, usable, outcome);
		}

		private void requirements() {
			boolean co = CO.equals(this.type);
			boolean upw = this.rng.nextDouble() < (co ? 0.5 : 0.45);
			boolean rar = this.rng.nextDouble() < (co ? 0.55 : 0.5);
			long months = ChronoUnit.MONTHS.between(this.sentence, this.expectedEnd);
			boolean programme = months >= 12 && this.rng.nextDouble() < 0.15;
			boolean other = this.rng.nextDouble() < 0.1;
			if (!upw && !rar && !programme && !other) {
				rar = true;
			}
			int r = 0;
			if (upw) {
				unpaidWork(this.id + "-R" + (++r));
			}
			if (rar) {
				rehabilitationActivity(this.id + "-R" + (++r));
			}
			if (programme) {
				programme(this.id + "-R" + (++r));
			}
			if (other) {
				int days = 60 + this.rng.nextInt(121);
				LocalDate end = this.allocation.plusDays(days);
				endRequirement(this.id + "-R" + (++r), "OTHER", days, end);
			}
		}

		private void unpaidWork(String requirementId) {
			int hours = pickInt(new int[] { 40, 60, 80, 100, 120, 150, 200, 250, 300 },
					new double[] { 0.08, 0.14, 0.18, 0.16, 0.14, 0.12, 0.1, 0.05, 0.03 });
			double late = UNPAID_WORK_LATE * this.risk;
			int k = (this.rng.nextDouble() < late) ? 8 + this.rng.nextInt(13) : pickInt(
					new int[] { 1, 2, 3, 4, 5, 6, 7 }, new double[] { 0.05, 0.12, 0.18, 0.2, 0.18, 0.15, 0.12 });
			// Unpaid work projects close between Christmas and New Year.
			LocalDate day = unpaidWorkDay(bd(this.allocation, k));
			int perWeek = (hours > 150 || this.rng.nextDouble() < 0.2) ? 2 : 1;
			if (this.team.weak && this.rng.nextDouble() < 0.3) {
				perWeek = 1;
			}
			Estate.Staff supervisor = this.team.unpaidWorkSupervisor;
			LocalDate arranged = this.allocation;
			int done = 0;
			LocalDate completed = null;
			int breachCount = 0;
			LocalDate limit = (this.termination != null) ? this.termination : CaseHistories.this.asOf;
			while (true) {
				if (day.isAfter(limit)) {
					if (this.termination == null) {
						writeContact(requirementId, supervisor, "UNPAID_WORK_SESSION", true, true, arranged, day, 510,
								NOT_RECORDED);
					}
					break;
				}
				String outcome = outcome(this.compliance.unacceptable);
				writeContact(requirementId, supervisor, "UNPAID_WORK_SESSION", true, true, arranged, day, 510, outcome);
				if (attended(outcome)) {
					done += 7;
					if (done >= hours) {
						completed = day;
						break;
					}
				}
				else if (UNACCEPTABLE.equals(outcome) && ++breachCount == 3) {
					breachCount = 0;
					breach(day);
				}
				arranged = day;
				int gap = (perWeek == 2) ? 3 + this.rng.nextInt(2) : 7;
				if (this.rng.nextDouble() < 0.1 * this.team.risk) {
					// no place on a project this week
					gap += 7;
				}
				day = unpaidWorkDay(day.plusDays(gap));
			}
			if (completed != null) {
				writeRequirement(requirementId, "UNPAID_WORK", hours, completed, "COMPLETED");
			}
			else {
				endRequirement(requirementId, "UNPAID_WORK", hours, null);
			}
		}

		private void rehabilitationActivity(String requirementId) {
			int days = pickInt(new int[] { 5, 10, 15, 20, 25, 30, 40, 60 },
					new double[] { 0.08, 0.2, 0.2, 0.2, 0.1, 0.12, 0.06, 0.04 });
			// Activity days run alongside supervision, about one a fortnight.
			LocalDate day = bd(this.allocation, 5 + this.rng.nextInt(10));
			LocalDate arranged = this.allocation;
			int done = 0;
			LocalDate limit = (this.termination != null) ? this.termination : CaseHistories.this.asOf;
			while (true) {
				if (day.isAfter(limit)) {
					if (this.termination == null) {
						writeContact(requirementId, this.staff, "OTHER", true, true, arranged, day, slot(),
								NOT_RECORDED);
					}
					endRequirement(requirementId, "REHABILITATION_ACTIVITY", days, null);
					return;
				}
				String outcome = outcome(this.compliance.unacceptable);
				writeContact(requirementId, this.staff, "OTHER", true, true, arranged, day, slot(), outcome);
				if (attended(outcome) && ++done >= days) {
					writeRequirement(requirementId, "REHABILITATION_ACTIVITY", days, day, "COMPLETED");
					return;
				}
				arranged = day;
				day = openDay(day.plusDays(10 + this.rng.nextInt(15)));
			}
		}

		private void programme(String requirementId) {
			int sessions = pickInt(new int[] { 19, 24, 26, 31 }, new double[] { 0.35, 0.25, 0.2, 0.2 });
			double fail = PROGRAMME_FAILURE * (this.team.weak ? 1.6 : 1.0) * (this.compliance == CHAOTIC ? 2 : 1);
			int failAt = (this.rng.nextDouble() < fail) ? 3 + this.rng.nextInt(sessions - 4) : -1;
			boolean neutral = this.rng.nextDouble() < 0.03;
			int neutralAt = 2 + this.rng.nextInt(sessions - 3);
			// a waiting list before the next programme starts
			LocalDate day = openDay(this.allocation.plusDays(20 + this.rng.nextInt(50)));
			LocalDate arranged = this.allocation;
			Estate.Staff facilitator = this.team.programmeFacilitator;
			int minute = pickInt(new int[] { 600, 840, 1080 }, new double[] { 0.4, 0.4, 0.2 });
			LocalDate limit = (this.termination != null) ? this.termination : CaseHistories.this.asOf;
			int done = 0;
			int held = 0;
			while (true) {
				if (day.isAfter(limit)) {
					if (this.termination == null) {
						writeContact(requirementId, facilitator, "PROGRAMME_SESSION", true, true, arranged, day, minute,
								NOT_RECORDED);
					}
					endRequirement(requirementId, "ACCREDITED_PROGRAMME", sessions, null);
					return;
				}
				String outcome = outcome(this.compliance.unacceptable);
				writeContact(requirementId, facilitator, "PROGRAMME_SESSION", true, true, arranged, day, minute,
						outcome);
				held++;
				if (attended(outcome) && ++done >= sessions) {
					writeRequirement(requirementId, "ACCREDITED_PROGRAMME", sessions, day, "COMPLETED");
					return;
				}
				if (held == failAt) {
					writeRequirement(requirementId, "ACCREDITED_PROGRAMME", sessions, day,
							(this.rng.nextDouble() < 0.7) ? "REVOKED_BREACH" : "REVOKED_FURTHER_OFFENCE");
					return;
				}
				if (neutral && held == neutralAt) {
					writeRequirement(requirementId, "ACCREDITED_PROGRAMME", sessions, day,
							(this.rng.nextDouble() < 0.7) ? "TRANSFERRED_OUT" : "OTHER_NEUTRAL");
					return;
				}
				arranged = day;
				day = openDay(day.plusDays(7));
			}
		}

		/**
		 * A requirement that ends on {@code due} if the event runs that long, with the
		 * event's own ending otherwise, and is still running at the as-of date if neither
		 * has come.
		 */
		private void endRequirement(String requirementId, String requirementType, int length, LocalDate due) {
			LocalDate asOf = CaseHistories.this.asOf;
			if (due != null && !due.isAfter(asOf) && (this.termination == null || due.isBefore(this.termination))) {
				writeRequirement(requirementId, requirementType, length, due, "COMPLETED");
			}
			else if (this.termination != null) {
				writeRequirement(requirementId, requirementType, length, this.termination, this.reason);
			}
			else {
				writeRequirement(requirementId, requirementType, length, null, null);
			}
		}

		private void sentencePlan() {
			LocalDate completed = null;
			if (this.firstAttended != null) {
				double late = CaseHistories.this.planChange.covers(this.team.code, bd(this.firstAttended, 15))
						? SentencePlanChange.LATE_AFTER : SENTENCE_PLAN_LATE * this.risk;
				int k = (this.rng.nextDouble() < late) ? 16 + this.rng.nextInt(15) : 2 + this.rng.nextInt(14);
				completed = bd(this.firstAttended, k);
				if (this.rng.nextDouble() < 0.005) {
					completed = null;
				}
			}
			if (completed != null && completed.isAfter(CaseHistories.this.asOf)) {
				completed = null;
			}
			if (completed == null && this.firstAttended == null && this.rng.nextDouble() < 0.5) {
				return;
			}
			writePlan(this.id + "-SP", "SENTENCE_PLAN", completed);
		}

		private void resettlementPlan() {
			int k = (this.rng.nextDouble() < RESETTLEMENT_PLAN_LATE * this.risk) ? 11 + this.rng.nextInt(20)
					: 2 + this.rng.nextInt(9);
			LocalDate completed = bd(this.sentence, k);
			if (completed.isAfter(CaseHistories.this.asOf)) {
				completed = null;
			}
			writePlan(this.id + "-RP", "RESETTLEMENT_PLAN", completed);
		}

		private void accommodation() {
			if (this.rng.nextDouble() < 0.03) {
				return;
			}
			double nfa = NO_FIXED_ABODE * (this.team.weak ? 1.5 : 1.0);
			double x = this.rng.nextDouble();
			String status = (x < 0.03) ? "UNKNOWN"
					: (x < 0.03 + nfa) ? "NO_FIXED_ABODE" : (x < 0.03 + nfa + 0.26) ? "TEMPORARY" : "SETTLED";
			CaseHistories.this.accommodation.add(this.id).add(status).end();
		}

		private void writeEvent() {
			CaseHistories.this.events.add(this.id)
				.add(this.crn)
				.add(this.type)
				.add(this.sentence)
				.add(this.allocation)
				.add(this.release)
				.add(this.expectedEnd)
				.add(this.termination)
				.add(this.reason)
				.add(this.staff.code)
				.add(this.team.code)
				.end();
		}

		private void writeRequirement(String requirementId, String requirementType, int length, LocalDate ended,
				String endReason) {
			CaseHistories.this.requirements.add(requirementId)
				.add(this.id)
				.add(requirementType)
				.add(length)
				.add(this.allocation)
				.add(ended)
				.add(endReason)
				.end();
		}

		private void writeContact(String requirementId, Estate.Staff by, String contactType, boolean faceToFace,
				boolean nationalStandard, LocalDate arrangedOn, LocalDate day, int minute, String outcome) {
			if (faceToFace && attended(outcome) && (this.firstAttended == null || day.isBefore(this.firstAttended))) {
				this.firstAttended = day;
			}
			CaseHistories.this.contacts.add(this.id + "-" + (++this.contactSeq))
				.add(this.crn)
				.add(this.id)
				.add(requirementId)
				.add(by.code)
				.add(contactType)
				.add(faceToFace)
				.add(nationalStandard)
				.add(arrangedOn.isAfter(day) ? day : arrangedOn)
				.addDateTime(day, minute)
				.add(outcome)
				.end();
		}

		private void writePlan(String planId, String planType, LocalDate completed) {
			CaseHistories.this.plans.add(planId)
				.add(this.id)
				.add(planType)
				.add(completed)
				.add(completed == null || this.rng.nextDouble() < 0.93)
				.end();
		}

		private void writeReferral(String referralType, LocalDate aware, LocalDate referred, boolean usable,
				String outcome) {
			CaseHistories.this.referrals
				.add(this.id + "-" + (("BREACH".equals(referralType)) ? "B" : "RC") + (++this.referralSeq))
				.add(this.id)
				.add(referralType)
				.add(aware)
				.add(referred)
				.add(usable)
				.add(outcome)
				.end();
		}

		private String outcome(double unacceptable) {
			double x = this.rng.nextDouble();
			if (x < unacceptable) {
				return UNACCEPTABLE;
			}
			x -= unacceptable;
			if (x < this.compliance.acceptable) {
				return ACCEPTABLE;
			}
			x -= this.compliance.acceptable;
			if (x < this.compliance.rescheduled) {
				return RESCHEDULED;
			}
			return (this.rng.nextDouble() < 0.03) ? FAILED_TO_COMPLY : ATTENDED;
		}

		private int slot() {
			return 540 + 30 * this.rng.nextInt(16);
		}

		private int pickInt(int[] values, double[] weights) {
			return CaseHistories.pickInt(this.rng, values, weights);
		}

		private LocalDate between(LocalDate from, LocalDate to) {
			long days = ChronoUnit.DAYS.between(from, to);
			if (days < 0) {
				return null;
			}
			return from.plusDays(this.rng.nextLong(days + 1));
		}

		/**
		 * An appointment day: a business day, rarely one between Christmas and New Year.
		 */
		private LocalDate openDay(LocalDate day) {
			LocalDate d = day;
			while (!CaseHistories.this.calendar.isBusinessDay(d) || (christmas(d) && this.rng.nextDouble() < 0.7)) {
				d = d.plusDays(1);
			}
			return d;
		}

		private LocalDate unpaidWorkDay(LocalDate day) {
			LocalDate d = day;
			while (!CaseHistories.this.calendar.isBusinessDay(d) || christmas(d)) {
				d = d.plusDays(1);
			}
			return d;
		}

	}

	private static boolean attended(String outcome) {
		return ATTENDED.equals(outcome) || FAILED_TO_COMPLY.equals(outcome);
	}

	/**
	 * Between Christmas Eve and New Year's Day offices and projects run a reduced
	 * service.
	 */
	static boolean christmas(LocalDate day) {
		return (day.getMonth() == Month.DECEMBER && day.getDayOfMonth() >= 24)
				|| (day.getMonth() == Month.JANUARY && day.getDayOfMonth() == 1);
	}

	/**
	 * Extra chance of being late when the deadline window holds a bank holiday (staff
	 * leave, cover arrangements) and more at Christmas.
	 */
	private double pressure(LocalDate from, LocalDate to) {
		double pressure = 0;
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			if (christmas(d) || (d.getMonth() == Month.DECEMBER && d.getDayOfMonth() >= 20)) {
				return CHRISTMAS_PRESSURE;
			}
			if (d.getDayOfWeek().getValue() < 6 && !this.calendar.isBusinessDay(d)) {
				pressure = BANK_HOLIDAY_PRESSURE;
			}
		}
		return pressure;
	}

	private LocalDate bd(LocalDate day, int n) {
		return this.calendar.businessDayAfter(day, n);
	}

	/** BD(d, n), with BD(d, 0) the day itself. */
	private LocalDate bd0(LocalDate day, int n) {
		return (n == 0) ? day : bd(day, n);
	}

	private LocalDate previousBusinessDay(LocalDate day) {
		LocalDate d = day;
		while (!this.calendar.isBusinessDay(d)) {
			d = d.minusDays(1);
		}
		return d;
	}

	static String pick(SplittableRandom rng, String[] values, double[] weights) {
		double x = rng.nextDouble();
		double total = 0;
		for (double w : weights) {
			total += w;
		}
		x *= total;
		for (int i = 0; i < values.length - 1; i++) {
			if (x < weights[i]) {
				return values[i];
			}
			x -= weights[i];
		}
		return values[values.length - 1];
	}

	static int pickInt(SplittableRandom rng, int[] values, double[] weights) {
		double x = rng.nextDouble();
		double total = 0;
		for (double w : weights) {
			total += w;
		}
		x *= total;
		for (int i = 0; i < values.length - 1; i++) {
			if (x < weights[i]) {
				return values[i];
			}
			x -= weights[i];
		}
		return values[values.length - 1];
	}

	/**
	 * A well-mixed seed per person, so that each history is independent of the others.
	 */
	private static long mix(long seed, long index) {
		long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	@Override
	public void close() {
		this.people.close();
		this.events.close();
		this.requirements.close();
		this.contacts.close();
		this.plans.close();
		this.referrals.close();
		this.accommodation.close();
	}

}
