package org.probity.audits;

import java.security.SecureRandom;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.probity.audits.programmes.RoundAudits;
import org.probity.audits.programmes.RoundPlan;
import org.probity.audits.sampling.Samples;
import org.probity.shared.Clocks;
import org.probity.shared.ScheduledWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audit programmes and their rounds. Rounds are created when they fall due, by one node
 * only (a PostgreSQL advisory lock) and once only (unique programme and period); each
 * round draws its sample and plans an audit for each case drawn.
 */
@Service
public class AuditProgrammes {

	private static final Logger log = LoggerFactory.getLogger(AuditProgrammes.class);

	/** Advisory lock key of the round scheduler: "PROBITY" + 1. */
	static final long SCHEDULER_LOCK = 0x50524F4249545901L;

	private static final SecureRandom SEEDS = new SecureRandom();

	public record Programme(long programmeId, String name, ProgrammeKind kind, String templateCode, String templateName,
			PopulationFilter population, Integer sampleSize, Integer perPractitioner, List<String> practitioners,
			boolean stratified, Recurrence recurrence, YearMonth startMonth, YearMonth endMonth, List<String> auditors,
			long seed, String createdBy) {

		public String size() {
			return (this.sampleSize != null) ? this.sampleSize + " cases a round"
					: this.perPractitioner + " a practitioner a round";
		}

	}

	/** Planned = all audits; done late = completed after the due date; missed = never. */
	public record Progress(long planned, long done, long doneLate, long open, long late, long missed) {
	}

	public record ProgrammeSummary(Programme programme, Progress progress) {
	}

	public record Round(long roundId, long programmeId, String periodCode, LocalDate periodStart, LocalDate periodEnd,
			LocalDate dueDate, Progress progress) {
	}

	/**
	 * An audit a programme planned, with the event audited (a person may have several)
	 * and the person's name, which a page shows only to a reader who may open the case.
	 */
	public record PlannedAudit(long auditId, long roundId, String periodCode, String crn, String eventId,
			String teamCode, String staffCode, String auditor, String status, LocalDate dueDate, boolean late,
			boolean alert, int version, String eventType, LocalDate sentenceDate, String personName, String teamName) {

		public String subject() {
			return (this.crn != null) ? this.crn : "Site " + this.teamCode;
		}

	}

	public record Draw(long roundId, long sampleId, int audits) {
	}

	private final JdbcClient jdbc;

	private final AuditTemplates templates;

	private final RoundAudits roundAudits;

	private final Clock clock;

	private final ScheduledWork work;

	AuditProgrammes(JdbcClient jdbc, AuditTemplates templates, RoundAudits roundAudits, Clock clock,
			ScheduledWork work) {
		this.work = work;
		this.jdbc = jdbc;
		this.templates = templates;
		this.roundAudits = roundAudits;
		this.clock = clock;
	}

	@Transactional
	public Programme create(ProgrammeRequest request, String username) {
		validate(request);
		PopulationFilter f = request.population();
		long seed = (request.seed() != null) ? request.seed() : SEEDS.nextLong();
		long id = this.jdbc.sql("""
				insert into audit_programme (name, kind, template_code, unit_code, event_types, date_from, date_to,
				    staff_code, failed_measure, failed_measure_period, sample_size, per_practitioner, practitioners,
				    stratified, recurrence, start_month, end_month, seed, created_by)
				values (:name, :kind, :template, :unit, :types, :from, :to, :staff, :measure, :measurePeriod, :size,
				    :perPractitioner, :practitioners, :stratified, :recurrence, :start, :end, :seed, :by)
				returning programme_id
				""")
			.param("name", request.name().trim())
			.param("kind", request.kind().name())
			.param("template", request.templateCode())
			.param("unit", f.unitCode())
			.param("types", f.eventTypes().toArray(String[]::new))
			.param("from", f.dateFrom())
			.param("to", f.dateTo())
			.param("staff", f.staffCode())
			.param("measure", f.failedMeasure())
			.param("measurePeriod", f.failedMeasurePeriod())
			.param("size", request.sampleSize())
			.param("perPractitioner", request.perPractitioner())
			.param("practitioners", request.practitioners().toArray(String[]::new))
			.param("stratified", request.stratified())
			.param("recurrence", request.recurrence().name())
			.param("start", request.startMonth().atDay(1))
			.param("end", (request.endMonth() != null) ? request.endMonth().atDay(1) : null)
			.param("seed", seed)
			.param("by", username)
			.query(Long.class)
			.single();
		for (String auditor : request.auditors()) {
			this.jdbc.sql("insert into audit_programme_auditor (programme_id, username) values (:id, :u)")
				.param("id", id)
				.param("u", auditor)
				.update();
		}
		Programme programme = find(id).orElseThrow();
		createDueRounds(programme, LocalDate.now(this.clock));
		return programme;
	}

