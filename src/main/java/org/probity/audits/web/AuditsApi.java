package org.probity.audits.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.probity.accounts.CurrentUser;
import org.probity.audits.Answer;
import org.probity.audits.AuditProgrammes;
import org.probity.audits.AuditRatings;
import org.probity.audits.AuditTemplates;
import org.probity.audits.CaseAudits;
import org.probity.audits.KeyQuestionPerformance;
import org.probity.audits.NotFound;
import org.probity.audits.PopulationFilter;
import org.probity.audits.ProgrammeKind;
import org.probity.audits.ProgrammeRequest;
import org.probity.audits.Rating;
import org.probity.audits.Recurrence;
import org.probity.audits.TemplateDefinition;
import org.probity.audits.sampling.ConfidenceLevel;
import org.probity.audits.sampling.SampleSize;
import org.probity.audits.sampling.Samples;
import org.probity.estate.Visibility;
import org.probity.shared.Crn;
import org.probity.shared.web.BrokenRuleStatus;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Case audits over JSON: programmes, samples, audits with their answers, and ratings.
 * Field names are snake_case; errors are JSON with a message (400 unreadable request, 404
 * unknown id, 409 conflict such as a stale version, 422 rule broken).
 */
@RestController
@BrokenRuleStatus(HttpStatus.UNPROCESSABLE_CONTENT)
@RequestMapping("/api/v1/audits")
@Tag(name = "Case audits", description = "Audit programmes, reproducible samples, audits and HMIP-style ratings")
@PreAuthorize("hasAnyRole('API_CLIENT','ADMIN')")
class AuditsApi {

	record PopulationJson(String unitCode, List<String> eventTypes, LocalDate dateFrom, LocalDate dateTo,
			String staffCode, String failedMeasure, String failedMeasurePeriod) {

		PopulationFilter toFilter() {
			return new PopulationFilter(this.unitCode, this.eventTypes, this.dateFrom, this.dateTo, this.staffCode,
					this.failedMeasure, this.failedMeasurePeriod);
		}

		static PopulationJson of(PopulationFilter f) {
			return new PopulationJson(f.unitCode(), f.eventTypes(), f.dateFrom(), f.dateTo(), f.staffCode(),
					f.failedMeasure(), f.failedMeasurePeriod());
		}

	}

	record ProgrammeJson(String name, ProgrammeKind kind, String templateCode, PopulationJson population,
			Integer sampleSize, Integer perPractitioner, List<String> practitioners, Boolean stratified,
			Recurrence recurrence, YearMonth startMonth, YearMonth endMonth, List<String> auditors, Long seed) {
	}

	record ProgressJson(long planned, long done, long doneLate, long open, long late, long missed) {

		static ProgressJson of(AuditProgrammes.Progress p) {
			return new ProgressJson(p.planned(), p.done(), p.doneLate(), p.open(), p.late(), p.missed());
		}

	}

	record RoundJson(long roundId, String periodCode, LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate,
			ProgressJson progress) {
	}

	record ProgrammeResponse(long programmeId, String name, ProgrammeKind kind, String templateCode,
			PopulationJson population, Integer sampleSize, Integer perPractitioner, List<String> practitioners,
			boolean stratified, Recurrence recurrence, YearMonth startMonth, YearMonth endMonth, List<String> auditors,
			long seed, List<RoundJson> rounds) {
	}

	record DrawJson(Integer sampleSize, Boolean stratified, Long seed, LocalDate dueDate) {
	}

	record SampleJson(PopulationJson population, Integer sampleSize, Boolean stratified, Long seed) {
	}

	record SampleCaseJson(int position, String eventId, String crn, String teamCode, String staffCode,
			@JsonInclude(JsonInclude.Include.NON_NULL) Boolean restricted) {
	}

	record SampleResponse(long sampleId, Long programmeId, long seed, PopulationJson population, int populationSize,
			boolean stratified, int requestedSize, Instant drawnAt, String drawnBy, List<SampleCaseJson> cases,
			boolean reproduced) {
	}

	record DrawResponse(long roundId, long sampleId, int audits, SampleResponse sample) {
	}

	record SampleSizeResponse(Long populationSize, int confidence, BigDecimal z, BigDecimal margin,
			BigDecimal unboundedSize, int recommendedSize) {
	}

	record AnswerJson(String keyQuestionCode, Answer answer, String comment) {
	}

	/**
	 * prompt_answers: YES, NO or NOT_APPLICABLE by prompt code; failed_prompts: prompts
	 * answered NO (either may name them).
	 */
	record NewAuditJson(String templateCode, String eventId, Long programmeId, List<AnswerJson> answers,
			List<String> failedPrompts, Boolean alert, String alertReason, String summary,
			Map<String, Answer> promptAnswers) {
	}

