package org.probity.testing;

import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.probity.imports.Dataset;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one case-data fixture of the tests: builders of valid estate and case rows, named
 * by what they build
 * ({@code caseData.aCommunityOrder("E1").forPerson(crn).allocatedOn(date)
 * .heldBy(staff).inTeam(team).insert()}). Every column starts from the sample row of the
 * exchange format ({@link #DEFAULTS}), so a test states only what matters to it; the same
 * rows render as exchange-format CSV for the import tests ({@link #csv(Dataset)}).
 * <p>
 * Rows are written straight into the tables, one insert per row with named columns, all
 * in {@link #insert(Dataset, Map)}: an import per row would record history, take the
 * import lock and recompute measures for every row a test adds. An existing row (same
 * key) is left as it is, so a fixture may be written twice. Each test class uses codes of
 * its own, as all integration tests share one database.
 */
public final class CaseData {

	public static final String COMMUNITY_ORDER = "COMMUNITY_ORDER";

	public static final String SUSPENDED_SENTENCE_ORDER = "SUSPENDED_SENTENCE_ORDER";

	public static final String LICENCE = "LICENCE";

	public static final String POST_SENTENCE_SUPERVISION = "POST_SENTENCE_SUPERVISION";

	public static final String CUSTODY = "CUSTODY";

	record Column(String name, int type, Object sample) {
	}

	/**
	 * The columns of each dataset, in the exchange format's order, with the sample row's
	 * values: the one description of a valid row.
	 */
	static final Map<Dataset, List<Column>> DEFAULTS = new EnumMap<>(Dataset.class);

	static {
		DEFAULTS.put(Dataset.UNITS, List.of(text("unit_code", "T00"), text("unit_name", "Test provider"),
				text("unit_type", "PROVIDER"), text("parent_code", null)));
		DEFAULTS.put(Dataset.STAFF,
				List.of(text("staff_code", "T00S001"), text("forename", "Sam"), text("surname", "Officer"),
						text("grade", "PO"), text("team_code", "T00T1"), date("start_date", "2015-01-05"),
						date("end_date", null)));
		DEFAULTS.put(Dataset.PEOPLE,
				List.of(text("crn", "T000001"), text("forename", "Alex"), text("surname", "Example"),
						date("date_of_birth", "1990-05-17"), text("sex", "FEMALE"),
						yesNo("gender_identity_same_as_birth", true), text("ethnicity", "WHITE"),
						text("religion", "NONE"), text("sexual_orientation", "NOT_RECORDED"),
						yesNo("disability", false), text("marital_status", "SINGLE"), yesNo("restricted", false)));
		DEFAULTS.put(Dataset.EVENTS,
				List.of(text("event_id", "T00E1"), text("crn", "T000001"), text("event_type", COMMUNITY_ORDER),
						date("sentence_date", "2024-01-08"), date("allocation_date", "2024-01-09"),
						date("release_date", null), date("expected_end_date", "2025-01-07"),
						date("termination_date", null), text("termination_reason", null), text("staff_code", "T00S001"),
						text("team_code", "T00T1")));
		DEFAULTS.put(Dataset.REQUIREMENTS, List.of(text("requirement_id", "T00R1"), text("event_id", "T00E1"),
				text("requirement_type", "UNPAID_WORK"), new Column("length", Types.INTEGER, 100),
				date("start_date", "2024-01-15"), date("termination_date", null), text("termination_reason", null)));
		DEFAULTS.put(Dataset.CONTACTS,
				List.of(text("contact_id", "T00C1"), text("crn", "T000001"), text("event_id", "T00E1"),
						text("requirement_id", null), text("staff_code", "T00S001"),
						text("contact_type", "INITIAL_APPOINTMENT"), yesNo("face_to_face", true),
						yesNo("national_standard", true), date("arranged_on", "2024-01-09"),
						new Column("contact_at", Types.TIMESTAMP, LocalDateTime.of(2024, 1, 12, 10, 30)),
						text("outcome", "ATTENDED_COMPLIED")));
		DEFAULTS.put(Dataset.PLANS,
				List.of(text("plan_id", "T00P1"), text("event_id", "T00E1"), text("plan_type", "SENTENCE_PLAN"),
						date("completed_date", "2024-02-01"), yesNo("agreed_with_person", true)));
		DEFAULTS.put(Dataset.REFERRALS,
				List.of(text("referral_id", "T00B1"), text("event_id", "T00E1"), text("referral_type", "BREACH"),
						date("aware_date", "2024-03-01"), date("referred_date", "2024-03-08"),
						yesNo("usable_without_more_information", true), text("outcome", "PENDING")));
		DEFAULTS.put(Dataset.ACCOMMODATION, List.of(text("event_id", "T00E2"), text("status", "SETTLED")));
	}

	private static final Map<Dataset, String> TABLES = Map.of(Dataset.UNITS, "unit", Dataset.STAFF, "staff",
			Dataset.PEOPLE, "person", Dataset.EVENTS, "event", Dataset.REQUIREMENTS, "requirement", Dataset.CONTACTS,
			"contact", Dataset.PLANS, "plan", Dataset.REFERRALS, "referral", Dataset.ACCOMMODATION, "accommodation");

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final JdbcClient jdbc;

	public CaseData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// the estate

	public UnitRow aProvider(String code) {
		return aUnit(code, "PROVIDER");
	}

	public UnitRow aRegion(String code) {
		return aUnit(code, "REGION");
	}

	public UnitRow anLdu(String code) {
		return aUnit(code, "LDU");
	}

	public UnitRow aTeam(String code) {
		return aUnit(code, "TEAM");
	}

	public UnitRow aUnit(String code, String type) {
		return new UnitRow(this).with("unit_code", code).with("unit_type", type);
	}

	public StaffRow aStaffMember(String code) {
		return new StaffRow(this).with("staff_code", code);
	}

	// case data

	public PersonRow aPerson(String crn) {
		return new PersonRow(this).with("crn", crn);
	}

	public EventRow aCommunityOrder(String eventId) {
		return anEvent(eventId, COMMUNITY_ORDER);
	}

	public EventRow aSuspendedSentenceOrder(String eventId) {
		return anEvent(eventId, SUSPENDED_SENTENCE_ORDER);
	}

	public EventRow aLicence(String eventId) {
		return anEvent(eventId, LICENCE);
	}

	public EventRow aPostSentenceSupervision(String eventId) {
		return anEvent(eventId, POST_SENTENCE_SUPERVISION);
	}

	public EventRow aCustodialSentence(String eventId) {
		return anEvent(eventId, CUSTODY);
	}

	public EventRow anEvent(String eventId, String type) {
		return new EventRow(this).with("event_id", eventId).with("event_type", type);
	}

	public RequirementRow aRequirement(String requirementId) {
		return new RequirementRow(this).with("requirement_id", requirementId);
	}

	public ContactRow aContact(String contactId) {
		return new ContactRow(this).with("contact_id", contactId);
	}

	public PlanRow aPlan(String planId) {
		return new PlanRow(this).with("plan_id", planId);
	}

	public ReferralRow aReferral(String referralId) {
		return new ReferralRow(this).with("referral_id", referralId);
	}

	public AccommodationRow accommodationOf(String eventId) {
		return new AccommodationRow(this).with("event_id", eventId);
	}

	/**
	 * A provider of the measure tests, codes from a three-character prefix: provider
	 * {prefix}P, region {prefix}R, LDUs {prefix}L1 and {prefix}L2, teams {prefix}T1 and
	 * {prefix}T2 (under L1) and {prefix}T3 (under L2); practitioners {prefix}S001 (T1),
	 * {prefix}S002 (T1), {prefix}S003 (T3). Its cases get CRNs of the letter and ids of
	 * the prefix.
	 */
	public Estate anEstate(String prefix, char crnLetter) {
		return new Estate(this, prefix, crnLetter).insert();
	}

	/**
	 * A provider {prefix}P with two teams {prefix}T1 and {prefix}T2 and two staff in each
	 * ({@code <prefix>S01}, {@code S02} in team 1, a PO then an SPO; {@code S03},
	 * {@code S04} in team 2), of the audit tests; CRNs from the letter and a block of
	 * numbers.
	 */
	public TwoTeams aProviderWithTwoTeams(String prefix, char crnLetter, int crnBlock) {
		return new TwoTeams(this, prefix, crnLetter, crnBlock).insert();
	}

	/** How many times the access log holds this outcome for the user and case. */
	public int timesLogged(String username, String crn, String outcome) {
		return this.jdbc
			.sql("select count(*) from case_access_log where username = :u and crn = :crn and outcome = :outcome")
			.param("u", username)
			.param("crn", crn)
			.param("outcome", outcome)
			.query(Integer.class)
			.single();
	}

	/** Exchange-format CSV of a dataset, each row from the sample row. */
	public static Csv csv(Dataset dataset) {
		return new Csv(dataset);
	}

	// the one place that writes

	private void insert(Dataset dataset, Map<String, Object> values) {
		List<Column> columns = DEFAULTS.get(dataset);
		String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
		String parameters = columns.stream().map((c) -> ":" + c.name()).collect(Collectors.joining(", "));
		JdbcClient.StatementSpec statement = this.jdbc.sql("insert into " + TABLES.get(dataset) + " (" + names
				+ ") values (" + parameters + ") on conflict do nothing");
		for (Column column : columns) {
			statement = statement.param(column.name(), values.get(column.name()), column.type());
		}
		statement.update();
	}

	private void terminate(Dataset dataset, String key, String id, LocalDate date, String reason) {
		this.jdbc
			.sql("update " + TABLES.get(dataset) + " set termination_date = :date, termination_reason = :reason where "
					+ key + " = :id")
			.param("date", date)
			.param("reason", reason)
			.param("id", id)
			.update();
	}

	private static Column text(String name, String sample) {
		return new Column(name, Types.VARCHAR, sample);
	}

	private static Column date(String name, String sample) {
		return new Column(name, Types.DATE, (sample != null) ? LocalDate.parse(sample) : null);
	}

	private static Column yesNo(String name, Boolean sample) {
		return new Column(name, Types.BOOLEAN, sample);
	}

	/** A row of a dataset: the sample row with the columns a test gives. */
	public abstract static class Row<R extends Row<R>> {

		final CaseData caseData;

		final Dataset dataset;

		final Map<String, Object> values = new LinkedHashMap<>();

		final Set<String> given = new HashSet<>();

		Row(CaseData caseData, Dataset dataset) {
			this.caseData = caseData;
			this.dataset = dataset;
			DEFAULTS.get(dataset).forEach((c) -> this.values.put(c.name(), c.sample()));
		}

		/** Sets a column by its exchange-format name. */
		public R with(String column, Object value) {
			if (!this.values.containsKey(column)) {
				throw new IllegalArgumentException(this.dataset.fileName() + " has no column " + column);
			}
			this.values.put(column, value);
			this.given.add(column);
			return self();
		}

		boolean given(String column) {
			return this.given.contains(column);
		}

		Object get(String column) {
			return this.values.get(column);
		}

		/** Room for rows whose columns follow from others unless given. */
		void complete() {
		}

		void write() {
			complete();
			this.caseData.insert(this.dataset, this.values);
		}

		@SuppressWarnings("unchecked")
		private R self() {
			return (R) this;
		}

	}

	public static final class UnitRow extends Row<UnitRow> {

		UnitRow(CaseData caseData) {
			super(caseData, Dataset.UNITS);
		}

		public UnitRow named(String name) {
			return with("unit_name", name);
		}

		public UnitRow under(String parentCode) {
			return with("parent_code", parentCode);
		}

		/** Writes the unit; returns its code. */
		public String insert() {
			write();
			return (String) get("unit_code");
		}

	}

	public static final class StaffRow extends Row<StaffRow> {

		StaffRow(CaseData caseData) {
			super(caseData, Dataset.STAFF);
		}

		public StaffRow named(String forename, String surname) {
			return with("forename", forename).with("surname", surname);
		}

		public StaffRow graded(String grade) {
			return with("grade", grade);
		}

		public StaffRow inTeam(String teamCode) {
			return with("team_code", teamCode);
		}

		public StaffRow startedOn(LocalDate date) {
			return with("start_date", date);
		}

		public StaffRow leftOn(LocalDate date) {
			return with("end_date", date);
		}

		/** Writes the staff member; returns the staff code. */
		public String insert() {
			write();
			return (String) get("staff_code");
		}

	}

	public static final class PersonRow extends Row<PersonRow> {

		PersonRow(CaseData caseData) {
			super(caseData, Dataset.PEOPLE);
		}

		public PersonRow named(String forename, String surname) {
			return with("forename", forename).with("surname", surname);
		}

		public PersonRow bornOn(LocalDate date) {
			return with("date_of_birth", date);
		}

		public PersonRow restricted() {
			return restricted(true);
		}

		public PersonRow restricted(boolean restricted) {
			return with("restricted", restricted);
		}

		/** Every protected characteristic, null where not recorded. */
		public PersonRow withCharacteristics(String sex, Boolean genderSameAsBirth, String ethnicity, String religion,
				String sexualOrientation, Boolean disability, String maritalStatus) {
			return with("sex", sex).with("gender_identity_same_as_birth", genderSameAsBirth)
				.with("ethnicity", ethnicity)
				.with("religion", religion)
				.with("sexual_orientation", sexualOrientation)
				.with("disability", disability)
				.with("marital_status", maritalStatus);
		}

		/** Writes the person; returns the CRN. */
		public String insert() {
			write();
			return (String) get("crn");
		}

	}

	/** The handle of an event written by an estate: its id, its person and holder. */
	public record Event(String id, String crn, String staff) {
	}

	public static final class EventRow extends Row<EventRow> {

		private PersonRow newPerson;

		EventRow(CaseData caseData) {
			super(caseData, Dataset.EVENTS);
		}

		public EventRow forPerson(String crn) {
			this.newPerson = null;
			return with("crn", crn);
		}

		EventRow forNewPerson(PersonRow person) {
			this.newPerson = person;
			return with("crn", person.get("crn"));
		}

		/**
		 * The sentence date; unless given, the event is allocated that day, expected to
		 * end a year after allocation and, a licence or post-sentence supervision,
		 * released that day.
		 */
		public EventRow sentencedOn(LocalDate date) {
			return with("sentence_date", date);
		}

		public EventRow allocatedOn(LocalDate date) {
			return with("allocation_date", date);
		}

		public EventRow releasedOn(LocalDate date) {
			return with("release_date", date);
		}

		public EventRow notYetReleased() {
			return with("release_date", null);
		}

		public EventRow expectedToEndOn(LocalDate date) {
			return with("expected_end_date", date);
		}

		public EventRow terminatedOn(LocalDate date, String reason) {
			return with("termination_date", date).with("termination_reason", reason);
		}

		public EventRow heldBy(String staffCode) {
			return with("staff_code", staffCode);
		}

		public EventRow inTeam(String teamCode) {
			return with("team_code", teamCode);
		}

		@Override
		void complete() {
			if (given("sentence_date")) {
				LocalDate sentence = (LocalDate) get("sentence_date");
				if (!given("allocation_date")) {
					this.values.put("allocation_date", sentence);
				}
				if (!given("release_date")) {
					Object type = get("event_type");
					boolean released = LICENCE.equals(type) || POST_SENTENCE_SUPERVISION.equals(type);
					this.values.put("release_date", released ? sentence : null);
				}
			}
			if (given("sentence_date") || given("allocation_date")) {
				if (!given("expected_end_date")) {
					this.values.put("expected_end_date", ((LocalDate) get("allocation_date")).plusYears(1));
				}
			}
		}

		/** Writes the event (and the new person it is of); returns its handle. */
		public Event insert() {
			if (this.newPerson != null) {
				this.newPerson.insert();
			}
			write();
			return new Event((String) get("event_id"), (String) get("crn"), (String) get("staff_code"));
		}

	}

	public static final class RequirementRow extends Row<RequirementRow> {

		RequirementRow(CaseData caseData) {
			super(caseData, Dataset.REQUIREMENTS);
		}

		public RequirementRow of(String eventId) {
			return with("event_id", eventId);
		}

		public RequirementRow ofType(String type) {
			return with("requirement_type", type);
		}

		public RequirementRow lasting(int length) {
			return with("length", length);
		}

		public RequirementRow startingOn(LocalDate date) {
			return with("start_date", date);
		}

		/** Writes the requirement; returns its id. */
		public String insert() {
			write();
			return (String) get("requirement_id");
		}

	}

	public static final class ContactRow extends Row<ContactRow> {

		ContactRow(CaseData caseData) {
			super(caseData, Dataset.CONTACTS);
		}

		public ContactRow of(String crn, String eventId) {
			return with("crn", crn).with("event_id", eventId);
		}

		public ContactRow by(String staffCode) {
			return with("staff_code", staffCode);
		}

		public ContactRow ofType(String type) {
			return with("contact_type", type);
		}

		/** When the contact took place; unless given, it was arranged a week before. */
		public ContactRow at(LocalDateTime at) {
			return with("contact_at", at);
		}

		/** At 10:30 that day, arranged the day before. */
		public ContactRow on(LocalDate day) {
			return at(day.atTime(10, 30)).arrangedOn(day.minusDays(1));
		}

		public ContactRow arrangedOn(LocalDate date) {
			return with("arranged_on", date);
		}

		public ContactRow faceToFace(boolean faceToFace) {
			return with("face_to_face", faceToFace);
		}

		public ContactRow nationalStandard(boolean nationalStandard) {
			return with("national_standard", nationalStandard);
		}

		public ContactRow forRequirement(String requirementId) {
			return with("requirement_id", requirementId);
		}

		public ContactRow withOutcome(String outcome) {
			return with("outcome", outcome);
		}

		@Override
		void complete() {
			if (given("contact_at") && !given("arranged_on")) {
				this.values.put("arranged_on", ((LocalDateTime) get("contact_at")).toLocalDate().minusDays(7));
			}
		}

		/** Writes the contact; returns its id. */
		public String insert() {
			write();
			return (String) get("contact_id");
		}

	}

	public static final class PlanRow extends Row<PlanRow> {

		PlanRow(CaseData caseData) {
			super(caseData, Dataset.PLANS);
		}

		public PlanRow of(String eventId) {
			return with("event_id", eventId);
		}

		public PlanRow ofType(String type) {
			return with("plan_type", type);
		}

		public PlanRow completedOn(LocalDate date) {
			return with("completed_date", date);
		}

		/** Not completed yet. */
		public PlanRow draft() {
			return with("completed_date", null);
		}

		public PlanRow agreedWithPerson(boolean agreed) {
			return with("agreed_with_person", agreed);
		}

		/** Writes the plan; returns its id. */
		public String insert() {
			write();
			return (String) get("plan_id");
		}

	}

	public static final class ReferralRow extends Row<ReferralRow> {

		ReferralRow(CaseData caseData) {
			super(caseData, Dataset.REFERRALS);
		}

		public ReferralRow of(String eventId) {
			return with("event_id", eventId);
		}

		public ReferralRow ofType(String type) {
			return with("referral_type", type);
		}

		public ReferralRow awareOn(LocalDate date) {
			return with("aware_date", date);
		}

		public ReferralRow referredOn(LocalDate date) {
			return with("referred_date", date);
		}

		public ReferralRow usableWithoutMoreInformation(boolean usable) {
			return with("usable_without_more_information", usable);
		}

		public ReferralRow withOutcome(String outcome) {
			return with("outcome", outcome);
		}

		/** Writes the referral; returns its id. */
		public String insert() {
			write();
			return (String) get("referral_id");
		}

	}

	public static final class AccommodationRow extends Row<AccommodationRow> {

		AccommodationRow(CaseData caseData) {
			super(caseData, Dataset.ACCOMMODATION);
		}

		public AccommodationRow status(String status) {
			return with("status", status);
		}

		public void insert() {
			write();
		}

	}

	/** See {@link CaseData#anEstate(String, char)}. */
	public static final class Estate {

		private final CaseData caseData;

		private final String prefix;

		private final char crnLetter;

		Estate(CaseData caseData, String prefix, char crnLetter) {
			if (prefix.length() != 3) {
				throw new IllegalArgumentException("prefix has 3 characters");
			}
			this.caseData = caseData;
			this.prefix = prefix;
			this.crnLetter = crnLetter;
		}

		public String provider() {
			return this.prefix + "P";
		}

		public String region() {
			return this.prefix + "R";
		}

		public String ldu(int n) {
			return this.prefix + "L" + n;
		}

		public String team(int n) {
			return this.prefix + "T" + n;
		}

		public String staff(int n) {
			return this.prefix + String.format("S%03d", n);
		}

		private Estate insert() {
			unit(provider(), "PROVIDER", null);
			unit(region(), "REGION", provider());
			unit(ldu(1), "LDU", region());
			unit(ldu(2), "LDU", region());
			unit(team(1), "TEAM", ldu(1));
			unit(team(2), "TEAM", ldu(1));
			unit(team(3), "TEAM", ldu(2));
			practitioner(staff(1), team(1));
			practitioner(staff(2), team(1));
			practitioner(staff(3), team(3));
			return this;
		}

		private void unit(String code, String type, String parent) {
			this.caseData.aUnit(code, type).named("Unit " + code).under(parent).insert();
		}

		private void practitioner(String code, String team) {
			this.caseData.aStaffMember(code)
				.named("Pat", "Officer " + code)
				.inTeam(team)
				.startedOn(LocalDate.of(2015, 1, 1))
				.insert();
		}

		private String next(String kind) {
			return this.prefix + "-" + kind + SEQUENCE.incrementAndGet();
		}

		/** A new person on probation, of no recorded characteristic. */
		public PersonRow aPerson() {
			String crn = this.crnLetter + String.format("%06d", SEQUENCE.incrementAndGet());
			return this.caseData.aPerson(crn)
				.named("Sam", "Test")
				.bornOn(LocalDate.of(1990, 1, 1))
				.withCharacteristics("NOT_RECORDED", null, "NOT_RECORDED", "NOT_RECORDED", "NOT_RECORDED", null,
						"NOT_RECORDED");
		}

		public EventRow aCommunityOrder() {
			return anEvent(COMMUNITY_ORDER);
		}

		public EventRow aSuspendedSentenceOrder() {
			return anEvent(SUSPENDED_SENTENCE_ORDER);
		}

		public EventRow aLicence() {
			return anEvent(LICENCE);
		}

		public EventRow aPostSentenceSupervision() {
			return anEvent(POST_SENTENCE_SUPERVISION);
		}

		public EventRow aCustodialSentence() {
			return anEvent(CUSTODY);
		}

		/** An event of a new person, in team 1 with practitioner 1. */
		public EventRow anEvent(String type) {
			PersonRow person = aPerson();
			return this.caseData.anEvent(next("E"), type).forNewPerson(person).inTeam(team(1)).heldBy(staff(1));
		}

		public void terminate(Event event, LocalDate date, String reason) {
			this.caseData.terminate(Dataset.EVENTS, "event_id", event.id(), date, reason);
		}

		/** A requirement of the event, of length 10. */
		public RequirementRow aRequirement(Event event) {
			return this.caseData.aRequirement(next("R")).of(event.id()).lasting(10);
		}

		public void terminateRequirement(String requirementId, LocalDate date, String reason) {
			this.caseData.terminate(Dataset.REQUIREMENTS, "requirement_id", requirementId, date, reason);
		}

		/**
		 * A face-to-face national standard supervision contact of the event with its
		 * holder.
		 */
		public ContactRow aContact(Event event) {
			return this.caseData.aContact(next("C"))
				.of(event.crn(), event.id())
				.by(event.staff())
				.ofType("SUPERVISION");
		}

		public PlanRow aPlan(Event event) {
			return this.caseData.aPlan(next("P")).of(event.id()).agreedWithPerson(true);
		}

		public ReferralRow aReferral(Event event) {
			return this.caseData.aReferral(next("F")).of(event.id());
		}

		public void accommodation(Event event, String status) {
			this.caseData.accommodationOf(event.id()).status(status).insert();
		}

	}

	/** See {@link CaseData#aProviderWithTwoTeams(String, char, int)}. */
	public static final class TwoTeams {

		public final String prefix;

		public final char crnLetter;

		public final int crnBlock;

		private final CaseData caseData;

		private int nextPerson;

		TwoTeams(CaseData caseData, String prefix, char crnLetter, int crnBlock) {
			this.caseData = caseData;
			this.prefix = prefix;
			this.crnLetter = crnLetter;
			this.crnBlock = crnBlock;
		}

		public String provider() {
			return this.prefix + "P";
		}

		public String team(int n) {
			return this.prefix + "T" + n;
		}

		public String staff(int n) {
			return (this.prefix + "S" + String.format("%02d", n) + "XXXXXXX").substring(0, 7);
		}

		private String teamOf(int staff) {
			return team((staff <= 2) ? 1 : 2);
		}

		private TwoTeams insert() {
			this.caseData.aProvider(provider()).named("Provider " + this.prefix).insert();
			for (int t = 1; t <= 2; t++) {
				this.caseData.aTeam(team(t)).named("Team " + t + " " + this.prefix).under(provider()).insert();
				for (int s = 1; s <= 2; s++) {
					int n = (t - 1) * 2 + s;
					this.caseData.aStaffMember(staff(n))
						.named("Alex" + n, "Officer" + this.prefix)
						.graded((s == 1) ? "PO" : "SPO")
						.inTeam(team(t))
						.startedOn(LocalDate.of(2020, 1, 1))
						.insert();
				}
			}
			return this;
		}

		private String nextCrn() {
			return this.crnLetter + String.format("%06d", this.crnBlock + (++this.nextPerson));
		}

		/**
		 * A person on one community order, held by staff n in its team; returns the CRN.
		 */
		public String aCommunityOrderHeldBy(int staff, boolean restricted) {
			String crn = this.caseData.aPerson(nextCrn())
				.named("Sam", "Person")
				.bornOn(LocalDate.of(1990, 1, 1))
				.withCharacteristics("MALE", true, "WHITE", "NONE", "HETEROSEXUAL", false, "SINGLE")
				.restricted(restricted)
				.insert();
			this.caseData.aCommunityOrder("E" + crn)
				.forPerson(crn)
				.sentencedOn(LocalDate.of(2023, 1, 10))
				.expectedToEndOn(LocalDate.of(2027, 1, 10))
				.heldBy(staff(staff))
				.inTeam(teamOf(staff))
				.insert();
			return crn;
		}

		/** A person released on licence, held by staff n; returns the CRN. */
		public String aLicenceHeldBy(int staff) {
			String crn = this.caseData.aPerson(nextCrn())
				.named("Jo", "Person")
				.bornOn(LocalDate.of(1985, 5, 5))
				.withCharacteristics("FEMALE", true, "MIXED", "NONE", "HETEROSEXUAL", false, "SINGLE")
				.insert();
			this.caseData.aLicence("E" + crn)
				.forPerson(crn)
				.sentencedOn(LocalDate.of(2022, 1, 10))
				.allocatedOn(LocalDate.of(2022, 1, 12))
				.releasedOn(LocalDate.of(2023, 6, 1))
				.expectedToEndOn(LocalDate.of(2028, 1, 10))
				.heldBy(staff(staff))
				.inTeam(teamOf(staff))
				.insert();
			return crn;
		}

		/**
		 * Another event of the person, of this type, held by staff n; returns its id. A
		 * custodial sentence has no release yet; a licence was released.
		 */
		public String anotherEvent(String crn, String eventType, int staff) {
			boolean released = LICENCE.equals(eventType) || POST_SENTENCE_SUPERVISION.equals(eventType);
			return this.caseData.anEvent("E" + crn + "-" + eventType.charAt(0) + (++this.nextPerson), eventType)
				.forPerson(crn)
				.sentencedOn(LocalDate.of(2024, 3, 4))
				.allocatedOn(LocalDate.of(2024, 3, 5))
				.releasedOn(released ? LocalDate.of(2025, 1, 6) : null)
				.expectedToEndOn(LocalDate.of(2029, 3, 4))
				.heldBy(staff(staff))
				.inTeam(teamOf(staff))
				.insert()
				.id();
		}

		/** People on community orders held in turn by staff 1 to 4. */
		public List<String> people(int count) {
			List<String> crns = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				crns.add(aCommunityOrderHeldBy((i % 4) + 1, false));
			}
			return crns;
		}

	}

	/**
	 * Exchange-format CSV text of one dataset for the import tests: every row starts from
	 * the sample row of {@link CaseData#DEFAULTS}, given as text, and a test names only
	 * the values it cares about, valid or not: {@code CaseData.csv(PEOPLE).row("crn",
	 * "A100001").text()}.
	 */
	public static final class Csv {

		private final Dataset dataset;

		private final Map<String, String> defaults = new LinkedHashMap<>();

		private final List<Map<String, String>> rows = new ArrayList<>();

		private List<String> columns;

		Csv(Dataset dataset) {
			this.dataset = dataset;
			DEFAULTS.get(dataset).forEach((c) -> this.defaults.put(c.name(), text(c.sample())));
			this.columns = List.copyOf(this.defaults.keySet());
		}

		public Dataset dataset() {
			return this.dataset;
		}

		/** A row of the defaults with these column, value pairs changed. */
		public Csv row(String... columnValuePairs) {
			Map<String, String> row = new LinkedHashMap<>(this.defaults);
			for (int i = 0; i < columnValuePairs.length; i += 2) {
				row.put(columnValuePairs[i], columnValuePairs[i + 1]);
			}
			this.rows.add(row);
			return this;
		}

		/**
		 * Writes the columns in this order (or leaves some out, or adds unknown ones).
		 */
		public Csv columns(String... columns) {
			this.columns = List.of(columns);
			return this;
		}

		public Csv without(String column) {
			this.columns = this.columns.stream().filter((c) -> !c.equals(column)).toList();
			return this;
		}

		public String text() {
			StringBuilder csv = new StringBuilder(String.join(",", this.columns)).append('\n');
			for (Map<String, String> row : this.rows) {
				csv.append(this.columns.stream()
					.map((c) -> quote(row.getOrDefault(c, "")))
					.collect(Collectors.joining(","))).append('\n');
			}
			return csv.toString();
		}

		private static String text(Object value) {
			if (value == null) {
				return "";
			}
			if (value instanceof Boolean b) {
				return b ? "Y" : "N";
			}
			return value.toString();
		}

		private static String quote(String value) {
			if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
				return "\"" + value.replace("\"", "\"\"") + "\"";
			}
			return value;
		}

	}

}