	private void validate(ProgrammeRequest request) {
		if (request.name() == null || request.name().isBlank()) {
			throw new IllegalArgumentException("Enter a name for the programme");
		}
		if (request.kind() == null) {
			throw new IllegalArgumentException("Choose the kind of programme");
		}
		if (request.templateCode() == null || this.templates.current(request.templateCode()).isEmpty()) {
			throw new IllegalArgumentException("Choose a template that exists");
		}
		// a programme names no event type its template does not audit
		this.templates.current(request.templateCode()).orElseThrow().narrow(request.population());
		if (request.recurrence() == null) {
			throw new IllegalArgumentException("Choose how often the programme recurs");
		}
		if ((request.sampleSize() == null) == (request.perPractitioner() == null)) {
			throw new IllegalArgumentException(
					"Give either a sample size or a number of audits per practitioner, not both");
		}
		if (request.sampleSize() != null && request.sampleSize() < 1) {
			throw new IllegalArgumentException("The sample size must be at least 1");
		}
		if (request.perPractitioner() != null && request.perPractitioner() < 1) {
			throw new IllegalArgumentException("The number of audits per practitioner must be at least 1");
		}
		if (request.startMonth() == null) {
			throw new IllegalArgumentException("Enter the month the programme starts");
		}
		if (request.endMonth() != null && request.endMonth().isBefore(request.startMonth())) {
			throw new IllegalArgumentException("The programme cannot end before it starts");
		}
		if (request.auditors().isEmpty()) {
			throw new IllegalArgumentException("Choose at least one auditor");
		}
		for (String auditor : request.auditors()) {
			boolean known = this.jdbc.sql(
					"select exists (select 1 from account_directory where username = :u and enabled and role <> 'API_CLIENT')")
				.param("u", auditor)
				.query(Boolean.class)
				.single();
			if (!known) {
				throw new IllegalArgumentException("No account '" + auditor + "' may audit cases");
			}
		}
		request.population().validate();
	}

	@Transactional(readOnly = true)
	public Optional<Programme> find(long programmeId) {
		return this.jdbc.sql("""
				select p.programme_id, p.name, p.kind, p.template_code, t.name as template_name, p.unit_code,
				       p.event_types, p.date_from, p.date_to, p.staff_code, p.failed_measure, p.failed_measure_period,
				       p.sample_size, p.per_practitioner, p.practitioners, p.stratified, p.recurrence, p.start_month,
				       p.end_month, p.seed, p.created_by,
				       array(select username from audit_programme_auditor a where a.programme_id = p.programme_id
				             order by username) as auditors
				from audit_programme p join audit_template t on t.template_code = p.template_code
				where p.programme_id = :id
				""").param("id", programmeId).query((rs, n) -> {
			PopulationFilter filter = new PopulationFilter(rs.getString("unit_code"),
					Samples.strings(rs.getArray("event_types")), localDate(rs.getDate("date_from")),
					localDate(rs.getDate("date_to")), trim(rs.getString("staff_code")), rs.getString("failed_measure"),
					rs.getString("failed_measure_period"));
			Date end = rs.getDate("end_month");
			return new Programme(rs.getLong("programme_id"), rs.getString("name"),
					ProgrammeKind.valueOf(rs.getString("kind")), rs.getString("template_code"),
					rs.getString("template_name"), filter, (Integer) rs.getObject("sample_size", Integer.class),
					(Integer) rs.getObject("per_practitioner", Integer.class),
					Samples.strings(rs.getArray("practitioners")), rs.getBoolean("stratified"),
					Recurrence.valueOf(rs.getString("recurrence")),
					YearMonth.from(rs.getDate("start_month").toLocalDate()),
					(end != null) ? YearMonth.from(end.toLocalDate()) : null, Samples.strings(rs.getArray("auditors")),
					rs.getLong("seed"), rs.getString("created_by"));
		}).optional();
	}

	/**
	 * The cases a programme draws from: its filter, narrowed to the event types its
	 * template audits.
	 */
	@Transactional(readOnly = true)
	public PopulationFilter population(Programme programme) {
		return this.templates.current(programme.templateCode()).orElseThrow().narrow(programme.population());
	}

	@Transactional(readOnly = true)
	public List<ProgrammeSummary> all() {
		LocalDate today = LocalDate.now(this.clock);
		List<Long> ids = this.jdbc.sql("select programme_id from audit_programme order by start_month desc, name")
			.query(Long.class)
			.list();
		List<ProgrammeSummary> result = new ArrayList<>();
		for (long id : ids) {
			result.add(new ProgrammeSummary(find(id).orElseThrow(), progress("a.programme_id = :id", id, today)));
		}
		return result;
	}

