package org.probity;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.probity.accounts.Accounts;
import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.audits.Answer;
import org.probity.audits.AuditProgrammes;
import org.probity.audits.CaseAudits;
import org.probity.audits.Inspections;
import org.probity.audits.PopulationFilter;
import org.probity.audits.ProgrammeKind;
import org.probity.audits.ProgrammeRequest;
import org.probity.audits.Recurrence;
import org.probity.measures.MeasureRecomputation;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.testing.CaseData;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The provider of the data-scope test (codes DST..., CRNs V97....): two LDUs with two
 * teams each, a practitioner or two per team, people in every team, restricted people in
 * every team (one held by the practitioner account), one person with events in teams of
 * both LDUs, cases held by a team 1.1 practitioner in other teams, measures recomputed,
 * completed audits with alerts in two teams, a programme and an inspection per LDU; and
 * one account per role.
 * <p>
 * It also states, independently of Probity's code, what each account may see: the rules
 * of issue 10 point 1, worked out on this small estate.
 */
final class ScopeFixture {

	static final String PASSWORD = "dst-password-for-tests";

	static final String PROVIDER = "DSTP";

	static final String REGION = "DSTR";

	static final String LDU1 = "DSTL1";

	static final String LDU2 = "DSTL2";

	static final String T11 = "DSTT11";

	static final String T12 = "DSTT12";

	static final String T21 = "DSTT21";

	static final String T22 = "DSTT22";

	/** The practitioner account's staff code (team 1.1). */
	static final String PRACTITIONER = "DST1101";

	static final String COLLEAGUE = "DST1102";

	/** The line manager account's staff code: an SPO of team 1.1 who holds no cases. */
	static final String MANAGER = "DST1190";

	static final String S12 = "DST1201";

	static final String S21 = "DST2101";

	static final String S22 = "DST2201";

	static final List<String> UNITS = List.of(PROVIDER, REGION, LDU1, LDU2, T11, T12, T21, T22);

	static final Map<String, String> STAFF_TEAMS = Map.of(PRACTITIONER, T11, COLLEAGUE, T11, MANAGER, T11, S12, T12,
			S21, T21, S22, T22);

	static final List<String> STAFF = List.of(PRACTITIONER, COLLEAGUE, MANAGER, S12, S21, S22);

	/** Surname of every person who is not restricted: searched for by name. */
	static final String SURNAME = "Dstperson";

	static final String ALERT_REASON = "DST concern: safeguarding information not followed up";

	/** Who looks: one account per role. */
	enum Viewer {

		QUALITY("dst-quality", Role.QUALITY_TEAM, null, null), ADMIN("dst-admin", Role.ADMIN, null, null),
		SENIOR_MANAGER("dst-senior", Role.SENIOR_MANAGER, null, LDU1),
		LINE_MANAGER("dst-manager", Role.LINE_MANAGER, ScopeFixture.MANAGER, T11),
		PRACTITIONER("dst-practitioner", Role.PRACTITIONER, ScopeFixture.PRACTITIONER, T11),
		API_CLIENT("dst-api", Role.API_CLIENT, null, null);

		final String username;

		final Role role;

		final String staffCode;

		final String unitCode;

		Viewer(String username, Role role, String staffCode, String unitCode) {
			this.username = username;
			this.role = role;
			this.staffCode = staffCode;
			this.unitCode = unitCode;
		}

		/** Sees every unit and every staff member of the provider. */
		boolean seesEverything() {
			return this == QUALITY || this == ADMIN || this == API_CLIENT;
		}

	}

	record Holding(String eventId, String team, String staff) {
	}

	/**
	 * A person on probation of the fixture; a restricted one has a name and a date of
	 * birth of its own, searched for in every response.
	 */
	record Person(String crn, String forename, String surname, LocalDate dateOfBirth, boolean restricted,
			List<Holding> events) {

		boolean heldIn(Set<String> teams) {
			return this.events.stream().anyMatch((e) -> teams.contains(e.team()));
		}

		boolean heldBy(String staff) {
			return this.events.stream().anyMatch((e) -> e.staff().equals(staff));
		}

	}

	final YearMonth month;

	final LocalDate today;

	final Map<String, Person> people = new LinkedHashMap<>();

	final List<Long> auditIds = new ArrayList<>();

	final List<Long> alertAuditIds = new ArrayList<>();

	final List<Long> programmeIds = new ArrayList<>();

	final List<Long> sampleIds = new ArrayList<>();

	/** Inspection id to its unit. */
	final Map<Long, String> inspections = new LinkedHashMap<>();

	/** Inspection id to its name, searched for in responses. */
	final Map<Long, String> inspectionNames = new LinkedHashMap<>();

	/** Programme id to the unit its population is drawn from. */
	final Map<Long, String> programmeUnits = new LinkedHashMap<>();

	private final CaseData data;

	private int nextEvent;

	private int nextContact;

	ScopeFixture(JdbcClient jdbc) {
		this.data = new CaseData(jdbc);
		this.today = LocalDate.now(ZoneId.of("Europe/London"));
		this.month = YearMonth.from(this.today).minusMonths(1);
	}

