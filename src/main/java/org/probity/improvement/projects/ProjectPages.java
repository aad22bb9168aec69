package org.probity.improvement.projects;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.probity.accounts.CurrentUser;
import org.probity.improvement.spc.XmrChart;
import org.probity.measures.MeasureSeries;
import org.probity.shared.Clocks;
import org.probity.shared.MeasureCode;
import org.probity.shared.web.TableExport;
import org.probity.shared.UnitCode;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Pages of improvement projects: the list, starting one (from a measure or a flag), each
 * stage with its record and its sign-off (checked before it is made), the project's XmR
 * chart with the table of its numbers, and the process chart of any measure and unit.
 */
@Controller
class ProjectPages {

	static final String VIEWERS = "hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')";

	/** A project in the list, with its chart's verdict. */
	record Line(Projects.Project project, String verdict, String verdictTag) {
	}

	private final Projects projects;

	private final ProcessCharts charts;

	private final MeasureSeries measures;

	private final ProjectScope scope;

	private final Clock clock;

	private final WhatWorks whatWorks;

	ProjectPages(Projects projects, ProcessCharts charts, MeasureSeries measures, ProjectScope scope, Clock clock,
			WhatWorks whatWorks) {
		this.projects = projects;
		this.charts = charts;
		this.measures = measures;
		this.scope = scope;
		this.clock = clock;
		this.whatWorks = whatWorks;
	}

	@GetMapping("/projects/what-works")
	@PreAuthorize(VIEWERS)
	Object whatWorks(@RequestParam(required = false) String format, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		List<WhatWorks.Entry> entries = this.whatWorks.entries(user);
		if (TableExport.wanted(format)) {
			return TableExport.response("what-works", format, this.whatWorks.table(entries));
		}
		model.addAttribute("entries", entries);
		return "improvement/projects/what-works";
	}