	@Transactional(readOnly = true)
	public List<Round> rounds(long programmeId) {
		LocalDate today = LocalDate.now(this.clock);
		return this.jdbc.sql("""
				select round_id, programme_id, period_code, period_start, period_end, due_date from audit_round
				where programme_id = :id order by period_start, round_id
				""")
			.param("id", programmeId)
			.query((rs, n) -> new Round(rs.getLong(1), rs.getLong(2), rs.getString(3), localDate(rs.getDate(4)),
					localDate(rs.getDate(5)), localDate(rs.getDate(6)),
					progress("a.round_id = :id", rs.getLong(1), today)))
			.list();
	}

	@Transactional(readOnly = true)
	public List<PlannedAudit> audits(long programmeId) {
		return this.jdbc
			.sql("""
					select a.audit_id, a.round_id, r.period_code, a.crn, a.event_id, a.team_code, a.staff_code, a.auditor,
					       a.status, a.due_date,
					       (a.status in ('PLANNED', 'IN_PROGRESS') and a.due_date < :today)
					         or (a.status = 'COMPLETED' and (a.completed_at at time zone 'Europe/London')::date > a.due_date) as late,
					       a.alert, a.version, e.event_type, e.sentence_date, p.forename || ' ' || p.surname as person_name,
					       coalesce(u.unit_name, a.team_code) as team_name
					from case_audit a join audit_round r on r.round_id = a.round_id
					left join case_event e on e.event_id = a.event_id
					left join case_person p on p.crn = a.crn
					left join estate_unit u on u.unit_code = a.team_code
					where a.programme_id = :id order by r.period_start, a.audit_id
					""")
			.param("id", programmeId)
			.param("today", LocalDate.now(this.clock))
			.query(PlannedAudit.class)
			.list();
	}

	Progress progress(String where, long id, LocalDate today) {
		return this.jdbc.sql("""
				select count(*) as planned,
				       count(*) filter (where status = 'COMPLETED') as done,
				       count(*) filter (where status = 'COMPLETED'
				                        and (completed_at at time zone 'Europe/London')::date > due_date) as done_late,
				       count(*) filter (where status in ('PLANNED', 'IN_PROGRESS')) as open,
				       count(*) filter (where status in ('PLANNED', 'IN_PROGRESS') and due_date < :today) as late,
				       count(*) filter (where status = 'MISSED') as missed
				from case_audit a where
				""" + where).param("id", id).param("today", today).query(Progress.class).single();
	}

	/**
	 * Runs hourly, on one node at a time and in one transaction with its lock
	 * ({@link ScheduledWork}): a node that dies midway leaves nothing half planned.
	 */
	@Scheduled(cron = "${probity.audits.schedule-cron:0 7 * * * *}", zone = Clocks.LONDON_ZONE)
	void scheduled() {
		this.work.runOnce("audit rounds", SCHEDULER_LOCK, () -> {
			int created = planDueRounds(LocalDate.now(this.clock), null);
			if (created > 0) {
				log.info("Created {} audit rounds", created);
			}
		});
	}

	/**
	 * Creates every round that has fallen due by {@code today} and is not yet created,
	 * and marks audits missed whose round has closed. Safe to run again, and on every
	 * node.
	 * @return the number of rounds created
	 */
	@Transactional
	public int createDueRounds(LocalDate today) {
		return createDueRounds(today, null);
	}

	/**
	 * As {@link #createDueRounds(LocalDate)}, for one programme only when given; does
	 * nothing while another node plans rounds (the lock is held until the caller's
	 * transaction ends).
	 */
	@Transactional
	int createDueRounds(LocalDate today, Long onlyProgramme) {
		boolean locked = this.jdbc.sql("select pg_try_advisory_xact_lock(:key)")
			.param("key", SCHEDULER_LOCK)
			.query(Boolean.class)
			.single();
		if (!locked) {
			return 0;
		}
		return planDueRounds(today, onlyProgramme);
	}