	record AuditUpdateJson(Integer version, List<AnswerJson> answers, List<String> failedPrompts, Boolean alert,
			String alertReason, String summary, Boolean complete, Map<String, Answer> promptAnswers) {
	}

	record AuditResponse(long auditId, Long programmeId, Long roundId, String templateCode, int templateVersion,
			String frameworkVersion, String eventId, String crn, String teamCode, String staffCode, String auditor,
			String status, LocalDate dueDate, boolean alert, String alertReason, String summary, Instant completedAt,
			String completedBy, int version, List<AnswerJson> answers, List<String> failedPrompts,
			Map<String, Answer> promptAnswers) {
	}

	/**
	 * performance is yes / (yes + no) to ten places; performance_percent is for display.
	 */
	record KeyQuestionJson(String keyQuestionCode, String text, long yes, long no, long notApplicable,
			BigDecimal performance, BigDecimal performancePercent, Rating rating) {
	}

	record StandardJson(String templateCode, String standardCode, String title, Rating rating,
			List<KeyQuestionJson> keyQuestions) {
	}

	record RatingsResponse(String frameworkVersion, long auditsCompleted, List<StandardJson> standards) {
	}

	record TemplateSaved(String templateCode, int version) {
	}

	private final AuditProgrammes programmes;

	private final Samples samples;

	private final CaseAudits audits;

	private final AuditRatings ratings;

	private final AuditTemplates templates;

	private final Visibility visibility;

	AuditsApi(AuditProgrammes programmes, Samples samples, CaseAudits audits, AuditRatings ratings,
			AuditTemplates templates, Visibility visibility) {
		this.visibility = visibility;
		this.programmes = programmes;
		this.samples = samples;
		this.audits = audits;
		this.ratings = ratings;
		this.templates = templates;
	}

	@PostMapping("/programmes")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Set up an audit programme; rounds already due are created at once")
	ProgrammeResponse createProgramme(@RequestBody ProgrammeJson body, @AuthenticationPrincipal CurrentUser user) {
		if (body == null) {
			throw new IllegalArgumentException("Send the programme as JSON");
		}
		ProgrammeRequest request = new ProgrammeRequest(body.name(), body.kind(), body.templateCode(),
				(body.population() != null) ? body.population().toFilter() : null, body.sampleSize(),
				body.perPractitioner(), body.practitioners(), Boolean.TRUE.equals(body.stratified()),
				(body.recurrence() != null) ? body.recurrence() : Recurrence.NONE, body.startMonth(), body.endMonth(),
				body.auditors(), body.seed());
		return programme(this.programmes.create(request, user.getUsername()).programmeId());
	}

	@GetMapping("/programmes/{id}")
	@Operation(summary = "A programme with its rounds and their progress")
	ProgrammeResponse programme(@PathVariable long id) {
		AuditProgrammes.Programme p = this.programmes.find(id)
			.orElseThrow(() -> new NotFound("No audit programme " + id));
		List<RoundJson> rounds = this.programmes.rounds(id)
			.stream()
			.map((r) -> new RoundJson(r.roundId(), r.periodCode(), r.periodStart(), r.periodEnd(), r.dueDate(),
					ProgressJson.of(r.progress())))
			.toList();
		return new ProgrammeResponse(p.programmeId(), p.name(), p.kind(), p.templateCode(),
				PopulationJson.of(p.population()), p.sampleSize(), p.perPractitioner(), p.practitioners(),
				p.stratified(), p.recurrence(), p.startMonth(), p.endMonth(), p.auditors(), p.seed(), rounds);
	}

	@GetMapping("/programmes/{id}/audits")
	@Operation(summary = "The audits a programme has planned, with their status")
	List<Object> programmeAudits(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		this.programmes.find(id).orElseThrow(() -> new NotFound("No audit programme " + id));
		List<AuditProgrammes.PlannedAudit> audits = this.programmes.audits(id);
		Set<String> restricted = this.visibility.restrictedAmong(user,
				audits.stream()
					.map(AuditProgrammes.PlannedAudit::crn)
					.filter(java.util.Objects::nonNull)
					.map(Crn::new)
					.toList());
		return audits.stream()
			.<Object>map((a) -> restricted.contains(a.crn())
					? new RestrictedAuditJson(a.auditId(), a.roundId(), a.crn(), a.teamCode(), true) : a)
			.toList();
	}

