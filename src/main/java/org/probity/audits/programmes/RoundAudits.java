package org.probity.audits.programmes;

import java.util.ArrayList;
import java.util.List;

import org.probity.audits.AuditProgrammes.Programme;
import org.probity.audits.AuditTemplates;
import org.probity.audits.PopulationFilter;
import org.probity.audits.audit.CaseAccessCheck;
import org.probity.audits.sampling.Samples;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audits of a programme's round: the sample drawn from the programme's population in
 * the round's window (one per practitioner for n-per-practitioner programmes) and an
 * audit planned for each case drawn, shared among the auditors; a self-assessment plans
 * one audit per team instead. Runs in the caller's transaction.
 */
@Component
public class RoundAudits {

	private final JdbcClient jdbc;

	private final Samples samples;

	private final AuditTemplates templates;

	private final CaseAccessCheck access;

	RoundAudits(JdbcClient jdbc, Samples samples, AuditTemplates templates, CaseAccessCheck access) {
		this.jdbc = jdbc;
		this.samples = samples;
		this.templates = templates;
		this.access = access;
	}

	/**
	 * Draws the round's samples and plans an audit of each case drawn.
	 * @return the ids of the samples drawn
	 */
	public List<Long> plan(Programme programme, long roundId, RoundPlan.RoundPeriod period, Integer sampleSize,
			boolean stratified, long seed, String username) {
		AuditTemplates.Template template = this.templates.current(programme.templateCode()).orElseThrow();
		PopulationFilter filter = template.narrow(programme.population())
			.withDefaultWindow(period.start(), period.end());
		if ("SELF_ASSESSMENT".equals(template.type())) {
			planSelfAssessments(programme, roundId, period, template, username);
			return List.of();
		}
		List<Long> sampleIds = new ArrayList<>();
		record Drawn(long sampleId, Samples.SampleCase c) {
		}
		List<Drawn> drawn = new ArrayList<>();
		if (sampleSize != null) {
			int populationSize = this.samples.population(filter).size();
			Samples.Sample sample = this.samples.draw(programme.programmeId(), roundId, filter,
					Math.min(sampleSize, populationSize), stratified, seed, username);
			sampleIds.add(sample.sampleId());
			sample.cases().forEach((c) -> drawn.add(new Drawn(sample.sampleId(), c)));
		}
		else {
			List<String> practitioners = programme.practitioners().isEmpty() ? this.samples.population(filter)
				.stream()
				.map(Samples.Candidate::staffCode)
				.distinct()
				.sorted()
				.toList() : programme.practitioners();
			for (String staff : practitioners) {
				PopulationFilter theirs = filter.forPractitioner(staff);
				int populationSize = this.samples.population(theirs).size();
				Samples.Sample sample = this.samples.draw(programme.programmeId(), roundId, theirs,
						Math.min(programme.perPractitioner(), populationSize), false, RoundPlan.roundSeed(seed, staff),
						username);
				sampleIds.add(sample.sampleId());
				sample.cases().forEach((c) -> drawn.add(new Drawn(sample.sampleId(), c)));
			}
		}
		Assignments assignments = new Assignments(programme.auditors(), this.access);
		for (Drawn d : drawn) {
			Samples.SampleCase c = d.c();
			this.jdbc
				.sql("""
						insert into case_audit (programme_id, round_id, sample_id, template_code, template_version, event_id,
						    crn, team_code, staff_code, auditor, status, due_date, updated_by)
						values (:programme, :round, :sample, :template, :version, :event, :crn, :team, :staff, :auditor,
						       'PLANNED', :due, :by)
						""")
				.param("programme", programme.programmeId())
				.param("round", roundId)
				.param("template", template.code())
				.param("version", template.version())
				.param("event", c.eventId())
				.param("crn", c.crn())
				.param("team", c.teamCode())
				.param("staff", c.staffCode())
				.param("auditor", assignments.next(c.crn()))
				.param("due", period.due())
				.param("by", username)
				.param("sample", d.sampleId())
				.update();
		}
		return sampleIds;
	}

	/**
	 * A self-assessment audits sites, not cases: one per team in the programme's unit,
	 * for the team's line manager when they have an account (the manager scores their own
	 * site), otherwise for the programme's auditors in turn.
	 */
	private void planSelfAssessments(Programme programme, long roundId, RoundPlan.RoundPeriod period,
			AuditTemplates.Template template, String username) {
		List<String> teams = this.jdbc
			.sql("""
					select u.unit_code from estate_unit u
					where u.unit_type = 'TEAM'
					  and (cast(:unit as text) is null
					       or u.unit_code in (select unit_code from estate_unit_ancestry where ancestor_code = cast(:unit as text)))
					order by u.unit_code
					""")
			.param("unit", programme.population().unitCode())
			.query(String.class)
			.list();
		int next = 0;
		for (String team : teams) {
			String auditor = this.jdbc.sql("""
					select username from account_directory where enabled and role = 'LINE_MANAGER' and unit_code = :team
					order by username limit 1
					""").param("team", team).query(String.class).optional().orElse(null);
			if (auditor == null) {
				auditor = programme.auditors().get(next++ % programme.auditors().size());
			}
			this.jdbc.sql("""
					insert into case_audit (programme_id, round_id, template_code, template_version, team_code, auditor,
					    status, due_date, updated_by)
					values (:programme, :round, :template, :version, :team, :auditor, 'PLANNED', :due, :by)
					""")
				.param("programme", programme.programmeId())
				.param("round", roundId)
				.param("template", template.code())
				.param("version", template.version())
				.param("team", team)
				.param("auditor", auditor)
				.param("due", period.due())
				.param("by", username)
				.update();
		}
	}

	/**
	 * Shares cases among auditors in turn, skipping any auditor who may not open a
	 * restricted case; a case nobody may open is left unassigned.
	 */
	static final class Assignments {

		private final List<String> auditors;

		private final CaseAccessCheck access;

		private int next;

		Assignments(List<String> auditors, CaseAccessCheck access) {
			this.auditors = List.copyOf(auditors);
			this.access = access;
		}

		String next(String crn) {
			for (int k = 0; k < this.auditors.size(); k++) {
				String candidate = this.auditors.get((this.next + k) % this.auditors.size());
				if (this.access.mayOpen(crn, candidate)) {
					this.next = (this.next + k + 1) % this.auditors.size();
					return candidate;
				}
			}
			return null;
		}

	}

}