	/** The work itself, in the caller's transaction and under its lock. */
	private int planDueRounds(LocalDate today, Long onlyProgramme) {
		int created = 0;
		List<Long> ids = this.jdbc.sql("""
				select programme_id from audit_programme
				where start_month <= :today and (cast(:only as bigint) is null or programme_id = cast(:only as bigint))
				order by programme_id
				""").param("today", today).param("only", onlyProgramme).query(Long.class).list();
		for (long id : ids) {
			created += createDueRounds(find(id).orElseThrow(), today);
		}
		this.jdbc
			.sql("""
					update case_audit set status = 'MISSED', version = version + 1, updated_at = now(), updated_by = 'scheduler'
					where status in ('PLANNED', 'IN_PROGRESS') and due_date < :cutoff and round_id is not null
					  and (cast(:only as bigint) is null or programme_id = cast(:only as bigint))
					""")
			.param("cutoff", YearMonth.from(today).minusMonths(1).atDay(1))
			.param("only", onlyProgramme)
			.update();
		return created;
	}

	private int createDueRounds(Programme programme, LocalDate today) {
		int created = 0;
		for (RoundPlan.RoundPeriod period : RoundPlan.due(programme.recurrence(), programme.startMonth(),
				programme.endMonth(), today)) {
			Optional<Long> roundId = this.jdbc.sql("""
					insert into audit_round (programme_id, period_code, period_start, period_end, due_date)
					values (:id, :code, :start, :end, :due)
					on conflict (programme_id, period_code) do nothing
					returning round_id
					""")
				.param("id", programme.programmeId())
				.param("code", period.code())
				.param("start", period.start())
				.param("end", period.end())
				.param("due", period.due())
				.query(Long.class)
				.optional();
			if (roundId.isEmpty()) {
				roundId = interruptedRound(programme.programmeId(), period.code());
			}
			if (roundId.isPresent()) {
				this.roundAudits.plan(programme, roundId.get(), period, programme.sampleSize(), programme.stratified(),
						RoundPlan.roundSeed(programme.seed(), period.code()), "scheduler");
				created++;
			}
		}
		return created;
	}

	/**
	 * A round of this period that was created but never planned: no sample was drawn and
	 * no audit made (a node stopped midway, before rounds were planned in one
	 * transaction). It is planned again, as if new.
	 */
	private Optional<Long> interruptedRound(long programmeId, String periodCode) {
		Optional<Long> roundId = this.jdbc.sql("""
				select r.round_id from audit_round r
				where r.programme_id = :id and r.period_code = :code
				  and not exists (select 1 from audit_sample s where s.round_id = r.round_id)
				  and not exists (select 1 from case_audit a where a.round_id = r.round_id)
				""").param("id", programmeId).param("code", periodCode).query(Long.class).optional();
		roundId
			.ifPresent((id) -> log.warn("Round {} of audit programme {} ({}) has no sample and no audits: planning it",
					id, programmeId, periodCode));
		return roundId;
	}

	/**
	 * Draws a sample for a programme now, outside its schedule (a dip sample, or a
	 * one-off programme's draw), and plans an audit of each case drawn.
	 * @param seed null for a random seed
	 */
	@Transactional
	public Draw drawNow(long programmeId, Integer size, Boolean stratified, Long seed, LocalDate dueDate,
			String username) {
		Programme programme = find(programmeId).orElseThrow(() -> new NotFound("No audit programme " + programmeId));
		LocalDate today = LocalDate.now(this.clock);
		if (dueDate == null || dueDate.isBefore(today)) {
			throw new IllegalArgumentException("Enter a due date that is today or later");
		}
		int draws = this.jdbc
			.sql("select count(*) from audit_round where programme_id = :id and period_code like 'DRAW-%'")
			.param("id", programmeId)
			.query(Integer.class)
			.single();
		String code = "DRAW-" + (draws + 1);
		long roundId = this.jdbc.sql("""
				insert into audit_round (programme_id, period_code, period_start, period_end, due_date)
				values (:id, :code, :start, :end, :due) returning round_id
				""")
			.param("id", programmeId)
			.param("code", code)
			.param("start", today)
			.param("end", dueDate)
			.param("due", dueDate)
			.query(Long.class)
			.single();
		RoundPlan.RoundPeriod period = new RoundPlan.RoundPeriod(code, today, dueDate, dueDate);
		Integer n = (size != null) ? size : programme.sampleSize();
		List<Long> sampleIds = this.roundAudits.plan(programme, roundId, period, n,
				(stratified != null) ? stratified : programme.stratified(), (seed != null) ? seed : SEEDS.nextLong(),
				username);
		int audits = this.jdbc.sql("select count(*) from case_audit where round_id = :id")
			.param("id", roundId)
			.query(Integer.class)
			.single();
		return new Draw(roundId, sampleIds.isEmpty() ? 0 : sampleIds.get(0), audits);
	}

	static LocalDate localDate(Date date) {
		return (date != null) ? date.toLocalDate() : null;
	}

	static String trim(String s) {
		return (s != null) ? s.trim() : null;
	}

}