	@GetMapping("/projects/what-works.pdf")
	@PreAuthorize(VIEWERS)
	ResponseEntity<byte[]> whatWorksPdf(@AuthenticationPrincipal CurrentUser user,
			jakarta.servlet.http.HttpServletRequest request) {
		String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("what-works.pdf").build().toString())
			.body(this.whatWorks.pdf(this.whatWorks.entries(user), base));
	}

	@GetMapping("/projects")
	@PreAuthorize(VIEWERS)
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		List<Line> lines = new ArrayList<>();
		for (Projects.Project p : this.projects.list(user)) {
			ChartView chart = ChartView.of(this.projects.chart(p));
			lines.add(new Line(p, chart.verdict(), chart.verdictTag()));
		}
		model.addAttribute("lines", lines);
		model.addAttribute("mayStart", this.scope.mayWorkOn(user));
		return "improvement/projects/list";
	}

	@GetMapping("/projects/new")
	@PreAuthorize(VIEWERS)
	String startForm(@RequestParam(required = false) String measure, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String source, @RequestParam(required = false) String ref,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		if (unit != null && !unit.isBlank() && !this.scope.maySeeUnit(user, unit.strip())) {
			throw new AccessDeniedException("You may not start a project for unit " + unit.strip());
		}
		YearMonth now = YearMonth.now(this.clock.withZone(Clocks.LONDON));
		Map<String, String> form = new LinkedHashMap<>();
		form.put("title", "");
		form.put("owner", "");
		form.put("measure", (measure != null) ? measure : "");
		form.put("unit_code", (unit != null) ? unit : "");
		form.put("baseline_from", now.minusMonths(12).toString());
		form.put("change_month", now.toString());
		form.put("problem", "");
		form.put("goal", "");
		form.put("source", (ProjectSource.parse(source) != null) ? ProjectSource.parse(source).name() : "MEASURE");
		form.put("source_ref", (ref != null) ? ref : "");
		return startPage(form, Map.of(), model);
	}

	@PostMapping("/projects")
	@PreAuthorize(VIEWERS)
	String start(@RequestParam Map<String, String> form, @AuthenticationPrincipal CurrentUser user, Model model) {
		try {
			long id = this.projects.start(new Projects.NewProject(form.get("title"), form.get("owner"),
					form.get("measure"), form.get("unit_code"), form.get("baseline_from"), form.get("change_month"),
					form.get("problem"), form.get("goal"), form.get("source"), form.get("source_ref")), user);
			return "redirect:/projects/" + id;
		}
		catch (InvalidProject ex) {
			return startPage(form, ex.errors(), model);
		}
	}

	@GetMapping("/projects/{id}")
	@PreAuthorize(VIEWERS)
	String project(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Projects.Record record = record(id, user);
		model.addAttribute("record", record);
		model.addAttribute("p", record.project());
		model.addAttribute("stages", Stage.signedOff());
		model.addAttribute("signOffs", signOffsByStage(record));
		model.addAttribute("chart", ChartView.of(this.projects.chart(record.project())));
		return "improvement/projects/project";
	}

	@GetMapping("/projects/{id}/stages/{stage}")
	@PreAuthorize(VIEWERS)
	String stage(@PathVariable long id, @PathVariable String stage, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		return stagePage(id, stageOf(stage), user, Map.of(), null, Map.of(), model);
	}

	@PostMapping("/projects/{id}/charter")
	@PreAuthorize(VIEWERS)
	String charter(@PathVariable long id, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		return save(id, Stage.DEFINE, form, user, model, () -> this.projects.changeCharter(id, version(form),
				form.get("problem"), form.get("scope"), form.get("goal"), form.get("team"), user));
	}

	@PostMapping("/projects/{id}/data-notes")
	@PreAuthorize(VIEWERS)
	String dataNotes(@PathVariable long id, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		return save(id, Stage.MEASURE, form, user, model,
				() -> this.projects.changeDataNotes(id, version(form), form.get("data_notes"), user));
	}

	@PostMapping("/projects/{id}/causes")
	@PreAuthorize(VIEWERS)
	String cause(@PathVariable long id, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		return save(id, Stage.ANALYSE, form, user, model, () -> this.projects.addCause(id, version(form),
				form.get("cause"), form.get("evidence_label"), form.get("evidence_url"), user));
	}

	@PostMapping("/projects/{id}/changes")
	@PreAuthorize(VIEWERS)
	String change(@PathVariable long id, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		return save(id, Stage.IMPROVE, form, user, model,
				() -> this.projects.addChange(id, version(form), form.get("description"),
						date(form.get("started_on"), "started_on"), date(form.get("ended_on"), "ended_on"), user));
	}

	@PostMapping("/projects/{id}/control-plan")
	@PreAuthorize(VIEWERS)
	String controlPlan(@PathVariable long id, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		return save(id, Stage.CONTROL, form, user, model, () -> this.projects.changeControlPlan(id, version(form),
				form.get("watcher"), form.get("figure"), form.get("frequency"), form.get("response"), user));
	}

	/** Check your answers before a sign-off. */
	@PostMapping("/projects/{id}/sign-off")
	@PreAuthorize(VIEWERS)
	String checkSignOff(@PathVariable long id, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		Projects.Record record = record(id, user);
		Stage current = record.project().stage();
		Map<String, String> errors = new LinkedHashMap<>();
		if (Projects.trim(form.get("note")) == null) {
			errors.put("note", "Enter a note on what the " + current.words() + " stage found or decided");
		}
		String url = Projects.trim(form.get("link_url"));
		if (url != null && !url.matches("(https?://|/)\\S+")) {
			errors.put("link_url", "The link must start with https://, http:// or /");
		}
		if (!errors.isEmpty()) {
			return stagePage(id, current, user, Map.of(), null, errors, model, form);
		}
		model.addAttribute("record", record);
		model.addAttribute("p", record.project());
		model.addAttribute("form", form);
		return "improvement/projects/sign-off-check";
	}

	@PostMapping("/projects/{id}/sign-off/confirm")
	@PreAuthorize(VIEWERS)
	String signOff(@PathVariable long id, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		Projects.Project before = record(id, user).project();
		List<Projects.Link> links = new ArrayList<>();
		if (Projects.trim(form.get("link_url")) != null) {
			links.add(new Projects.Link(form.get("link_label"), form.get("link_url")));
		}
		try {
			Projects.Project after = this.projects.signOff(id, form.get("stage"), form.get("note"), links,
					version(form), user);
			return "redirect:/projects/" + id + (after.closed() ? "" : "/stages/" + after.stage().name().toLowerCase());
		}
		catch (StaleProject ex) {
			return stagePage(id, before.stage(), user, Map.of(), ex.getMessage(), Map.of(), model);
		}
		catch (InvalidProject ex) {
			return stagePage(id, before.stage(), user, Map.of(), null, ex.errors(), model);
		}
	}

	@GetMapping("/projects/{id}/chart")
	@PreAuthorize(VIEWERS)
	Object chart(@PathVariable long id, @RequestParam(required = false) String format,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		Projects.Project p = record(id, user).project();
		ChartView chart = ChartView.of(this.projects.chart(p));
		if (TableExport.wanted(format)) {
			return chart.export("project-" + id + "-chart", format);
		}
		model.addAttribute("p", p);
		model.addAttribute("chart", chart);
		model.addAttribute("measureTitle", p.measureTitle());
		model.addAttribute("unitName", p.unitName());
		return "improvement/projects/chart";
	}

	@GetMapping("/process-chart")
	@PreAuthorize(VIEWERS)
	Object processChart(@RequestParam(required = false) String measure, @RequestParam(required = false) String unit,
			@RequestParam(name = "baseline_from", required = false) String baselineFrom,
			@RequestParam(name = "change_month", required = false) String changeMonth,
			@RequestParam(required = false) String format, @AuthenticationPrincipal CurrentUser user, Model model) {
		YearMonth now = YearMonth.now(this.clock.withZone(Clocks.LONDON));
		Map<String, String> form = new LinkedHashMap<>();
		form.put("measure", (measure != null) ? measure : "");
		form.put("unit", (unit != null) ? unit : "");
		form.put("baseline_from", (baselineFrom != null) ? baselineFrom : now.minusMonths(18).toString());
		form.put("change_month", (changeMonth != null) ? changeMonth : now.minusMonths(6).toString());
		model.addAttribute("form", form);
		model.addAttribute("measures", this.measures.measures());
		model.addAttribute("errors", Map.of());
		if (unit != null && !unit.isBlank() && !this.scope.maySeeUnit(user, unit.strip())) {
			throw new AccessDeniedException("You may not see unit " + unit.strip());
		}
		if (measure == null || unit == null) {
			return "improvement/projects/process-chart";
		}
		try {
			ProjectsApi.ProcessChartRequest request = ProjectsApi.ProcessChartRequest.read(measure, unit,
					form.get("baseline_from"), form.get("change_month"));
			if (!this.scope.maySeeUnit(user, request.unit())) {
				throw new InvalidProject("unit", "There is no unit " + request.unit() + " that you may see");
			}
			XmrChart xmr = this.charts.chart(request.measureCode(), new UnitCode(request.unit()),
					request.baselineFrom(), request.changeMonth());
			ChartView chart = ChartView.of(xmr);
			if (TableExport.wanted(format)) {
				return chart.export(request.measure() + "-" + request.unit() + "-process-chart", format);
			}
			model.addAttribute("chart", chart);
			model.addAttribute("measureTitle",
					this.measures.measure(new MeasureCode(request.measure()))
						.map(MeasureSeries.MeasureTitle::title)
						.orElse(measure));
			model.addAttribute("unitName", request.unit());
		}
		catch (InvalidProject ex) {
			model.addAttribute("errors", ex.errors());
		}
		return "improvement/projects/process-chart";
	}

	private String startPage(Map<String, String> given, Map<String, String> errors, Model model) {
		Map<String, String> form = new LinkedHashMap<>(given);
		for (String field : List.of("title", "owner", "measure", "unit_code", "baseline_from", "change_month",
				"problem", "goal", "source_ref")) {
			form.putIfAbsent(field, "");
		}
		ProjectSource source = ProjectSource.parse(form.get("source"));
		form.put("source", (source != null) ? source.name() : ProjectSource.MEASURE.name());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("measures", this.measures.measures());
		model.addAttribute("sources", ProjectSource.values());
		return "improvement/projects/new";
	}

	private String save(long id, Stage stage, Map<String, String> form, CurrentUser user, Model model,
			Runnable change) {
		try {
			change.run();
			return "redirect:/projects/" + id + "/stages/" + stage.name().toLowerCase();
		}
		catch (StaleProject ex) {
			return stagePage(id, stage, user, form, ex.getMessage(), Map.of(), model);
		}
		catch (InvalidProject ex) {
			return stagePage(id, stage, user, form, null, ex.errors(), model);
		}
	}

	private String stagePage(long id, Stage stage, CurrentUser user, Map<String, String> form, String conflict,
			Map<String, String> errors, Model model) {
		return stagePage(id, stage, user, form, conflict, errors, model, Map.of());
	}

	private String stagePage(long id, Stage stage, CurrentUser user, Map<String, String> form, String conflict,
			Map<String, String> errors, Model model, Map<String, String> signOffForm) {
		Projects.Record record = record(id, user);
		Projects.Project p = record.project();
		model.addAttribute("record", record);
		model.addAttribute("p", p);
		model.addAttribute("stage", stage);
		model.addAttribute("current", p.stage() == stage);
		model.addAttribute("opened", p.stage().ordinal() >= stage.ordinal());
		model.addAttribute("signOff", signOffsByStage(record).get(stage));
		model.addAttribute("form", form);
		model.addAttribute("signOffForm", signOffForm);
		model.addAttribute("conflict", conflict);
		model.addAttribute("errors", errors);
		model.addAttribute("mayWork", this.scope.mayWorkOn(user));
		if (stage == Stage.MEASURE || stage == Stage.CONTROL) {
			model.addAttribute("chart", ChartView.of(this.projects.chart(p)));
		}
		return "improvement/projects/stage";
	}

	private static Map<Stage, Projects.SignOff> signOffsByStage(Projects.Record record) {
		Map<Stage, Projects.SignOff> byStage = new LinkedHashMap<>();
		record.signOffs().forEach((s) -> byStage.put(s.stage(), s));
		return byStage;
	}

	private Projects.Record record(long id, CurrentUser user) {
		try {
			return this.projects.record(id, user);
		}
		catch (ProjectNotFound ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, ex.getMessage());
		}
	}

	private static Stage stageOf(String text) {
		Stage stage = Stage.parse(text);
		if (stage == null || stage == Stage.CLOSED) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No stage " + text);
		}
		return stage;
	}

	private static int version(Map<String, String> form) {
		try {
			return Integer.parseInt(form.getOrDefault("version", ""));
		}
		catch (NumberFormatException ex) {
			throw new InvalidProject("version", "The page was not opened from a project: open the project again");
		}
	}

	private static LocalDate date(String text, String field) {
		String t = Projects.trim(text);
		if (t == null) {
			return null;
		}
		try {
			return LocalDate.parse(t);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidProject(field, "Enter the date as year-month-day, like 2026-04-01");
		}
	}

}
