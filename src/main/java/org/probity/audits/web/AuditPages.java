package org.probity.audits.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.probity.accounts.CurrentUser;
import org.probity.audits.AuditAlerts;
import org.probity.audits.AuditChanged;
import org.probity.audits.AuditProgrammes;
import org.probity.audits.AuditTemplates;
import org.probity.audits.CaseAudits;
import org.probity.audits.NotFound;
import org.probity.audits.PopulationFilter;
import org.probity.audits.ProgrammeKind;
import org.probity.audits.ProgrammeRequest;
import org.probity.audits.Recurrence;
import org.probity.audits.TemplateDefinition;
import org.probity.audits.sampling.ConfidenceLevel;
import org.probity.audits.sampling.SampleSize;
import org.probity.audits.sampling.Samples;
import org.probity.estate.Visibility;
import org.probity.shared.Crn;
import org.probity.shared.web.ProblemPage;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The quality team's pages: programmes, drawing samples, templates. */
@Controller
@ProblemPage("audits/problem")
@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
class AuditPages {

	private final AuditProgrammes programmes;

	private final Samples samples;

	private final AuditTemplates templates;

	private final AuditAlerts alerts;

	private final CaseAudits audits;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Visibility visibility;

	AuditPages(AuditProgrammes programmes, Samples samples, AuditTemplates templates, AuditAlerts alerts,
			CaseAudits audits, JdbcClient jdbc, Clock clock, Visibility visibility) {
		this.visibility = visibility;
		this.audits = audits;
		this.programmes = programmes;
		this.samples = samples;
		this.templates = templates;
		this.alerts = alerts;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@GetMapping("/audits")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER','PRACTITIONER')")
	String dashboard(@AuthenticationPrincipal CurrentUser user, Model model) {
		boolean team = user.role() == org.probity.accounts.Role.ADMIN
				|| user.role() == org.probity.accounts.Role.QUALITY_TEAM;
		model.addAttribute("team", team);
		model.addAttribute("programmes", team ? this.programmes.all() : List.of());
		List<AuditAlerts.Alert> overdue = team ? this.alerts.visibleOf(user, this.alerts.overdue()) : List.of();
		List<AuditAlerts.Alert> open = this.alerts.openAlertsFor(user);
		this.alerts.logShown(user, "Case audits: overdue alerts", overdue);
		this.alerts.logShown(user, "Case audits: open alerts", open);
		model.addAttribute("overdue", overdue);
		model.addAttribute("openAlerts", open);
		return "audits/dashboard";
	}

	@GetMapping("/audits/programmes/new")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String newProgramme(Model model) {
		model.addAttribute("form", Map.of());
		return programmeForm(Map.of(), model);
	}

	private String programmeForm(Map<String, String> errors, Model model) {
		model.addAttribute("errors", errors);
		model.addAttribute("templates", this.templates.all());
		model.addAttribute("auditors",
				this.jdbc
					.sql("""
							select username, display_name, role from account_directory where enabled and role <> 'API_CLIENT' order by display_name
							""")
					.query()
					.listOfRows());
		return "audits/programme-new";
	}

	@PostMapping("/audits/programmes")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String createProgramme(@RequestParam MultiValueMap<String, String> params,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		Map<String, String> form = params.toSingleValueMap();
		model.addAttribute("form", form);
		model.addAttribute("selectedAuditors", params.getOrDefault("auditors", List.of()));
		model.addAttribute("selectedTypes", params.getOrDefault("eventTypes", List.of()));
		try {
			boolean perPractitioner = "PER_PRACTITIONER".equals(form.get("sizing"));
			ProgrammeRequest request = new ProgrammeRequest(form.get("name"),
					enumOf(ProgrammeKind.class, form.get("kind"), "Choose the kind of programme"),
					form.get("templateCode"), filter(params),
					perPractitioner ? null : integer(form.get("sampleSize"), "sample size"),
					perPractitioner ? integer(form.get("perPractitioner"), "number of audits per practitioner") : null,
					split(form.get("practitioners")), "true".equals(form.get("stratified")),
					enumOf(Recurrence.class, form.get("recurrence"), "Choose how often the programme recurs"),
					month(form.get("startMonth"), "start month"), month(form.get("endMonth"), "end month"),
					params.getOrDefault("auditors", List.of()), null);
			long id = this.programmes.create(request, user.getUsername()).programmeId();
			return "redirect:/audits/programmes/" + id;
		}
		catch (IllegalArgumentException ex) {
			return programmeForm(Map.of("name", ex.getMessage()), model);
		}
	}

	@GetMapping("/audits/programmes/{id}")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String programme(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		AuditProgrammes.Programme programme = this.programmes.find(id)
			.orElseThrow(() -> new NotFound("No audit programme " + id));
		List<AuditProgrammes.PlannedAudit> audits = this.programmes.audits(id);
		Set<String> restricted = this.visibility.restrictedAmong(user,
				crns(audits.stream().map(AuditProgrammes.PlannedAudit::crn).toList()));
		this.visibility.logCases(user, "Audit programme " + id,
				crns(audits.stream()
					.map(AuditProgrammes.PlannedAudit::crn)
					.filter((c) -> c != null && !restricted.contains(c))
					.toList()),
				crns(restricted));
		model.addAttribute("programme", programme);
		model.addAttribute("rounds", this.programmes.rounds(id));
		model.addAttribute("audits", audits);
		model.addAttribute("restricted", restricted);
		int populationSize = this.samples
			.population(this.programmes.population(programme)
				.withDefaultWindow(LocalDate.now(this.clock), LocalDate.now(this.clock).plusWeeks(4)))
			.size();
		model.addAttribute("populationSize", populationSize);
		model.addAttribute("recommended",
				SampleSize.recommended(ConfidenceLevel.PERCENT_80, SampleSize.DEFAULT_MARGIN, (long) populationSize));
		model.addAttribute("defaultDue", LocalDate.now(this.clock).plusWeeks(4));
		model.addAttribute("drawErrors", Map.of());
		return "audits/programme";
	}

	@PostMapping("/audits/programmes/{id}/draw")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String draw(@PathVariable long id, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		try {
			Integer size = integer(form.get("sampleSize"), "sample size");
			LocalDate due = date(form.get("dueDate"), "due date");
			Long seed = (form.get("seed") == null || form.get("seed").isBlank()) ? null
					: Long.valueOf(form.get("seed").trim());
			AuditProgrammes.Draw draw = this.programmes.drawNow(id, size, "true".equals(form.get("stratified")), seed,
					due, user.getUsername());
			return "redirect:/audits/samples/" + draw.sampleId();
		}
		catch (IllegalArgumentException ex) {
			programme(id, user, model);
			model.addAttribute("drawErrors", Map.of("sampleSize", ex.getMessage()));
			return "audits/programme";
		}
	}

	@PostMapping("/audits/{auditId:\\d+}/assign")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String assign(@PathVariable long auditId, @RequestParam long programmeId, @RequestParam String auditor,
			@RequestParam int version, @AuthenticationPrincipal CurrentUser user, Model model) {
		try {
			this.audits.assign(auditId, auditor.trim(), version, user);
			return "redirect:/audits/programmes/" + programmeId;
		}
		catch (IllegalArgumentException | AuditChanged ex) {
			programme(programmeId, user, model);
			model.addAttribute("drawErrors", Map.of("assign", ex.getMessage()));
			return "audits/programme";
		}
	}

	@GetMapping("/audits/samples/new")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String newSample(@RequestParam MultiValueMap<String, String> params, Model model) {
		Map<String, String> form = params.toSingleValueMap();
		model.addAttribute("form", form);
		model.addAttribute("selectedTypes", params.getOrDefault("eventTypes", List.of()));
		model.addAttribute("errors", Map.of());
		if (!params.isEmpty()) {
			try {
				PopulationFilter filter = filter(params);
				long size = this.samples.population(filter).size();
				BigDecimal margin = decimal(form.getOrDefault("margin", "0.05"));
				int confidence = Integer.parseInt(form.getOrDefault("confidence", "80"));
				model.addAttribute("populationSize", size);
				model.addAttribute("recommended",
						SampleSize.recommended(ConfidenceLevel.ofPercent(confidence), margin, size));
			}
			catch (IllegalArgumentException ex) {
				model.addAttribute("errors", Map.of("unitCode", ex.getMessage()));
			}
		}
		return "audits/sample-new";
	}

	@PostMapping("/audits/samples")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String drawSample(@RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		Map<String, String> form = params.toSingleValueMap();
		try {
			Integer size = integer(form.get("sampleSize"), "sample size");
			if (size == null) {
				throw new IllegalArgumentException("Enter the sample size");
			}
			Long seed = (form.get("seed") == null || form.get("seed").isBlank()) ? null
					: Long.valueOf(form.get("seed").trim());
			Samples.Sample sample = this.samples.draw(null, null, filter(params), size,
					"true".equals(form.get("stratified")), seed, user.getUsername());
			return "redirect:/audits/samples/" + sample.sampleId();
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("form", form);
			model.addAttribute("selectedTypes", params.getOrDefault("eventTypes", List.of()));
			model.addAttribute("errors", Map.of("sampleSize", ex.getMessage()));
			return "audits/sample-new";
		}
	}

	@GetMapping("/audits/samples/{id}")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String sample(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Samples.Sample sample = this.samples.find(id).orElseThrow(() -> new NotFound("No sample " + id));
		Set<String> restricted = this.visibility.restrictedAmong(user,
				crns(sample.cases().stream().map(Samples.SampleCase::crn).toList()));
		this.visibility.logCases(user, "Audit sample " + id, crns(
				sample.cases().stream().map(Samples.SampleCase::crn).filter((c) -> !restricted.contains(c)).toList()),
				crns(restricted));
		model.addAttribute("sample", sample);
		model.addAttribute("restricted", restricted);
		model.addAttribute("reproduced",
				this.samples.redraw(id)
					.map((again) -> again.equals(sample.cases().stream().map(Samples.SampleCase::eventId).toList()))
					.orElse(false));
		Map<String, Long> auditIds = new LinkedHashMap<>();
		this.jdbc.sql("select event_id, audit_id from case_audit where sample_id = :id")
			.param("id", id)
			.query((rs, n) -> auditIds.put(rs.getString(1), rs.getLong(2)))
			.list();
		model.addAttribute("auditIds", auditIds);
		return "audits/sample";
	}

	@GetMapping("/audits/templates")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String templates(Model model) {
		model.addAttribute("templates", this.templates.all());
		return "audits/templates";
	}

	@GetMapping("/audits/templates/{code}")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String template(@PathVariable String code, @RequestParam(required = false) Integer version, Model model) {
		AuditTemplates.Template template = ((version != null) ? this.templates.version(code, version)
				: this.templates.current(code))
			.orElseThrow(() -> new NotFound("No template " + code));
		model.addAttribute("template", template);
		return "audits/template";
	}

	@GetMapping("/audits/templates/{code}/edit")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String editTemplate(@PathVariable String code, Model model) {
		AuditTemplates.Template template = this.templates.current(code)
			.orElseThrow(() -> new NotFound("No template " + code));
		model.addAttribute("template", template);
		model.addAttribute("promptText", promptText(template));
		model.addAttribute("questionText", Map.of());
		model.addAttribute("errors", Map.of());
		model.addAttribute("basedOn", String.valueOf(template.currentVersion()));
		return "audits/template-edit";
	}

	/**
	 * Saves the edited texts as the template's next version: each key question's text,
	 * and its prompts one a line.
	 */
	@PostMapping("/audits/templates/{code}")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String saveTemplate(@PathVariable String code, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response) {
		AuditTemplates.Template current = this.templates.current(code)
			.orElseThrow(() -> new NotFound("No template " + code));
		List<TemplateDefinition.StandardDefinition> standards = new ArrayList<>();
		for (AuditTemplates.Standard s : current.standards()) {
			List<TemplateDefinition.KeyQuestionDefinition> questions = new ArrayList<>();
			for (AuditTemplates.KeyQuestion q : s.keyQuestions()) {
				String text = form.getOrDefault("question-" + q.code(), q.text());
				List<TemplateDefinition.PromptDefinition> prompts = new ArrayList<>();
				String[] lines = form.getOrDefault("prompts-" + q.code(), "").split("\\R");
				int n = 0;
				for (String line : Arrays.stream(lines).map(String::trim).filter((l) -> !l.isEmpty()).toList()) {
					prompts.add(new TemplateDefinition.PromptDefinition(q.code() + "." + (char) ('a' + n++), line));
				}
				questions.add(new TemplateDefinition.KeyQuestionDefinition(q.code(), text, prompts));
			}
			standards.add(new TemplateDefinition.StandardDefinition(s.code(), s.title(), questions));
		}
		try {
			int version = this.templates.saveNewVersion(
					new TemplateDefinition(code, current.name(), current.type(), current.frameworkVersion(),
							current.description(), standards),
					user.getUsername(), AuditPages.integer(form.get("version"), "version"));
			return "redirect:/audits/templates/" + code + "?version=" + version;
		}
		catch (IllegalArgumentException | AuditChanged ex) {
			// what was typed is shown back, so that nothing entered is lost
			Map<String, String> typedQuestions = new LinkedHashMap<>();
			Map<String, String> typedPrompts = new LinkedHashMap<>();
			current.keyQuestions().forEach((q) -> {
				typedQuestions.put(q.code(), form.getOrDefault("question-" + q.code(), q.text()));
				typedPrompts.put(q.code(), form.getOrDefault("prompts-" + q.code(), ""));
			});
			if (ex instanceof AuditChanged) {
				response.setStatus(HttpStatus.CONFLICT.value());
			}
			model.addAttribute("template", current);
			model.addAttribute("questionText", typedQuestions);
			model.addAttribute("promptText", typedPrompts);
			model.addAttribute("errors", Map.of("template", ex.getMessage()));
			model.addAttribute("basedOn", form.getOrDefault("version", String.valueOf(current.currentVersion())));
			return "audits/template-edit";
		}
	}

	private static Map<String, String> promptText(AuditTemplates.Template template) {
		Map<String, String> text = new LinkedHashMap<>();
		template.keyQuestions()
			.forEach((q) -> text.put(q.code(),
					String.join("\n", q.prompts().stream().map(AuditTemplates.Prompt::text).toList())));
		return text;
	}

	static PopulationFilter filter(MultiValueMap<String, String> params) {
		Map<String, String> form = params.toSingleValueMap();
		return new PopulationFilter(form.get("unitCode"), params.getOrDefault("eventTypes", List.of()),
				date(form.get("dateFrom"), "start of the date window"),
				date(form.get("dateTo"), "end of the date window"), form.get("staffCode"), form.get("failedMeasure"),
				form.get("failedMeasurePeriod"));
	}

	static Integer integer(String text, String what) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("The " + what + " must be a whole number");
		}
	}

	static BigDecimal decimal(String text) {
		try {
			return new BigDecimal(text.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("The margin of error must be a number like 0.05");
		}
	}

	static LocalDate date(String text, String what) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text.trim());
			if (date.getYear() < 1000 || date.getYear() > 9999) {
				throw new DateTimeParseException("year out of range", text, 0);
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("The " + what + " must be a date like 2024-03-31");
		}
	}

	static YearMonth month(String text, String what) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return org.probity.shared.Period.parseMonth(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The " + what + " must be a month like 2024-04");
		}
	}

	static <E extends Enum<E>> E enumOf(Class<E> type, String value, String message) {
		try {
			return Enum.valueOf(type, value);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(message);
		}
	}

	/** The cases of a list that names them, those without one left out. */
	private static List<Crn> crns(java.util.Collection<String> crns) {
		return crns.stream().filter(java.util.Objects::nonNull).map(Crn::new).toList();
	}

	static List<String> split(String text) {
		return (text == null) ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter((s) -> !s.isBlank()).toList();
	}

}
