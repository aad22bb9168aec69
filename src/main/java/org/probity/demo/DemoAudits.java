package org.probity.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.probity.audits.Answer;
import org.probity.audits.AuditProgrammes;
import org.probity.audits.AuditTemplates;
import org.probity.audits.CaseAudits;
import org.probity.audits.Inspections;
import org.probity.audits.PopulationFilter;
import org.probity.audits.ProgrammeKind;
import org.probity.audits.ProgrammeRequest;
import org.probity.audits.Rating;
import org.probity.audits.Recurrence;
import org.probity.shared.Clocks;
import org.probity.shared.SplitMix64;
import org.probity.shared.UnitCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audit data for the demo provider, so that the audit pages are not empty on first start:
 * a Local Quality Inspection completed over the last two quarters (case supervision,
 * realistic answers: mostly sufficient, weaker on keeping other people safe and on
 * reviewing, a few alerts), small unpaid work and through-the-gate exercises, an
 * inspection-style rating over all ten standards, monthly remote checks done for the two
 * months before this one and this month's under way, and open monthly rounds so that
 * worklists have work in them. Deterministic: the same case data gives the same audits.
 * Generated through the audits module's public API, as a quality team's programmes and
 * completed audits would be; {@link DemoStartup} calls {@link #load} after loading case
 * data.
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

	private final CaseAudits audits;

	private final Clock clock;

	DemoAudits(JdbcClient jdbc, AuditProgrammes programmes, AuditTemplates templates, Inspections inspections,
			CaseAudits audits, Clock clock) {
		this.jdbc = jdbc;
		this.audits = audits;
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
		boolean loaded = this.programmes.all().stream().anyMatch((p) -> LQI.equals(p.programme().name()));
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
		UnitCode unit = new UnitCode(provider);
		LocalDate today = LocalDate.now(this.clock);
		YearMonth thisMonth = YearMonth.from(today);
		YearMonth quarterStart = YearMonth.of(today.getYear(), ((today.getMonthValue() - 1) / 3) * 3 + 1);
		YearMonth firstQuarter = quarterStart.minusMonths(6);
		YearMonth lastMonth = quarterStart.minusMonths(1);
		SplitMix64 random = new SplitMix64(20240401L);

		long lqi = this.programmes
			.create(new ProgrammeRequest(LQI, ProgrammeKind.LOCAL_QUALITY_INSPECTION, "CASE_SUPERVISION",
					PopulationFilter.within(unit, List.of()), 60, null, null, true, Recurrence.QUARTERLY, firstQuarter,
					lastMonth, who, 20240401L), "demo")
			.programmeId();
		complete(lqi, random, true);
		long upw = this.programmes
			.create(new ProgrammeRequest("Unpaid work audit (demo)", ProgrammeKind.THEMATIC, "UNPAID_WORK",
					PopulationFilter.within(unit, List.of("COMMUNITY_ORDER", "SUSPENDED_SENTENCE_ORDER")), 20, null,
					null, false, Recurrence.NONE, lastMonth.minusMonths(2), lastMonth, who, 20240402L), "demo")
			.programmeId();
		complete(upw, random, true);
		long ttg = this.programmes
			.create(new ProgrammeRequest("Through the gate audit (demo)", ProgrammeKind.THEMATIC, "THROUGH_THE_GATE",
					PopulationFilter.within(unit, List.of("LICENCE", "CUSTODY", "POST_SENTENCE_SUPERVISION")), 15, null,
					null, false, Recurrence.NONE, lastMonth.minusMonths(2), lastMonth, who, 20240403L), "demo")
			.programmeId();
		complete(ttg, random, true);
		this.inspections.create("Inspection-style rating (demo)", unit, firstQuarter.atDay(1), lastMonth.atEndOfMonth(),
				Map.of("1.1", Rating.GOOD, "1.2", Rating.GOOD, "1.3", Rating.REQUIRES_IMPROVEMENT, "1.4", Rating.GOOD),
				"demo");
		// The remote checks began two months ago: their rounds so far are done, this
		// month's as far as today, so that the latest findings' actions are still to
		// come.
		long remote = this.programmes
			.create(new ProgrammeRequest("Monthly remote checks (demo)", ProgrammeKind.REMOTE_CHECK, "CASE_SUPERVISION",
					PopulationFilter.within(unit, List.of()), 8, null, null, false, Recurrence.MONTHLY,
					thisMonth.minusMonths(2), null, who, 20240404L), "demo")
			.programmeId();
		complete(remote, new SplitMix64(20240404L), false);
		List<String> practitioners = this.jdbc.sql("""
				select e.staff_code from case_event e
				where e.team_code in (select unit_code from estate_unit_ancestry where ancestor_code = :p)
				group by e.staff_code order by count(*) desc, e.staff_code limit 3
				""").param("p", provider).query(String.class).list().stream().map(String::trim).toList();
		if (!practitioners.isEmpty()) {
			this.programmes.create(new ProgrammeRequest("Quality development audits (demo)",
					ProgrammeKind.QUALITY_DEVELOPMENT, "CASE_SUPERVISION", PopulationFilter.within(unit, List.of()),
					null, 2, practitioners, false, Recurrence.MONTHLY, thisMonth, null, who, 20240405L), "demo");
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

	/**
	 * Completes the audits of a programme with generated answers inside their round:
	 * every one ({@code all}, those that would have been done after today done today), or
	 * only those done by today, leaving the rest of the current round planned.
	 */
	private void complete(long programmeId, SplitMix64 random, boolean all) {
		Map<Long, LocalDate> roundStarts = new HashMap<>();
		this.programmes.rounds(programmeId).forEach((r) -> roundStarts.put(r.roundId(), r.periodStart()));
		List<Long> planned = this.programmes.audits(programmeId)
			.stream()
			.map(AuditProgrammes.PlannedAudit::auditId)
			.sorted()
			.toList();
		LocalDate today = LocalDate.now(this.clock);
		for (long auditId : planned) {
			CaseAudits.Audit p = this.audits.find(auditId).orElseThrow();
			LocalDate periodStart = roundStarts.get(p.roundId());
			AuditTemplates.Template template = this.templates.version(p.templateCode(), p.templateVersion())
				.orElseThrow();
			boolean safetyFailed = false;
			List<CaseAudits.AnswerInput> answers = new ArrayList<>();
			List<String> failedPrompts = new ArrayList<>();
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
				answers.add(new CaseAudits.AnswerInput(q.code(), answer, comment));
				if (answer == Answer.NO && !q.prompts().isEmpty()) {
					failedPrompts.add(q.prompts().get(random.nextInt(q.prompts().size())).code());
					if (q.code().endsWith(".3") && q.standardCode().startsWith("2.")) {
						safetyFailed = true;
					}
				}
			}
			long span = Math.max(1, p.dueDate().toEpochDay() - periodStart.toEpochDay());
			// most audits are done in time; about one in twelve a little after the due
			// date
			LocalDate done = (uniform(random) < 0.08) ? p.dueDate().plusDays(1 + random.nextInt(10))
					: periodStart.plusDays(random.nextInt((int) span + 1));
			boolean toCome = done.isAfter(today);
			if (toCome) {
				done = today;
			}
			Instant at = done.atTime(LocalTime.of(10 + random.nextInt(6), random.nextInt(60)))
				.atZone(Clocks.LONDON)
				.toInstant();
			if (!all && (toCome || at.isAfter(this.clock.instant()))) {
				continue;
			}
			boolean alert = safetyFailed && uniform(random) < 0.08;
			String reason = alert ? "Serious concern about risk of harm: safeguarding information not acted on" : null;
			CaseAudits.AlertResponse response = null;
			if (alert && uniform(random) < 0.8) {
				response = new CaseAudits.AlertResponse(at.plusSeconds(20 * 3600), "line manager",
						"Discussed in supervision the same day; MASH referral made and risk assessment updated");
			}
			// completed as a real audit is, so that other modules (improvement) act on
			// the
			// demo's findings as on real ones
			this.audits.recordPastCompletion(auditId,
					new CaseAudits.PastCompletion(answers, failedPrompts, "Demo audit", at, reason, response), "demo");
		}
	}

	private static double uniform(SplitMix64 random) {
		return (random.nextLong() >>> 11) * 0x1.0p-53;
	}

}