	/**
	 * A planned audit of a restricted case the caller may not open: that it is there,
	 * nothing more.
	 */
	record RestrictedAuditJson(long auditId, long roundId, String crn, String teamCode, boolean restricted) {
	}

	@PostMapping("/programmes/{id}/samples")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Draw a sample for a programme now and plan an audit of each case drawn")
	DrawResponse draw(@PathVariable long id, @RequestBody(required = false) DrawJson body,
			@AuthenticationPrincipal CurrentUser user) {
		DrawJson draw = (body != null) ? body : new DrawJson(null, null, null, null);
		LocalDate due = (draw.dueDate() != null) ? draw.dueDate() : LocalDate.now().plusWeeks(4);
		AuditProgrammes.Draw result = this.programmes.drawNow(id, draw.sampleSize(), draw.stratified(), draw.seed(),
				due, user.getUsername());
		return new DrawResponse(result.roundId(), result.sampleId(), result.audits(), sample(result.sampleId(), user));
	}

	@PostMapping("/samples")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Draw a sample from a population; the seed and population are stored")
	SampleResponse drawSample(@RequestBody SampleJson body, @AuthenticationPrincipal CurrentUser user) {
		if (body == null || body.sampleSize() == null) {
			throw new IllegalArgumentException("Give the sample_size");
		}
		PopulationFilter filter = (body.population() != null) ? body.population().toFilter()
				: PopulationFilter.everything();
		Samples.Sample sample = this.samples.draw(null, null, filter, body.sampleSize(),
				Boolean.TRUE.equals(body.stratified()), body.seed(), user.getUsername());
		return sample(sample.sampleId(), user);
	}

	@GetMapping("/samples/{id}")
	@Operation(summary = "A drawn sample; reproduced is true when drawing again from its seed gives the same cases")
	SampleResponse sample(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		Samples.Sample s = this.samples.find(id).orElseThrow(() -> new NotFound("No sample " + id));
		List<String> again = this.samples.redraw(id).orElse(List.of());
		Set<String> restricted = this.visibility.restrictedAmong(user,
				s.cases()
					.stream()
					.map(Samples.SampleCase::crn)
					.filter(java.util.Objects::nonNull)
					.map(Crn::new)
					.toList());
		List<SampleCaseJson> cases = s.cases()
			.stream()
			.map((c) -> restricted.contains(c.crn())
					? new SampleCaseJson(c.position(), null, c.crn(), c.teamCode(), null, true)
					: new SampleCaseJson(c.position(), c.eventId(), c.crn(), c.teamCode(),
							(c.staffCode() != null) ? c.staffCode().trim() : null, null))
			.toList();
		return new SampleResponse(s.sampleId(), s.programmeId(), s.seed(), PopulationJson.of(s.filters()),
				s.populationSize(), s.stratified(), s.requestedSize(), s.drawnAt(), s.drawnBy(), cases,
				again.equals(s.cases().stream().map(Samples.SampleCase::eventId).toList()));
	}

	@GetMapping("/sample-size")
	@Operation(summary = "The recommended sample size for a confidence level and margin of error")
	SampleSizeResponse sampleSize(@RequestParam(name = "population_size", required = false) Long populationSize,
			@RequestParam(defaultValue = "80") int confidence, @RequestParam(defaultValue = "0.05") BigDecimal margin) {
		ConfidenceLevel level = ConfidenceLevel.ofPercent(confidence);
		return new SampleSizeResponse(populationSize, confidence, level.z(), margin,
				SampleSize.unbounded(level.z(), margin), SampleSize.recommended(level, margin, populationSize));
	}

	@GetMapping("/templates")
	@Operation(summary = "The audit templates and their current versions")
	List<AuditTemplates.Summary> templates() {
		return this.templates.all();
	}

	@GetMapping("/templates/{code}")
	@Operation(summary = "A template's standards, key questions and prompts (current version unless given)")
	AuditTemplates.Template template(@PathVariable String code, @RequestParam(required = false) Integer version) {
		return ((version != null) ? this.templates.version(code, version) : this.templates.current(code))
			.orElseThrow(() -> new NotFound("No template " + code + ((version != null) ? " version " + version : "")));
	}

