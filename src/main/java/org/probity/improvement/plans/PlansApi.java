package org.probity.improvement.plans;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.probity.accounts.CurrentUser;
import org.probity.audits.Rating;
import org.probity.improvement.PlanKind;
import org.probity.improvement.SourceKind;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inspections, plans, recommendations and actions over JSON (snake_case). Errors are JSON
 * with a message: 400 unreadable, 404 unknown or out of scope, 409 stale version or
 * conflict, 422 broken rule (an import lists every bad row).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Improvement", description = "Inspection responses, plans, recommendations, actions and their RAG")
@PreAuthorize("isAuthenticated()")
class PlansApi {

	record InspectionJson(String name, String unitCode, LocalDate publishedOn, Map<String, String> ratings) {
	}

	record InspectionResponse(long inspectionId, String name, String unitCode, LocalDate publishedOn,
			Map<String, Rating> ratings, Integer score, Rating overall) {

		static InspectionResponse of(PublishedInspections.Inspection i) {
			return new InspectionResponse(i.inspectionId(), i.name(), i.unitCode(), i.publishedOn(), i.ratings(),
					i.score(), i.overall());
		}

	}

	record PlanJson(PlanKind kind, String title, String unitCode, Long inspectionId, String owner, String ownerStaff) {
	}

	record SummaryJson(long agreed, long partlyAgreed, long notAgreed, long total) {
	}

	record RecommendationJson(int recNo, String text, Response response, ReasonCategory reasonCategory,
			String explanation) {
	}

	record SourceJson(SourceKind kind, String ref) {
	}

	record ActionJson(long actionId, long planId, Integer recNo, int actionNo, String description, String owner,
			String ownerStaff, LocalDate targetDate, Recurrence recurrence, ActionStatus status, String cancelReason,
			Rag rag, LocalDate dueDate, int version, SourceJson source) {

		static ActionJson of(ActionView a) {
			return new ActionJson(a.actionId(), a.planId(), a.recNo(), a.actionNo(), a.description(), a.ownerRole(),
					a.ownerStaff(), a.targetDate(), a.recurrence(), a.status(), a.cancelReason(), a.rag(), a.dueDate(),
					a.version(), new SourceJson(a.sourceKind(), a.sourceRef()));
		}

	}

	record PlanResponse(long planId, PlanKind kind, String title, String unitCode, String unitName, String owner,
			Long inspectionId, boolean archived, int version, LocalDate asOf, SummaryJson summary,
			List<RecommendationJson> recommendations, List<ActionJson> actions) {
	}

	record PlanLineJson(long planId, PlanKind kind, String title, String unitCode, String owner, boolean archived,
			long actions, long open, long amber, long red) {
	}

	record PlanList(LocalDate asOf, List<PlanLineJson> plans) {
	}

	record ImportedJson(int recommendations, int actions) {
	}

	record ActionList(LocalDate asOf, List<ActionJson> actions) {
	}

	record NewActionJson(Integer recNo, String description, String owner, String ownerStaff, LocalDate targetDate,
			Recurrence recurrence) {
	}

	record UpdateJson(Integer version, String note, ActionStatus status, String reason,
			List<Actions.Evidence> evidence) {
	}

	record UpdateResponse(long updateId, java.time.Instant writtenAt, LocalDate writtenOn, String author, String note,
			ActionStatus statusFrom, ActionStatus statusTo, String reason, List<Actions.Evidence> evidence) {
	}

	record ArchiveJson(Integer version) {
	}

	private final PublishedInspections inspections;

	private final Plans plans;

	private final Recommendations recommendations;

	private final Actions actions;

	private final Clock clock;

	private final PlanExports exports;

	PlansApi(PublishedInspections inspections, Plans plans, Recommendations recommendations, Actions actions,
			Clock clock, PlanExports exports) {
		this.exports = exports;
		this.inspections = inspections;
		this.plans = plans;
		this.recommendations = recommendations;
		this.actions = actions;
		this.clock = clock;
	}

