package org.probity.audits;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.probity.shared.BusinessCalendar;
import org.probity.shared.Clocks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audit data for the demo provider, so that the audit pages are not empty on first start:
 * a Local Quality Inspection completed over the last two quarters (case supervision,
 * realistic answers: mostly sufficient, weaker on keeping other people safe and on
 * reviewing, a few alerts), small unpaid work and through-the-gate exercises, an
 * inspection-style rating over all ten standards, and open monthly rounds so that
 * worklists have work in them. Deterministic: the same case data gives the same audits.
 * The demo module calls {@link #load} after loading case data.
 */
@Service
public class DemoAudits {

	private static final Logger log = LoggerFactory.getLogger(DemoAudits.class);

	private static final String LQI = "Local Quality Inspection (demo)";

	/**
	 * Chance of NO per key question code's last part, by standard: the practice story.
	 */
	private static final Map<String, double[]> NO_CHANCE = Map.of("2.1", new double[] { 0.10, 0.16, 0.36 }, "2.2",
			new double[] { 0.12, 0.18, 0.27 }, "2.3", new double[] { 0.11, 0.17, 0.24 }, "2.4",
			new double[] { 0.28, 0.33, 0.40 }, "4.1", new double[] { 0.15, 0.20, 0.22, 0.18 }, "4.2",
			new double[] { 0.20, 0.30, 0.32, 0.25 });

	private static final String[] YES_COMMENTS = { "Clear and well evidenced.", "Good use of available information.",
			"Sufficient; the person's views are recorded.", "Evidence of timely work.", "" };

	private static final String[] NO_COMMENTS = { "No evidence that domestic abuse checks were requested.",
			"Risk of harm not revisited after a change in circumstances.",
			"Plan does not address the factors linked to offending.",
			"Review overdue and not recorded with the person.", "Safeguarding information not followed up.",
			"Limited evidence of engagement with the person on probation." };

	private final JdbcClient jdbc;

	private final AuditProgrammes programmes;

	private final AuditTemplates templates;

	private final Inspections inspections;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	DemoAudits(JdbcClient jdbc, AuditProgrammes programmes, AuditTemplates templates, Inspections inspections,
			Clock clock, org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.programmes = programmes;
		this.templates = templates;
		this.inspections = inspections;
		this.clock = clock;
	}

	/**
	 * Loads the demo audits once (does nothing when they exist or there is no case data).
	 * @param providerCode the demo provider's unit code; null for the first provider
	 * @param auditors the accounts that audit; empty to use the quality team's accounts
	 * (or, failing those, the admin accounts)
	 * @return the id of the completed Local Quality Inspection programme, or -1
	 */
	@Transactional
	public long load(String providerCode, List<String> auditors) {
		boolean loaded = this.jdbc.sql("select exists (select 1 from audit_programme where name = :name)")
			.param("name", LQI)
			.query(Boolean.class)
			.single();
		if (loaded) {
			return -1;
		}
		String provider = this.jdbc
			.sql("select unit_code from estate_unit where unit_type = 'PROVIDER' order by unit_code limit 1")
			.query(String.class)
			.optional()
			.orElse(null);
		List<String> who = (auditors == null || auditors.isEmpty()) ? defaultAuditors() : auditors;
		if (provider == null || who.isEmpty()) {
			log.info("No demo audits: no provider or no account to audit");
			return -1;
		}
		LocalDate today = LocalDate.now(this.clock);
		YearMonth thisMonth = YearMonth.from(today);
		YearMonth quarterStart = YearMonth.of(today.getYear(), ((today.getMonthValue() - 1) / 3) * 3 + 1);
		YearMonth firstQuarter = quarterStart.minusMonths(6);
		YearMonth lastMonth = quarterStart.minusMonths(1);
		SplitMix64 random = new SplitMix64(20240401L);

		long lqi = this.programmes
			.create(new ProgrammeRequest(LQI, ProgrammeKind.LOCAL_QUALITY_INSPECTION, "CASE_SUPERVISION",
					new PopulationFilter(provider, List.of(), null, null, null, null, null), 60, null, null, true,
					Recurrence.QUARTERLY, firstQuarter, lastMonth, who, 20240401L), "demo")
			.programmeId();
		complete(lqi, random);
		long upw = this.programmes
			.create(new ProgrammeRequest("Unpaid work audit (demo)", ProgrammeKind.THEMATIC, "UNPAID_WORK",
					new PopulationFilter(provider, List.of("COMMUNITY_ORDER", "SUSPENDED_SENTENCE_ORDER"), null, null,
							null, null, null),
					20, null, null, false, Recurrence.NONE, lastMonth.minusMonths(2), lastMonth, who, 20240402L),
					"demo")
			.programmeId();
		complete(upw, random);
		long ttg = this.programmes
			.create(new ProgrammeRequest("Through the gate audit (demo)", ProgrammeKind.THEMATIC, "THROUGH_THE_GATE",
					new PopulationFilter(provider, List.of("LICENCE", "CUSTODY", "POST_SENTENCE_SUPERVISION"), null,
							null, null, null, null),
					15, null, null, false, Recurrence.NONE, lastMonth.minusMonths(2), lastMonth, who, 20240403L),
					"demo")
			.programmeId();
		complete(ttg, random);
		this.inspections.create("Inspection-style rating (demo)", provider, firstQuarter.atDay(1),
				lastMonth.atEndOfMonth(),
				Map.of("1.1", Rating.GOOD, "1.2", Rating.GOOD, "1.3", Rating.REQUIRES_IMPROVEMENT, "1.4", Rating.GOOD),
				"demo");
		this.programmes.create(new ProgrammeRequest("Monthly remote checks (demo)", ProgrammeKind.REMOTE_CHECK,
				"CASE_SUPERVISION", new PopulationFilter(provider, List.of(), null, null, null, null, null), 8, null,
				null, false, Recurrence.MONTHLY, thisMonth, null, who, 20240404L), "demo");
		List<String> practitioners = this.jdbc.sql("""
				select e.staff_code from case_event e
				where e.team_code in (select unit_code from estate_unit_ancestry where ancestor_code = :p)
				group by e.staff_code order by count(*) desc, e.staff_code limit 3
				""").param("p", provider).query(String.class).list().stream().map(String::trim).toList();
		if (!practitioners.isEmpty()) {
			this.programmes.create(
					new ProgrammeRequest("Quality development audits (demo)", ProgrammeKind.QUALITY_DEVELOPMENT,
							"CASE_SUPERVISION", new PopulationFilter(provider, List.of(), null, null, null, null, null),
							null, 2, practitioners, false, Recurrence.MONTHLY, thisMonth, null, who, 20240405L),
					"demo");
		}
		log.info("Demo audits loaded");
		return lqi;
	}

	private List<String> defaultAuditors() {
		List<String> quality = this.jdbc
			.sql("select username from account_directory where enabled and role = 'QUALITY_TEAM' order by username")
			.query(String.class)
			.list();
		return quality.isEmpty() ? this.jdbc
			.sql("select username from account_directory where enabled and role = 'ADMIN' order by username")
			.query(String.class)
			.list() : quality;
	}

	/** Completes every audit of a programme with generated answers inside its round. */
	private void complete(long programmeId, SplitMix64 random) {
		record Planned(long auditId, String templateCode, int templateVersion, String auditor, LocalDate periodStart,
				LocalDate dueDate, String staffCode, String teamCode) {
		}
		List<Planned> planned = this.jdbc.sql("""
				select a.audit_id, a.template_code, a.template_version, a.auditor, r.period_start, a.due_date,
				       a.staff_code, a.team_code
				from case_audit a join audit_round r on r.round_id = a.round_id
				where a.programme_id = :id order by a.audit_id
				""").param("id", programmeId).query(Planned.class).list();
		LocalDate today = LocalDate.now(this.clock);
		for (Planned p : planned) {
			AuditTemplates.Template template = this.templates.version(p.templateCode(), p.templateVersion())
				.orElseThrow();
			boolean safetyFailed = false;
			List<String> failedPrompts = new ArrayList<>();
			List<String> failedQuestions = new ArrayList<>();
			for (AuditTemplates.KeyQuestion q : template.keyQuestions()) {
				double[] chances = NO_CHANCE.getOrDefault(q.standardCode(), new double[] { 0.15, 0.15, 0.15, 0.15 });
				int index = Integer.parseInt(q.code().substring(q.code().lastIndexOf('.') + 1)) - 1;
				double noChance = chances[Math.min(index, chances.length - 1)];
				double notApplicable = q.standardCode().equals("2.4") ? 0.12 : 0.04;
				double roll = uniform(random);
				Answer answer = (roll < notApplicable) ? Answer.NOT_APPLICABLE
						: (roll < notApplicable + noChance) ? Answer.NO : Answer.YES;
				String comment = (answer == Answer.NO) ? NO_COMMENTS[random.nextInt(NO_COMMENTS.length)]
						: (answer == Answer.YES) ? YES_COMMENTS[random.nextInt(YES_COMMENTS.length)] : "";
				this.jdbc.sql("""
						insert into case_audit_answer (audit_id, key_question_code, answer, comment)
						values (:id, :q, :a, :c)
						""")
					.param("id", p.auditId())
					.param("q", q.code())
					.param("a", answer.name())
					.param("c", comment)
					.update();
				if (answer == Answer.NO) {
					failedQuestions.add(q.code());
				}
				if (answer == Answer.NO && !q.prompts().isEmpty()) {
					failedPrompts.add(q.prompts().get(random.nextInt(q.prompts().size())).code());
					if (q.code().endsWith(".3") && q.standardCode().startsWith("2.")) {
						safetyFailed = true;
					}
				}
			}
			for (String prompt : failedPrompts.stream().distinct().toList()) {
				this.jdbc.sql("insert into case_audit_failed_prompt (audit_id, prompt_code) values (:id, :p)")
					.param("id", p.auditId())
					.param("p", prompt)
					.update();
			}
			long span = Math.max(1, p.dueDate().toEpochDay() - p.periodStart().toEpochDay());
			// most audits are done in time; about one in twelve a little after the due
			// date
			LocalDate done = (uniform(random) < 0.08) ? p.dueDate().plusDays(1 + random.nextInt(10))
					: p.periodStart().plusDays(random.nextInt((int) span + 1));
			if (done.isAfter(today)) {
				done = today;
			}
			Timestamp at = Timestamp.from(done.atTime(LocalTime.of(10 + random.nextInt(6), random.nextInt(60)))
				.atZone(Clocks.LONDON)
				.toInstant());
			boolean alert = safetyFailed && uniform(random) < 0.08;
			String reason = alert ? "Serious concern about risk of harm: safeguarding information not acted on" : null;
			this.jdbc
				.sql("""
						update case_audit set status = 'COMPLETED', completed_at = :at, completed_by = coalesce(auditor, 'demo'),
						    framework_version = 'HMIP-2018', alert = :alert, alert_reason = :reason,
						    summary = 'Demo audit', updated_at = :at, updated_by = coalesce(auditor, 'demo'), version = version + 1
						where audit_id = :id
						""")
				.param("at", at)
				.param("alert", alert)
				.param("reason", reason)
				.param("id", p.auditId())
				.update();
			// published as a completed audit is, so that other modules (improvement) act
			// on
			// the demo's findings as on real ones
			String crn = this.jdbc.sql("select crn from case_audit where audit_id = :id")
				.param("id", p.auditId())
				.query(String.class)
				.single();
			String eventId = this.jdbc.sql("select event_id from case_audit where audit_id = :id")
				.param("id", p.auditId())
				.query(String.class)
				.single();
			this.events.publishEvent(
					new CaseAuditCompleted(p.auditId(), crn, eventId, p.teamCode(), p.staffCode(), p.templateCode(),
							p.templateVersion(), programmeId, List.copyOf(failedQuestions), alert, at.toInstant()));
			if (alert) {
				LocalDate due = BusinessCalendar.englandAndWales().businessDayAfter(done, 1);
				boolean acknowledged = uniform(random) < 0.8;
				this.jdbc
					.sql("""
							insert into audit_alert (audit_id, raised_at, raised_by, due_date, team_code, staff_code, reason,
							    acknowledged_at, acknowledged_by, action_taken)
							values (:id, :at, coalesce(:by, 'demo'), :due, :team, :staff, :reason, :ackAt, :ackBy, :action)
							""")
					.param("id", p.auditId())
					.param("at", at)
					.param("by", p.auditor())
					.param("due", due)
					.param("team", p.teamCode())
					.param("staff", p.staffCode())
					.param("reason", reason)
					.param("ackAt", acknowledged ? Timestamp.from(at.toInstant().plusSeconds(20 * 3600)) : null)
					.param("ackBy", acknowledged ? "line manager" : null)
					.param("action", acknowledged
							? "Discussed in supervision the same day; MASH referral made and risk assessment updated"
							: null)
					.update();
				if (!acknowledged) {
					this.events.publishEvent(new AlertRaised(p.auditId(), crn, eventId, p.teamCode(), p.staffCode(),
							reason, List.copyOf(failedQuestions), at.toInstant(), due));
				}
			}
		}
	}

	private static double uniform(SplitMix64 random) {
		return (random.nextLong() >>> 11) * 0x1.0p-53;
	}

}