	@PostMapping("/templates")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Save a template as its next version (or a new template); with If-Match: the version it "
			+ "was made from, 409 when another version was saved since")
	TemplateSaved saveTemplate(@RequestBody TemplateDefinition body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser user) {
		if (body == null) {
			throw new IllegalArgumentException("Send the template as JSON");
		}
		Integer basedOn = null;
		if (ifMatch != null && !ifMatch.isBlank()) {
			try {
				basedOn = Integer.valueOf(ifMatch.replace("W/", "").replace("\"", "").trim());
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("If-Match holds the template version the change was made from");
			}
		}
		return new TemplateSaved(body.code(), this.templates.saveNewVersion(body, user.getUsername(), basedOn));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a completed audit of a case with its answers")
	AuditResponse recordAudit(@RequestBody NewAuditJson body, @AuthenticationPrincipal CurrentUser user) {
		if (body == null || body.templateCode() == null || body.eventId() == null) {
			throw new IllegalArgumentException("Give the template_code and event_id of the audit");
		}
		CaseAudits.Audit audit = this.audits.recordCompleted(body.templateCode(), body.eventId(), body.programmeId(),
				input(0, body.answers(), body.failedPrompts(), body.alert(), body.alertReason(), body.summary(),
						body.promptAnswers()),
				user);
		return response(audit);
	}

	@GetMapping("/{id:\\d+}")
	@Operation(summary = "An audit with its answers and version")
	AuditResponse audit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return response(this.audits.read(id, user));
	}

	@PutMapping("/{id:\\d+}")
	@Operation(summary = "Save answers to an audit (409 when the version is stale); complete it when complete is true")
	AuditResponse updateAudit(@PathVariable long id, @RequestBody AuditUpdateJson body,
			@AuthenticationPrincipal CurrentUser user) {
		if (body == null || body.version() == null) {
			throw new IllegalArgumentException("Give the version of the audit you are changing");
		}
		CaseAudits.Audit saved = this.audits.save(id, input(body.version(), body.answers(), body.failedPrompts(),
				body.alert(), body.alertReason(), body.summary(), body.promptAnswers()), user);
		if (Boolean.TRUE.equals(body.complete())) {
			saved = this.audits.complete(id, saved.version(), user);
		}
		return response(saved);
	}

	@GetMapping("/programmes/{id}/ratings")
	@Operation(summary = "Ratings by standard and key question from a programme's completed audits")
	RatingsResponse programmeRatings(@PathVariable long id) {
		this.programmes.find(id).orElseThrow(() -> new NotFound("No audit programme " + id));
		return ratings(this.ratings.rate(AuditRatings.Scope.programme(id)));
	}

	@GetMapping("/ratings")
	@Operation(summary = "Ratings for a unit, a practitioner, a template or a period of completion")
	RatingsResponse ratings(@RequestParam(name = "unit_code", required = false) String unitCode,
			@RequestParam(name = "staff_code", required = false) String staffCode,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(name = "template_code", required = false) String templateCode) {
		return ratings(this.ratings.rate(new AuditRatings.Scope(null, unitCode, staffCode, from, to, templateCode)));
	}

	private static RatingsResponse ratings(AuditRatings.Result result) {
		return new RatingsResponse(result.frameworkVersion(), result.auditsCompleted(), result.standards()
			.stream()
			.map((s) -> new StandardJson(s.templateCode(), s.code(), s.title(), s.rating(), s.keyQuestions()
				.stream()
				.map((q) -> new KeyQuestionJson(q.code(), q.text(), q.yes(), q.no(), q.notApplicable(),
						new KeyQuestionPerformance(q.code(), q.text(), q.yes(), q.no(), q.notApplicable()).performance()
							.orElse(null),
						q.percent(), q.rating()))
				.toList()))
			.toList());
	}

	private static CaseAudits.AuditInput input(int version, List<AnswerJson> answers, List<String> failedPrompts,
			Boolean alert, String alertReason, String summary, Map<String, Answer> promptAnswers) {
		List<CaseAudits.AnswerInput> inputs = (answers != null) ? answers.stream()
			.map((a) -> new CaseAudits.AnswerInput(a.keyQuestionCode(), a.answer(), a.comment()))
			.toList() : List.of();
		return new CaseAudits.AuditInput(version, inputs, failedPrompts, Boolean.TRUE.equals(alert), alertReason,
				summary, promptAnswers);
	}

	private static AuditResponse response(CaseAudits.Audit a) {
		return new AuditResponse(a.auditId(), a.programmeId(), a.roundId(), a.templateCode(), a.templateVersion(),
				a.frameworkVersion(), a.eventId(), a.crn(), a.teamCode(), a.staffCode(), a.auditor(), a.status(),
				a.dueDate(), a.alert(), a.alertReason(), a.summary(), a.completedAt(), a.completedBy(), a.version(),
				a.answers()
					.values()
					.stream()
					.map((x) -> new AnswerJson(x.keyQuestionCode(), x.answer(), x.comment()))
					.toList(),
				a.failedPrompts().stream().sorted().toList(), a.promptAnswers());
	}

}
