package org.probity.improvement.projects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.probity.accounts.CurrentUser;
import org.probity.improvement.ActionSource;
import org.probity.improvement.Improvement;
import org.probity.improvement.PlanKind;
import org.probity.improvement.RaiseAction;
import org.probity.improvement.SourceKind;
import org.probity.improvement.spc.XmrChart;
import org.probity.measures.MeasureSeries;
import org.probity.shared.MeasureCode;
import org.probity.shared.UnitCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Improvement projects (improvement.md, "Improvement projects"): a measure and unit to
 * improve, a baseline and a change month, and the stages Define to Control, each signed
 * off before the next opens. A project is held by its unit's SERVICE_IMPROVEMENT plan;
 * each change tried raises an action there. Every change to a project names the version
 * it was made from: a stale one is refused.
 */
@Service
public class Projects {

	private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

	private static final Pattern LINK = Pattern.compile("(https?://|/)\\S+");

	/** A project as read, with its measure's title and its unit's name. */
	public record Project(long projectId, Long planId, String title, String owner, MeasureCode measureCode,
			String measureTitle, UnitCode unitCode, String unitName, YearMonth baselineFrom, YearMonth changeMonth,
			ProjectSource source, String sourceRef, Stage stage, String problem, String scope, String goal, String team,
			String dataNotes, String controlWatcher, String controlFigure, String controlFrequency,
			String controlResponse, Instant createdAt, String createdBy, Instant closedAt, int version) {

		public boolean closed() {
			return this.stage == Stage.CLOSED;
		}

	}

	/** Who does something to a project: a username and the name shown for it. */
	public record Actor(String username, String name) {

		public static Actor of(CurrentUser user) {
			return new Actor(user.getUsername(), user.displayName());
		}

	}

	/** What a user gives to start a project; months as YYYY-MM. */
	public record NewProject(String title, String owner, String measure, String unitCode, String baselineFrom,
			String changeMonth, String problem, String goal, String source, String sourceRef) {
	}

	/** A link attached to a sign-off or given as evidence. */
	public record Link(String label, String url) {
	}

	public record SignOff(Stage stage, String signedOffBy, String signedOffName, Instant signedOffAt, String note,
			List<Link> attachments) {
	}

	public record Cause(long causeId, String cause, String evidenceLabel, String evidenceUrl) {
	}

	public record Change(long changeId, String description, LocalDate startedOn, LocalDate endedOn, Long actionId) {
	}

	/** A project with everything recorded on it. */
	public record Record(Project project, List<SignOff> signOffs, List<Cause> causes, List<Change> changes) {
	}