	@PostMapping("/inspections")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a published inspection: each standard's rating as published (1.1-1.4, 2.1-2.4, "
			+ "4.1, 4.2; a partial set is allowed); score and overall are null unless all ten are given")
	@PreAuthorize("hasAnyRole('API_CLIENT','ADMIN','QUALITY_TEAM')")
	InspectionResponse createInspection(@RequestBody InspectionJson body, @AuthenticationPrincipal CurrentUser user) {
		Map<String, Rating> ratings = new LinkedHashMap<>();
		if (body.ratings() != null) {
			body.ratings().forEach((standard, rating) -> ratings.put(standard, rating(standard, rating)));
		}
		long id = this.inspections.create(body.name(), body.unitCode(), body.publishedOn(), ratings,
				user.getUsername());
		return InspectionResponse.of(this.inspections.find(id).orElseThrow());
	}

	@GetMapping("/inspections/{id}")
	@Operation(summary = "A published inspection with its overall score and rating")
	@PreAuthorize("isAuthenticated()")
	InspectionResponse inspection(@PathVariable long id) {
		return InspectionResponse.of(this.inspections.find(id).orElseThrow(() -> new NotFound("No inspection " + id)));
	}

	@PostMapping("/plans")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a plan of any kind for a unit, with an owner")
	@PreAuthorize("hasAnyRole('API_CLIENT','ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	PlanResponse createPlan(@RequestBody PlanJson body, @AuthenticationPrincipal CurrentUser user) {
		UnitCode unit = unitCode(body.unitCode());
		if (unit != null && !this.plans.mayCreateFor(user, unit)) {
			throw new AccessDeniedException("You may create plans only for your own units");
		}
		long id = this.plans.create(new Plans.NewPlan(body.kind(), body.title(), unit, body.owner(),
				staffCode(body.ownerStaff()), body.inspectionId()), user.getUsername());
		return plan(id, null, user);
	}

	@GetMapping("/plans")
	@Operation(summary = "The plans you may see with their action counts (open, amber, red) as of a date")
	@PreAuthorize("isAuthenticated()")
	PlanList plans(@RequestParam(name = "as_of", required = false) LocalDate asOf,
			@RequestParam(defaultValue = "false") boolean archived, @AuthenticationPrincipal CurrentUser user) {
		LocalDate day = (asOf != null) ? asOf : LocalDate.now(this.clock);
		return new PlanList(day, this.plans.list(user, archived, day)
			.stream()
			.map((l) -> new PlanLineJson(l.plan().planId(), l.plan().kind(), l.plan().title(), l.plan().unitCode(),
					l.plan().owner(), l.plan().archived(), l.actions(), l.open(), l.amber(), l.red()))
			.toList());
	}

	@GetMapping("/plans/{id}")
	@Operation(summary = "A plan with its recommendations, response counts and actions with their RAG as of a date "
			+ "(default today)")
	@PreAuthorize("isAuthenticated()")
	PlanResponse plan(@PathVariable long id, @RequestParam(name = "as_of", required = false) LocalDate asOf,
			@AuthenticationPrincipal CurrentUser user) {
		LocalDate day = (asOf != null) ? asOf : LocalDate.now(this.clock);
		Plans.Plan plan = this.plans.visible(id, user).orElseThrow(() -> new NotFound("No plan " + id));
		List<Recommendation> recs = this.recommendations.of(id);
		Recommendations.Summary s = Recommendations.summary(recs);
		return new PlanResponse(plan.planId(), plan.kind(), plan.title(), plan.unitCode(), plan.unitName(),
				plan.owner(), plan.inspectionId(), plan.archived(), plan.version(), day,
				new SummaryJson(s.agreed(), s.partlyAgreed(), s.notAgreed(), s.total()),
				recs.stream()
					.map((r) -> new RecommendationJson(r.recNo(), r.text(), r.response(), r.reasonCategory(),
							r.explanation()))
					.toList(),
				this.actions.ofPlanFor(id, user, day).stream().map(ActionJson::of).toList());
	}

	@GetMapping("/plans/{id}/export")
	@Operation(summary = "The plan in its published layout: csv (the import layout, round-trips), xlsx or pdf")
	@PreAuthorize("isAuthenticated()")
	org.springframework.http.ResponseEntity<byte[]> export(@PathVariable long id,
			@RequestParam(defaultValue = "csv") String format,
			@RequestParam(name = "as_of", required = false) LocalDate asOf, @AuthenticationPrincipal CurrentUser user) {
		Plans.Plan plan = this.plans.visible(id, user).orElseThrow(() -> new NotFound("No plan " + id));
		return this.exports.export(plan, format, (asOf != null) ? asOf : LocalDate.now(this.clock));
	}

	@PostMapping("/plans/{id}/archive")
	@Operation(summary = "Archive a finished plan (with the version you read)")
	@PreAuthorize("hasAnyRole('API_CLIENT','ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	PlanResponse archive(@PathVariable long id, @RequestBody ArchiveJson body,
			@AuthenticationPrincipal CurrentUser user) {
		if (body.version() == null) {
			throw new InvalidPlan("version", "Give the version of the plan you are archiving");
		}
		this.plans.archive(id, body.version(), user);
		return plan(id, null, user);
	}

	@PostMapping(path = "/plans/{id}/import", consumes = { "text/csv", "text/plain", "application/octet-stream" })
	@Operation(summary = "Import recommendations and actions from the CSV of improvement.md, all or nothing",
			description = "422 lists every bad row (the header is row 1) and nothing is applied.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "text/csv")))
	@PreAuthorize("hasAnyRole('API_CLIENT','ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	ImportedJson importCsv(@PathVariable long id, HttpServletRequest request, @AuthenticationPrincipal CurrentUser user)
			throws IOException {
		Recommendations.Imported imported = this.recommendations.importCsv(id,
				new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8), user);
		return new ImportedJson(imported.recommendations(), imported.actions());
	}

	@PostMapping("/plans/{id}/actions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add an action by hand, to the plan or one of its recommendations")
	@PreAuthorize("hasAnyRole('API_CLIENT','ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	ActionJson addAction(@PathVariable long id, @RequestBody NewActionJson body,
			@AuthenticationPrincipal CurrentUser user) {
		Plans.Plan plan = this.plans.visible(id, user).orElseThrow(() -> new NotFound("No plan " + id));
		long actionId = this.actions.add(plan.planId(),
				new Actions.NewAction(body.recNo(), null, body.description(), body.owner(),
						staffCode(body.ownerStaff()), body.targetDate(), body.recurrence(), null, null),
				user.getUsername());
		return ActionJson.of(this.actions.find(actionId, LocalDate.now(this.clock)).orElseThrow());
	}

	@GetMapping("/actions")
	@Operation(summary = "The actions you may see, of one source or all, with their RAG as of a date")
	@PreAuthorize("isAuthenticated()")
	ActionList actions(@RequestParam(required = false) SourceKind source,
			@RequestParam(name = "as_of", required = false) LocalDate asOf, @AuthenticationPrincipal CurrentUser user) {
		LocalDate day = (asOf != null) ? asOf : LocalDate.now(this.clock);
		return new ActionList(day, this.actions.visibleTo(user, source, day).stream().map(ActionJson::of).toList());
	}

	@GetMapping("/actions/{id}")
	@Operation(summary = "An action with its RAG as of a date")
	@PreAuthorize("isAuthenticated()")
	ActionJson action(@PathVariable long id, @RequestParam(name = "as_of", required = false) LocalDate asOf,
			@AuthenticationPrincipal CurrentUser user) {
		LocalDate day = (asOf != null) ? asOf : LocalDate.now(this.clock);
		return ActionJson.of(this.actions.visible(id, user, day).orElseThrow(() -> new NotFound("No action " + id)));
	}

	@GetMapping("/actions/{id}/updates")
	@Operation(summary = "The action's progress updates, oldest first")
	@PreAuthorize("isAuthenticated()")
	List<UpdateResponse> updates(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		this.actions.visible(id, user, LocalDate.now(this.clock)).orElseThrow(() -> new NotFound("No action " + id));
		return this.actions.history(id)
			.stream()
			.map((u) -> new UpdateResponse(u.updateId(), u.writtenAt(), u.writtenOn(), u.author(), u.note(),
					u.statusFrom(), u.statusTo(), u.reason(), u.evidence()))
			.toList();
	}

	@PostMapping("/actions/{id}/updates")
	@Operation(summary = "Record a dated progress update (with the version you read): a note, a status change, "
			+ "a cancellation with its reason, evidence links; 409 when the version is stale, and nothing changes")
	@PreAuthorize("isAuthenticated()")
	ActionJson update(@PathVariable long id, @RequestBody UpdateJson body, @AuthenticationPrincipal CurrentUser user) {
		return ActionJson.of(this.actions.update(id,
				new Actions.Progress(body.version(), body.note(), body.status(), body.reason(), body.evidence()),
				user));
	}

	private static Rating rating(String standard, String rating) {
		try {
			return Rating.valueOf(rating);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidPlan("ratings", "The rating of " + standard
					+ " must be INADEQUATE, REQUIRES_IMPROVEMENT, GOOD or OUTSTANDING, not " + rating);
		}
	}

	static UnitCode unitCode(String code) {
		try {
			return (code != null) ? new UnitCode(code.trim()) : null;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidPlan("unit_code", ex.getMessage());
		}
	}

	static StaffCode staffCode(String code) {
		try {
			return (code != null && !code.isBlank()) ? new StaffCode(code.trim()) : null;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidPlan("owner_staff", ex.getMessage());
		}
	}

}