	String quarter() {
		return this.month.getYear() + "-Q" + ((this.month.getMonthValue() - 1) / 3 + 1);
	}

	ScopeFixture estate() {
		this.data.aProvider(PROVIDER).named("DST Provider").insert();
		this.data.aRegion(REGION).named("DST Region").under(PROVIDER).insert();
		this.data.anLdu(LDU1).named("DST LDU One").under(REGION).insert();
		this.data.anLdu(LDU2).named("DST LDU Two").under(REGION).insert();
		this.data.aTeam(T11).named("DST Team One One").under(LDU1).insert();
		this.data.aTeam(T12).named("DST Team One Two").under(LDU1).insert();
		this.data.aTeam(T21).named("DST Team Two One").under(LDU2).insert();
		this.data.aTeam(T22).named("DST Team Two Two").under(LDU2).insert();
		// accounts linked as the demo's are: the line manager to an SPO and the team, the
		// practitioner to a PO and the team
		STAFF.forEach((code) -> this.data.aStaffMember(code)
			.named("Pat", "Dstofficer" + code.substring(3))
			.graded(code.equals(MANAGER) ? "SPO" : "PO")
			.inTeam(STAFF_TEAMS.get(code))
			.insert());
		return this;
	}

	ScopeFixture people() {
		person(1, false, PRACTITIONER);
		person(2, false, PRACTITIONER);
		person(3, false, COLLEAGUE);
		person(4, false, S12);
		person(5, false, S21);
		person(6, false, S22);
		person(7, true, PRACTITIONER);
		person(8, true, COLLEAGUE);
		person(9, true, S12);
		person(10, true, S21);
		person(11, true, S22);
		// events in teams of both LDUs
		person(12, false, COLLEAGUE, S21);
		// held by the team 1.1 practitioner in another team of the LDU, and in the other
		// LDU
		add(13, false, List.<String[]>of(new String[] { T12, PRACTITIONER }));
		add(14, false, List.<String[]>of(new String[] { T21, PRACTITIONER }));
		person(15, false, S21);
		return this;
	}

	private void person(int n, boolean restricted, String... staff) {
		List<String[]> holdings = new ArrayList<>();
		for (String s : staff) {
			holdings.add(new String[] { STAFF_TEAMS.get(s), s });
		}
		add(n, restricted, holdings);
	}

	private void add(int n, boolean restricted, List<String[]> holdings) {
		String crn = String.format("V97%04d", n);
		String letter = String.valueOf((char) ('A' + n - 1));
		String forename = restricted ? "Hidden" : "Alex";
		String surname = restricted ? "Dstsecret" + letter : SURNAME;
		LocalDate born = restricted ? LocalDate.of(1920 + n, n, n + 3) : LocalDate.of(1990, 1, 1);
		this.data.aPerson(crn).named(forename, surname).bornOn(born).restricted(restricted).insert();
		List<Holding> events = new ArrayList<>();
		// on the first day, so that monthly contact counts the whole month
		LocalDate allocated = this.month.atDay(1);
		for (String[] h : holdings) {
			String eventId = String.format("DSTE%03d", ++this.nextEvent);
			this.data.aCommunityOrder(eventId).forPerson(crn).sentencedOn(allocated).heldBy(h[1]).inTeam(h[0]).insert();
			// offered and attended in time for most, late for every third event
			int days = (this.nextEvent % 3 == 0) ? 11 : 3;
			this.data.aContact(String.format("DSTC%04d", ++this.nextContact))
				.of(crn, eventId)
				.by(h[1])
				.at(allocated.plusDays(days).atTime(10, 0))
				.insert();
			this.data.aContact(String.format("DSTC%04d", ++this.nextContact))
				.of(crn, eventId)
				.by(h[1])
				.ofType("SUPERVISION")
				.at(allocated.plusDays(days + 7).atTime(11, 0))
				.insert();
			events.add(new Holding(eventId, h[0], h[1]));
		}
		this.people.put(crn, new Person(crn, forename, surname, born, restricted, List.copyOf(events)));
	}

	ScopeFixture accounts(Accounts accounts) {
		for (Viewer v : Viewer.values()) {
			accounts.createOrReset(v.username, "DST " + v.name().toLowerCase(java.util.Locale.ROOT), v.role,
					(v.staffCode != null) ? new StaffCode(v.staffCode) : null,
					(v.unitCode != null) ? new UnitCode(v.unitCode) : null, PASSWORD);
		}
		return this;
	}

	ScopeFixture measures(MeasureRecomputation recomputation) {
		recomputation.recomputeAll();
		return this;
	}

