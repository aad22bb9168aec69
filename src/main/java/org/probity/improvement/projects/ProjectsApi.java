package org.probity.improvement.projects;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.probity.accounts.CurrentUser;
import org.probity.shared.MeasureCode;
import org.probity.shared.UnitCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Improvement projects as JSON: start one, sign its stages off in order, and read its XmR
 * chart; and the process chart of any measure and unit.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Improvement projects",
		description = "Define, Measure, Analyse, Improve, Control, with an XmR chart of the project's measure")
class ProjectsApi {

	static final String WORKERS = "hasAnyRole('ADMIN','QUALITY_TEAM','API_CLIENT','SENIOR_MANAGER','LINE_MANAGER')";

	record StartRequest(String title, String owner, String measure, String unitCode, String baselineFrom,
			String changeMonth, String problem, String goal, String source, String sourceRef) {
	}

	record StageRequest(String stage, String note, Integer version, List<Projects.Link> attachments) {
	}

	record SourceBody(String kind, String ref) {
	}

	record SignOffBody(String stage, String signedOffBy, String signedOffName, Instant signedOffAt, String note,
			List<Projects.Link> attachments) {
	}

	record ProjectBody(long projectId, String stage, int version, String title, String owner, String measure,
			String unitCode, String baselineFrom, String changeMonth, Long planId, SourceBody source, String problem,
			String scope, String goal, String team, String dataNotes, List<SignOffBody> signOffs, Instant closedAt) {

		static ProjectBody of(Projects.Project p, List<Projects.SignOff> signOffs) {
			return new ProjectBody(p.projectId(), p.stage().name(), p.version(), p.title(), p.owner(),
					p.measureCode().value(), p.unitCode().value(), p.baselineFrom().toString(),
					p.changeMonth().toString(), p.planId(), new SourceBody(p.source().name(), p.sourceRef()),
					p.problem(), p.scope(), p.goal(), p.team(), p.dataNotes(),
					signOffs.stream()
						.map((s) -> new SignOffBody(s.stage().name(), s.signedOffBy(), s.signedOffName(),
								s.signedOffAt(), s.note(), s.attachments()))
						.toList(),
					p.closedAt());
		}

	}

	record ProjectsBody(List<ProjectBody> projects) {
	}

	private final Projects projects;

	private final ProcessCharts charts;

	private final ProjectScope scope;

	ProjectsApi(Projects projects, ProcessCharts charts, ProjectScope scope) {
		this.projects = projects;
		this.charts = charts;
		this.scope = scope;
	}

	@PostMapping("/projects")
	@PreAuthorize(WORKERS)
	@Operation(summary = "Start an improvement project in DEFINE",
			description = "baseline_from and change_month are YYYY-MM; source is MEASURE (the default), FLAG, "
					+ "AUDIT_THEME or SURVEY_ROUND with source_ref. 422 lists every field that is wrong.")
	ResponseEntity<ProjectBody> start(@RequestBody StartRequest request, @AuthenticationPrincipal CurrentUser user) {
		long id = this.projects.start(new Projects.NewProject(request.title(), request.owner(), request.measure(),
				request.unitCode(), request.baselineFrom(), request.changeMonth(), request.problem(), request.goal(),
				request.source(), request.sourceRef()), user);
		return ResponseEntity.status(HttpStatus.CREATED).body(body(id, user));
	}

	@GetMapping("/projects")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "The projects of the units you may see")
	ProjectsBody list(@AuthenticationPrincipal CurrentUser user) {
		return new ProjectsBody(this.projects.list(user).stream().map((p) -> ProjectBody.of(p, List.of())).toList());
	}

	@GetMapping("/projects/{id}")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "A project with its sign-offs")
	ProjectBody project(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return body(id, user);
	}

	@PostMapping("/projects/{id}/stages")
	@PreAuthorize(WORKERS)
	@Operation(summary = "Sign off the current stage and open the next",
			description = "stage must be the one after the current stage (CLOSED after CONTROL): skipping one is 422; "
					+ "version must be the project's current version: a stale one is 409 and changes nothing.")
	ProjectBody signOff(@PathVariable long id, @RequestBody StageRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		this.projects.signOff(id, request.stage(), request.note(), request.attachments(), request.version(), user);
		return body(id, user);
	}

	@GetMapping("/projects/{id}/chart")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "The XmR chart of the project's measure and unit",
			description = "Baseline from baseline_from to the month before change_month; months to the latest with "
					+ "results; value null (and left out) for a month with no cases.")
	ChartBody chart(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		Projects.Project p = this.projects.get(id, user);
		return ChartBody.of(p.measureCode().value(), p.unitCode().value(), this.projects.chart(p));
	}

	@GetMapping("/process-chart")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "The XmR chart of any measure and unit with a chosen baseline",
			description = "baseline_from and change_month as YYYY-MM; the months from change_month on are judged "
					+ "against the baseline before it.")
	ChartBody processChart(@RequestParam String measure, @RequestParam String unit,
			@RequestParam("baseline_from") String baselineFrom, @RequestParam("change_month") String changeMonth,
			@AuthenticationPrincipal CurrentUser user) {
		ProcessChartRequest request = ProcessChartRequest.read(measure, unit, baselineFrom, changeMonth);
		if (!this.scope.maySeeUnit(user, request.unit())) {
			throw new InvalidProject("unit", "There is no unit " + request.unit() + " that you may see");
		}
		return ChartBody.of(request.measure(), request.unit(), this.charts.chart(request.measureCode(),
				new UnitCode(request.unit()), request.baselineFrom(), request.changeMonth()));
	}

	private ProjectBody body(long id, CurrentUser user) {
		Projects.Record record = this.projects.record(id, user);
		return ProjectBody.of(record.project(), record.signOffs());
	}

	/** The process chart's parameters, read and checked. */
	record ProcessChartRequest(String measure, String unit, YearMonth baselineFrom, YearMonth changeMonth) {

		static ProcessChartRequest read(String measure, String unit, String baselineFrom, String changeMonth) {
			java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
			YearMonth from = parse(baselineFrom, "baseline_from", errors);
			YearMonth change = parse(changeMonth, "change_month", errors);
			if (from != null && change != null && !from.isBefore(change)) {
				errors.put("change_month", "The change month must be after the first month of the baseline");
			}
			if (Projects.trim(measure) == null) {
				errors.put("measure", "Choose a measure");
			}
			String u = Projects.trim(unit);
			if (u == null || u.length() > 12) {
				errors.put("unit", "Enter a unit code");
			}
			if (!errors.isEmpty()) {
				throw new InvalidProject(errors);
			}
			return new ProcessChartRequest(measure.trim(), u, from, change);
		}

		/**
		 * The measure as a code: text that cannot be one is refused as the chart refuses
		 * a code without a measure.
		 */
		MeasureCode measureCode() {
			if (!MeasureCode.isValid(this.measure)) {
				throw new InvalidProject("measure", "There is no measure " + this.measure);
			}
			return new MeasureCode(this.measure);
		}

		private static YearMonth parse(String text, String field, java.util.Map<String, String> errors) {
			String t = Projects.trim(text);
			if (t == null || !t.matches("\\d{4}-(0[1-9]|1[0-2])")) {
				errors.put(field, "Enter " + field + " as a year and month, like 2024-01");
				return null;
			}
			return YearMonth.parse(t);
		}

	}

}