	private static final String SELECT = """
			select p.*, coalesce(u.unit_name, p.unit_code) as unit_name
			from improvement_project p left join estate_unit u on u.unit_code = p.unit_code
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ProjectScope scope;

	private final MeasureSeries measures;

	private final Improvement improvement;

	private final ProcessCharts charts;

	Projects(JdbcClient jdbc, Clock clock, ProjectScope scope, MeasureSeries measures, Improvement improvement,
			ProcessCharts charts) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.scope = scope;
		this.measures = measures;
		this.improvement = improvement;
		this.charts = charts;
	}

	/**
	 * Starts a project in DEFINE, in its unit's SERVICE_IMPROVEMENT plan (created when
	 * missing).
	 * @throws InvalidProject listing every field that is wrong
	 */
	@Transactional
	public long start(NewProject command, CurrentUser user) {
		requireWorker(user);
		return start(command, Actor.of(user), (unit) -> this.scope.maySeeUnit(user, unit));
	}

	/**
	 * As {@link #start(NewProject, CurrentUser)}, for a caller trusted with every unit.
	 */
	@Transactional
	public long start(NewProject command, Actor actor) {
		return start(command, actor, (unit) -> true);
	}

	private long start(NewProject command, Actor actor, java.util.function.Predicate<String> unitVisible) {
		Map<String, String> errors = new LinkedHashMap<>();
		String title = trim(command.title());
		if (title == null) {
			errors.put("title", "Enter a title for the project");
		}
		else if (title.length() > 200) {
			errors.put("title", "The title must be 200 characters or fewer");
		}
		String measure = trim(command.measure());
		if (measure == null) {
			errors.put("measure", "Choose the measure the project aims to improve");
		}
		else if (!MeasureCode.isValid(measure) || this.measures.measure(new MeasureCode(measure)).isEmpty()) {
			errors.put("measure", "There is no measure " + measure);
		}
		String unit = trim(command.unitCode());
		if (unit == null) {
			errors.put("unit_code", "Enter the unit the project aims to improve");
		}
		else if (unit.length() > 12 || !unitExists(unit) || !unitVisible.test(unit)) {
			errors.put("unit_code", "There is no unit " + unit + " that you may see");
		}
		YearMonth from = month(command.baselineFrom(), "baseline_from", "the first month of the baseline", errors);
		YearMonth change = month(command.changeMonth(), "change_month", "the month of the change", errors);
		if (from != null && change != null && !from.isBefore(change)) {
			errors.put("change_month", "The change month must be after the first month of the baseline");
		}
		ProjectSource source = ProjectSource.MEASURE;
		if (trim(command.source()) != null) {
			source = ProjectSource.parse(command.source());
			if (source == null) {
				errors.put("source", "The source must be MEASURE, FLAG, AUDIT_THEME or SURVEY_ROUND");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidProject(errors);
		}
		String ref = trim(command.sourceRef());
		if (ref == null && source == ProjectSource.MEASURE) {
			ref = measure + " at " + unit;
		}
		String owner = trim(command.owner());
		long plan = this.improvement.planFor(PlanKind.SERVICE_IMPROVEMENT, new UnitCode(unit));
		return this.jdbc
			.sql("""
					insert into improvement_project (plan_id, title, owner, measure_code, unit_code, baseline_from,
					    change_month, source_kind, source_ref, problem, goal, created_at, created_by)
					values (:plan, :title, :owner, :measure, :unit, :from, :change, :source, :ref, :problem, :goal, :at, :by)
					returning project_id
					""")
			.param("plan", plan)
			.param("title", title)
			.param("owner", (owner != null) ? owner : actor.name())
			.param("measure", measure)
			.param("unit", unit)
			.param("from", from.atDay(1))
			.param("change", change.atDay(1))
			.param("source", source.name())
			.param("ref", ref)
			.param("problem", trim(command.problem()))
			.param("goal", trim(command.goal()))
			.param("at", Timestamp.from(this.clock.instant()))
			.param("by", actor.username())
			.query(Long.class)
			.single();
	}

	/** The project, when the user may see its unit. */
	@Transactional(readOnly = true)
	public Project get(long id, CurrentUser user) {
		Project project = find(id);
		if (!this.scope.maySeeUnit(user, project.unitCode().value())) {
			throw new ProjectNotFound(id);
		}
		return project;
	}

	/** The project, whoever asks: for callers trusted with every unit. */
	@Transactional(readOnly = true)
	public Project find(long id) {
		return this.jdbc.sql(SELECT + " where p.project_id = :id")
			.param("id", id)
			.query(this::project)
			.optional()
			.orElseThrow(() -> new ProjectNotFound(id));
	}

	@Transactional(readOnly = true)
	public Record record(long id, CurrentUser user) {
		Project project = get(id, user);
		Map<Stage, List<Link>> attachments = new LinkedHashMap<>();
		this.jdbc
			.sql("""
					select stage, label, url from improvement_project_attachment where project_id = :id order by attachment_id
					""")
			.param("id", id)
			.query((rs, i) -> attachments
				.computeIfAbsent(Stage.valueOf(rs.getString("stage")), (s) -> new ArrayList<>())
				.add(new Link(rs.getString("label"), rs.getString("url"))))
			.list();
		List<SignOff> signOffs = this.jdbc.sql("""
				select stage, signed_off_by, signed_off_name, signed_off_at, note from improvement_project_signoff
				where project_id = :id order by signed_off_at, stage
				""").param("id", id).query((rs, i) -> {
			Stage stage = Stage.valueOf(rs.getString("stage"));
			return new SignOff(stage, rs.getString("signed_off_by"), rs.getString("signed_off_name"),
					rs.getTimestamp("signed_off_at").toInstant(), rs.getString("note"),
					attachments.getOrDefault(stage, List.of()));
		}).list();
		List<Cause> causes = this.jdbc.sql("""
				select cause_id, cause, evidence_label, evidence_url from improvement_project_cause
				where project_id = :id order by cause_id
				""").param("id", id).query(Cause.class).list();
		List<Change> changes = this.jdbc.sql("""
				select change_id, description, started_on, ended_on, action_id from improvement_project_change
				where project_id = :id order by started_on, change_id
				""").param("id", id).query(Change.class).list();
		return new Record(project, signOffs, causes, changes);
	}

	/** The projects whose units the user may see, open ones first, newest first. */
	@Transactional(readOnly = true)
	public List<Project> list(CurrentUser user) {
		ProjectScope.Filter filter = this.scope.projects(user);
		return this.jdbc
			.sql(SELECT + " where " + filter.sql()
					+ " order by (p.stage = 'CLOSED'), p.created_at desc, p.project_id desc")
			.params(filter.params())
			.query(this::project)
			.list();
	}

	/**
	 * Signs off the current stage (who, when, the note and links) and opens {@code next},
	 * which must be the stage after it; signing off CONTROL closes the project.
	 * @throws StaleProject when {@code version} is not the project's current version
	 * @throws InvalidProject when {@code next} is not the next stage
	 */
	@Transactional
	public Project signOff(long id, String next, String note, List<Link> attachments, Integer version,
			CurrentUser user) {
		get(id, user);
		requireWorker(user);
		return signOff(id, next, note, attachments, version, Actor.of(user));
	}

	/** As the sign-off of a signed-in user, for a caller trusted with every unit. */
	@Transactional
	public Project signOff(long id, String next, String note, List<Link> attachments, Integer version, Actor actor) {
		Project project = find(id);
		if (version == null) {
			throw new InvalidProject("version", "Give the version of the project the sign-off was made from");
		}
		if (version != project.version()) {
			throw stale(project);
		}
		Stage stage = Stage.parse(next);
		if (stage == null || stage == Stage.DEFINE) {
			throw new InvalidProject("stage",
					"The stage must be MEASURE, ANALYSE, IMPROVE, CONTROL or CLOSED, not '" + next + "'");
		}
		if (project.closed()) {
			throw new InvalidProject("stage", "The project is closed: every stage is signed off");
		}
		if (stage != project.stage().next()) {
			throw new InvalidProject("stage", "The project is in " + project.stage().words() + ": sign it off to open "
					+ project.stage().next().words() + "; a stage cannot be skipped or signed off twice");
		}
		List<Link> links = links(attachments);
		Instant now = this.clock.instant();
		int updated = this.jdbc.sql("""
				update improvement_project set stage = :stage, version = version + 1,
				    closed_at = case when :stage = 'CLOSED' then cast(:now as timestamptz) end
				where project_id = :id and version = :version
				""")
			.param("stage", stage.name())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("version", version)
			.update();
		if (updated == 0) {
			throw stale(project);
		}
		this.jdbc
			.sql("""
					insert into improvement_project_signoff (project_id, stage, signed_off_by, signed_off_name, signed_off_at, note)
					values (:id, :stage, :by, :name, :at, :note)
					""")
			.param("id", id)
			.param("stage", project.stage().name())
			.param("by", actor.username())
			.param("name", actor.name())
			.param("at", Timestamp.from(now))
			.param("note", trim(note))
			.update();
		for (Link link : links) {
			this.jdbc.sql("""
					insert into improvement_project_attachment (project_id, stage, label, url)
					values (:id, :stage, :label, :url)
					""")
				.param("id", id)
				.param("stage", project.stage().name())
				.param("label", link.label())
				.param("url", link.url())
				.update();
		}
		return find(id);
	}

	/** Define: the charter. */
	@Transactional
	public Project changeCharter(long id, int version, String problem, String scope, String goal, String team,
			CurrentUser user) {
		worker(id, user);
		return changeCharter(id, version, problem, scope, goal, team, Actor.of(user));
	}

	@Transactional
	public Project changeCharter(long id, int version, String problem, String scope, String goal, String team,
			Actor actor) {
		Project project = editable(id, Stage.DEFINE);
		update(project, version, "problem = :problem, scope = :scope, goal = :goal, team = :team",
				params("problem", trim(problem), "scope", trim(scope), "goal", trim(goal), "team", trim(team)));
		return find(id);
	}

	/** Measure: notes on the data (its source, its gaps, what counts). */
	@Transactional
	public Project changeDataNotes(long id, int version, String notes, CurrentUser user) {
		worker(id, user);
		return changeDataNotes(id, version, notes, Actor.of(user));
	}

	@Transactional
	public Project changeDataNotes(long id, int version, String notes, Actor actor) {
		Project project = editable(id, Stage.MEASURE);
		update(project, version, "data_notes = :notes", params("notes", trim(notes)));
		return find(id);
	}

	/** Control: who watches which figure how often, and what they do when it signals. */
	@Transactional
	public Project changeControlPlan(long id, int version, String watcher, String figure, String frequency,
			String response, CurrentUser user) {
		worker(id, user);
		return changeControlPlan(id, version, watcher, figure, frequency, response, Actor.of(user));
	}

	@Transactional
	public Project changeControlPlan(long id, int version, String watcher, String figure, String frequency,
			String response, Actor actor) {
		Project project = editable(id, Stage.CONTROL);
		if (trim(watcher) == null || trim(figure) == null || trim(frequency) == null) {
			Map<String, String> errors = new LinkedHashMap<>();
			if (trim(watcher) == null) {
				errors.put("watcher", "Enter who watches the figure");
			}
			if (trim(figure) == null) {
				errors.put("figure", "Enter the figure they watch");
			}
			if (trim(frequency) == null) {
				errors.put("frequency", "Enter how often they look at it");
			}
			throw new InvalidProject(errors);
		}
		update(project, version,
				"control_watcher = :watcher, control_figure = :figure, control_frequency = :frequency, control_response = :response",
				params("watcher", trim(watcher), "figure", trim(figure), "frequency", trim(frequency), "response",
						trim(response)));
		return find(id);
	}

	/** Analyse: a root cause with the evidence for it (failed cases, audit findings). */
	@Transactional
	public Project addCause(long id, int version, String cause, String evidenceLabel, String evidenceUrl,
			CurrentUser user) {
		worker(id, user);
		return addCause(id, version, cause, evidenceLabel, evidenceUrl, Actor.of(user));
	}

	@Transactional
	public Project addCause(long id, int version, String cause, String evidenceLabel, String evidenceUrl, Actor actor) {
		Project project = editable(id, Stage.ANALYSE);
		Map<String, String> errors = new LinkedHashMap<>();
		if (trim(cause) == null) {
			errors.put("cause", "Enter the root cause");
		}
		if (trim(evidenceUrl) != null && !LINK.matcher(trim(evidenceUrl)).matches()) {
			errors.put("evidence_url", "The evidence must be a link starting with https://, http:// or /");
		}
		if (!errors.isEmpty()) {
			throw new InvalidProject(errors);
		}
		update(project, version, null, Map.of());
		this.jdbc
			.sql("""
					insert into improvement_project_cause (project_id, cause, evidence_label, evidence_url, added_by, added_at)
					values (:id, :cause, :label, :url, :by, :at)
					""")
			.param("id", id)
			.param("cause", trim(cause))
			.param("label", trim(evidenceLabel))
			.param("url", trim(evidenceUrl))
			.param("by", actor.username())
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		return find(id);
	}

	/**
	 * Improve: a change tried, from a date (to a date when it ended), with an action in
	 * the project's plan owned by the project owner, due when the change ends (or three
	 * months after it started).
	 */
	@Transactional
	public Project addChange(long id, int version, String description, LocalDate startedOn, LocalDate endedOn,
			CurrentUser user) {
		worker(id, user);
		return addChange(id, version, description, startedOn, endedOn, Actor.of(user));
	}

	@Transactional
	public Project addChange(long id, int version, String description, LocalDate startedOn, LocalDate endedOn,
			Actor actor) {
		Project project = editable(id, Stage.IMPROVE);
		Map<String, String> errors = new LinkedHashMap<>();
		if (trim(description) == null) {
			errors.put("description", "Describe the change");
		}
		if (startedOn == null) {
			errors.put("started_on", "Enter the date the change started");
		}
		if (startedOn != null && endedOn != null && endedOn.isBefore(startedOn)) {
			errors.put("ended_on", "The change cannot end before it started");
		}
		if (!errors.isEmpty()) {
			throw new InvalidProject(errors);
		}
		update(project, version, null, Map.of());
		long changeId = this.jdbc
			.sql("""
					insert into improvement_project_change (project_id, description, started_on, ended_on, added_by, added_at)
					values (:id, :description, :started, :ended, :by, :at) returning change_id
					""")
			.param("id", id)
			.param("description", trim(description))
			.param("started", startedOn)
			.param("ended", endedOn)
			.param("by", actor.username())
			.param("at", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		long action = this.improvement.raiseAction(new RaiseAction(PlanKind.SERVICE_IMPROVEMENT, project.unitCode(),
				new ActionSource(SourceKind.PROJECT, "PROJECT:" + id + ":CHANGE:" + changeId),
				"Improvement project \"" + project.title() + "\": " + trim(description),
				"Project owner: " + project.owner(), null, (endedOn != null) ? endedOn : startedOn.plusMonths(3)));
		this.jdbc.sql("update improvement_project_change set action_id = :action where change_id = :change")
			.param("action", action)
			.param("change", changeId)
			.update();
		return find(id);
	}

	/** The project's XmR chart: its measure for its unit, before and after its change. */
	@Transactional(readOnly = true)
	public XmrChart chart(Project project) {
		return this.charts.chart(project.measureCode(), project.unitCode(), project.baselineFrom(),
				project.changeMonth());
	}

	private void worker(long id, CurrentUser user) {
		get(id, user);
		requireWorker(user);
	}

	private Project editable(long id, Stage stage) {
		Project project = find(id);
		if (project.stage() != stage) {
			throw new InvalidProject("stage", "The " + stage.words() + " stage's record can be changed only while the "
					+ "project is in it; it is in " + project.stage().words());
		}
		return project;
	}

	private void update(Project project, int version, String set, Map<String, Object> params) {
		if (version != project.version()) {
			throw stale(project);
		}
		int updated = this.jdbc
			.sql("update improvement_project set " + ((set != null) ? set + ", " : "")
					+ "version = version + 1 where project_id = :id and version = :version")
			.params(params)
			.param("id", project.projectId())
			.param("version", version)
			.update();
		if (updated == 0) {
			throw stale(project);
		}
	}

	private static StaleProject stale(Project project) {
		return new StaleProject("The project \"" + project.title() + "\" was changed by someone else since you opened "
				+ "it: nothing was saved; open it again to see the changes");
	}

	private void requireWorker(CurrentUser user) {
		if (!this.scope.mayWorkOn(user)) {
			throw new AccessDeniedException("You may not start or change improvement projects");
		}
	}

	private boolean unitExists(String unit) {
		return this.jdbc.sql("select exists (select 1 from estate_unit where unit_code = :unit)")
			.param("unit", unit)
			.query(Boolean.class)
			.single();
	}

	private static List<Link> links(List<Link> given) {
		if (given == null) {
			return List.of();
		}
		List<Link> links = new ArrayList<>();
		for (Link link : given) {
			String url = (link != null) ? trim(link.url()) : null;
			if (url == null) {
				continue;
			}
			if (!LINK.matcher(url).matches()) {
				throw new InvalidProject("attachments",
						"An attachment must be a link starting with https://, http:// or /, not '" + url + "'");
			}
			String label = trim(link.label());
			links.add(new Link((label != null) ? label : url, url));
		}
		return links;
	}

	private static YearMonth month(String text, String field, String what, Map<String, String> errors) {
		String value = trim(text);
		if (value == null) {
			errors.put(field, "Enter " + what + " as a year and month, like 2024-01");
			return null;
		}
		if (!MONTH.matcher(value).matches()) {
			errors.put(field, "Enter " + what + " as a year and month, like 2024-01, not '" + value + "'");
			return null;
		}
		try {
			return YearMonth.parse(value);
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "Enter " + what + " as a year and month, like 2024-01");
			return null;
		}
	}

	static String trim(String s) {
		if (s == null) {
			return null;
		}
		String t = s.strip();
		return t.isEmpty() ? null : t;
	}

	/** Named parameters, some of them null. */
	private static Map<String, Object> params(Object... namesAndValues) {
		Map<String, Object> params = new java.util.HashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			params.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return params;
	}

	private Project project(ResultSet rs, int i) throws SQLException {
		String measure = rs.getString("measure_code");
		Timestamp closed = rs.getTimestamp("closed_at");
		Object plan = rs.getObject("plan_id");
		return new Project(rs.getLong("project_id"), (plan != null) ? ((Number) plan).longValue() : null,
				rs.getString("title"), rs.getString("owner"), new MeasureCode(measure),
				this.measures.measure(new MeasureCode(measure)).map(MeasureSeries.MeasureTitle::title).orElse(measure),
				new UnitCode(rs.getString("unit_code")), rs.getString("unit_name"),
				YearMonth.from(rs.getObject("baseline_from", LocalDate.class)),
				YearMonth.from(rs.getObject("change_month", LocalDate.class)),
				ProjectSource.valueOf(rs.getString("source_kind")), rs.getString("source_ref"),
				Stage.valueOf(rs.getString("stage")), rs.getString("problem"), rs.getString("scope"),
				rs.getString("goal"), rs.getString("team"), rs.getString("data_notes"), rs.getString("control_watcher"),
				rs.getString("control_figure"), rs.getString("control_frequency"), rs.getString("control_response"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				(closed != null) ? closed.toInstant() : null, rs.getInt("version"));
	}

}