	/**
	 * Completed audits with an alert on a colleague's case in team 1.1, on the
	 * practitioner's own case and on a case of team 2.1; one of a restricted case without
	 * an alert; a programme over the provider; an inspection of each LDU.
	 */
	ScopeFixture audits(Accounts accounts, CaseAudits audits, AuditProgrammes programmes, Inspections inspections) {
		CurrentUser quality = accounts.userFor(Viewer.QUALITY.username).orElseThrow();
		for (String crn : List.of("V970003", "V970001", "V970015")) {
			long id = audits.recordCompleted("CASE_SUPERVISION", eventOf(crn), null, answers(true), quality).auditId();
			this.auditIds.add(id);
			this.alertAuditIds.add(id);
		}
		this.auditIds.add(audits.recordCompleted("CASE_SUPERVISION", eventOf("V970008"), null, answers(false), quality)
			.auditId());
		AuditProgrammes.Programme programme = programmes.create(
				new ProgrammeRequest("DST thematic audit", ProgrammeKind.THEMATIC, "CASE_SUPERVISION",
						new PopulationFilter(PROVIDER, List.of(), null, null, null, null, null), 4, null, null, false,
						Recurrence.NONE, YearMonth.from(this.today), null, List.of(Viewer.QUALITY.username), 97L),
				Viewer.QUALITY.username);
		this.programmeIds.add(programme.programmeId());
		this.programmeUnits.put(programme.programmeId(), PROVIDER);
		programmes.audits(programme.programmeId()).forEach((a) -> this.auditIds.add(a.auditId()));
		AuditProgrammes.Draw draw = programmes.drawNow(programme.programmeId(), 3, false, 9797L,
				this.today.plusDays(14), Viewer.QUALITY.username);
		this.sampleIds.add(draw.sampleId());
		programmes.audits(programme.programmeId())
			.stream()
			.map(AuditProgrammes.PlannedAudit::auditId)
			.filter((id) -> !this.auditIds.contains(id))
			.forEach(this.auditIds::add);
		for (String unit : List.of(LDU1, LDU2)) {
			String name = "DST inspection of " + unit;
			long id = inspections.create(name, unit, this.month.atDay(1), this.month.atEndOfMonth(), Map.of(),
					Viewer.QUALITY.username);
			this.inspections.put(id, unit);
			this.inspectionNames.put(id, name);
		}
		return this;
	}

	private String eventOf(String crn) {
		return this.people.get(crn).events().get(0).eventId();
	}

	private static CaseAudits.AuditInput answers(boolean alert) {
		List<CaseAudits.AnswerInput> answers = new ArrayList<>();
		for (String s : List.of("2.1", "2.2", "2.3", "2.4")) {
			for (int q = 1; q <= 3; q++) {
				answers.add(new CaseAudits.AnswerInput(s + "." + q, (q == 3) ? Answer.NO : Answer.YES, ""));
			}
		}
		return new CaseAudits.AuditInput(0, answers, List.of("2.1.3.a"), alert, alert ? ALERT_REASON : null, "");
	}

	// What each viewer may see (issue 10, point 1)

	Set<String> teamsOf(Viewer viewer) {
		return switch (viewer) {
			case QUALITY, ADMIN, API_CLIENT -> Set.of(T11, T12, T21, T22);
			case SENIOR_MANAGER -> Set.of(T11, T12);
			case LINE_MANAGER -> Set.of(T11);
			case PRACTITIONER -> Set.of();
		};
	}

	/** The units whose figures, ratings, reports and estate pages the viewer may see. */
	Set<String> unitsOf(Viewer viewer) {
		return switch (viewer) {
			case QUALITY, ADMIN, API_CLIENT -> Set.copyOf(UNITS);
			case SENIOR_MANAGER -> Set.of(LDU1, T11, T12);
			case LINE_MANAGER -> Set.of(T11);
			case PRACTITIONER -> Set.of();
		};
	}

	/** The staff whose figures the viewer may see. */
	Set<String> staffOf(Viewer viewer) {
		if (viewer == Viewer.PRACTITIONER) {
			return Set.of(PRACTITIONER);
		}
		Set<String> teams = teamsOf(viewer);
		return STAFF.stream().filter((s) -> teams.contains(STAFF_TEAMS.get(s))).collect(Collectors.toSet());
	}

	/** Whether the case is in the viewer's scope (they may know it exists). */
	boolean inScope(Viewer viewer, Person person) {
		return switch (viewer) {
			case QUALITY, ADMIN, API_CLIENT -> true;
			case SENIOR_MANAGER, LINE_MANAGER -> person.heldIn(teamsOf(viewer));
			case PRACTITIONER -> person.heldBy(PRACTITIONER);
		};
	}

	/**
	 * Whether the viewer may open the case: in scope and, when restricted, the quality
	 * team or staff on the case (no account of the fixture but the practitioner holds
	 * cases).
	 */
	boolean mayOpen(Viewer viewer, Person person) {
		if (!inScope(viewer, person)) {
			return false;
		}
		if (!person.restricted()) {
			return true;
		}
		return viewer == Viewer.QUALITY || (viewer.staffCode != null && person.heldBy(viewer.staffCode));
	}

	List<String> crns() {
		return List.copyOf(this.people.keySet());
	}

	List<Person> restrictedPeople() {
		return this.people.values().stream().filter(Person::restricted).toList();
	}

}
