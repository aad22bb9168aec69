package org.probity.improvement.plans;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.probity.accounts.CurrentUser;
import org.probity.estate.Estate;
import org.probity.estate.Unit;
import org.probity.improvement.PlanKind;
import org.probity.shared.web.ProblemPage;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Plans on pages: the list with open, amber and red counts; a plan with its
 * recommendations and actions as of a date; create, import (checked, then confirmed) and
 * archive (confirmed); an action with its history and a progress update (a cancellation
 * confirmed first).
 */
@Controller
@ProblemPage("improvement/problem")
@PreAuthorize("isAuthenticated()")
class PlanPages {

	private final Plans plans;

	private final Actions actions;

	private final Recommendations recommendations;

	private final PublishedInspections inspections;

	private final PlanExports exports;

	private final Estate estate;

	private final Clock clock;

	PlanPages(Plans plans, Actions actions, Recommendations recommendations, PublishedInspections inspections,
			PlanExports exports, Estate estate, Clock clock) {
		this.plans = plans;
		this.actions = actions;
		this.recommendations = recommendations;
		this.inspections = inspections;
		this.exports = exports;
		this.estate = estate;
		this.clock = clock;
	}

	@GetMapping("/improvement")
	@PreAuthorize("isAuthenticated()")
	Object list(@RequestParam(name = "as_of", required = false) LocalDate asOf,
			@RequestParam(defaultValue = "false") boolean archived, @RequestParam(required = false) String format,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		LocalDate day = day(asOf);
		List<Plans.PlanLine> lines = this.plans.list(user, archived, day);
		if ("csv".equals(format) || "xlsx".equals(format)) {
			List<List<Object>> rows = lines.stream()
				.map((l) -> List.<Object>of(l.plan().planId(), l.plan().kind().label(), l.plan().title(),
						l.plan().unitName(), l.plan().owner(), l.actions(), l.open(), l.amber(), l.red()))
				.toList();
			List<String> headers = List.of("Plan", "Kind", "Title", "Unit", "Owner", "Actions", "Open", "Amber", "Red");
			if ("csv".equals(format)) {
				return Documents.download(csv(headers, rows),
						new org.springframework.http.MediaType("text", "csv", StandardCharsets.UTF_8), "plans.csv");
			}
			return Documents.download(
					this.exports.documents()
						.xlsx(List.of(new Documents.Sheet("Plans",
								"Plans as of " + org.probity.shared.Dates.format(day), headers, rows))),
					Documents.XLSX, "plans.xlsx");
		}
		model.addAttribute("lines", lines);
		model.addAttribute("asOf", day);
		model.addAttribute("archived", archived);
		model.addAttribute("mayManage", PlanScope.mayManage(user));
		return "improvement/plans";
	}

	@GetMapping("/improvement/plans/new")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	String newPlan(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("kinds", PlanKind.values());
		model.addAttribute("units", units(user));
		model.addAttribute("inspections", this.inspections.all());
		model.addAttribute("error", null);
		return "improvement/plan-new";
	}

	@PostMapping("/improvement/plans")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	String create(@RequestParam(required = false) PlanKind kind, @RequestParam(required = false) String title,
			@RequestParam(required = false) String unitCode, @RequestParam(required = false) String owner,
			@RequestParam(required = false) Long inspectionId, @AuthenticationPrincipal CurrentUser user, Model model) {
		try {
			org.probity.shared.UnitCode unit = (unitCode != null && !unitCode.isBlank()) ? PlansApi.unitCode(unitCode)
					: null;
			if (unit != null && !this.plans.mayCreateFor(user, unit)) {
				throw new InvalidPlan("unitCode", "You may create plans only for your own units");
			}
			long id = this.plans.create(new Plans.NewPlan(kind, title, unit, owner, null,
					(kind == PlanKind.INSPECTION_RESPONSE) ? inspectionId : null), user.getUsername());
			return "redirect:/improvement/plans/" + id;
		}
		catch (InvalidPlan ex) {
			model.addAttribute("kinds", PlanKind.values());
			model.addAttribute("units", units(user));
			model.addAttribute("inspections", this.inspections.all());
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("errorField", ex.field());
			return "improvement/plan-new";
		}
	}

	@GetMapping("/improvement/plans/{id}")
	@PreAuthorize("isAuthenticated()")
	Object plan(@PathVariable long id, @RequestParam(name = "as_of", required = false) LocalDate asOf,
			@RequestParam(required = false) String format, @AuthenticationPrincipal CurrentUser user, Model model) {
		Plans.Plan plan = this.plans.visible(id, user).orElseThrow(() -> new NotFound("No plan " + id));
		LocalDate day = day(asOf);
		if (format != null) {
			return this.exports.export(plan, format, day);
		}
		List<Recommendation> recs = this.recommendations.of(id);
		model.addAttribute("plan", plan);
		model.addAttribute("asOf", day);
		model.addAttribute("recommendations", recs);
		model.addAttribute("summary", Recommendations.summary(recs));
		model.addAttribute("actions", this.actions.ofPlanFor(id, user, day));
		model.addAttribute("inspection",
				(plan.inspectionId() != null) ? this.inspections.find(plan.inspectionId()).orElse(null) : null);
		model.addAttribute("mayManage", PlanScope.mayManage(user) && !plan.archived());
		return "improvement/plan";
	}

	@GetMapping("/improvement/plans/{id}/import")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	String importForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("plan", this.plans.visible(id, user).orElseThrow(() -> new NotFound("No plan " + id)));
		model.addAttribute("errors", List.of());
		model.addAttribute("message", null);
		return "improvement/import";
	}

	@PostMapping("/improvement/plans/{id}/import")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	String checkImport(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
			@AuthenticationPrincipal CurrentUser user, Model model) throws IOException {
		Plans.Plan plan = this.plans.visible(id, user).orElseThrow(() -> new NotFound("No plan " + id));
		model.addAttribute("plan", plan);
		if (file == null || file.isEmpty()) {
			model.addAttribute("errors", List.of());
			model.addAttribute("message", "Choose a CSV file to import");
			return "improvement/import";
		}
		String csv = new String(file.getBytes(), StandardCharsets.UTF_8);
		try {
			PlanCsv.Parsed parsed = PlanCsv.read(new StringReader(csv));
			model.addAttribute("summary", Recommendations.summary(parsed.recommendations()));
			model.addAttribute("actionCount", parsed.actions().size());
			model.addAttribute("fileName", file.getOriginalFilename());
			model.addAttribute("csvContent", Base64.getEncoder().encodeToString(csv.getBytes(StandardCharsets.UTF_8)));
			return "improvement/import-check";
		}
		catch (InvalidImport ex) {
			model.addAttribute("errors", ex.errors());
			model.addAttribute("message", ex.getMessage());
			return "improvement/import";
		}
	}

	@PostMapping("/improvement/plans/{id}/import/confirm")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	String confirmImport(@PathVariable long id, @RequestParam String csvContent,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
		String csv = new String(Base64.getDecoder().decode(csvContent), StandardCharsets.UTF_8);
		try {
			Recommendations.Imported imported = this.recommendations.importCsv(id, new StringReader(csv), user);
			redirect.addFlashAttribute("notice", imported.recommendations() + " recommendations and "
					+ imported.actions() + " actions were imported.");
			return "redirect:/improvement/plans/" + id;
		}
		catch (InvalidImport | Stale ex) {
			model.addAttribute("plan", this.plans.visible(id, user).orElseThrow());
			model.addAttribute("errors", (ex instanceof InvalidImport ii) ? ii.errors() : List.of());
			model.addAttribute("message", ex.getMessage());
			return "improvement/import";
		}
	}

	@GetMapping("/improvement/plans/{id}/archive")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	String archiveCheck(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Plans.Plan plan = this.plans.visible(id, user).orElseThrow(() -> new NotFound("No plan " + id));
		Plans.PlanLine line = this.plans.list(user, plan.archived(), day(null))
			.stream()
			.filter((l) -> l.plan().planId() == id)
			.findFirst()
			.orElse(null);
		model.addAttribute("plan", plan);
		model.addAttribute("line", line);
		model.addAttribute("error", null);
		return "improvement/archive-check";
	}

	@PostMapping("/improvement/plans/{id}/archive")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	String archive(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
			Model model, RedirectAttributes redirect) {
		try {
			this.plans.archive(id, version, user);
			redirect.addFlashAttribute("notice", "The plan was archived.");
			return "redirect:/improvement/plans/" + id;
		}
		catch (Stale ex) {
			model.addAttribute("plan", this.plans.visible(id, user).orElseThrow());
			model.addAttribute("line", null);
			model.addAttribute("error", ex.getMessage());
			return "improvement/archive-check";
		}
	}

	@PostMapping("/improvement/plans/{id}/actions")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	String addAction(@PathVariable long id, @RequestParam(required = false) String description,
			@RequestParam(required = false) String owner, @RequestParam(required = false) LocalDate targetDate,
			@RequestParam(required = false) Recurrence recurrence, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		Plans.Plan plan = this.plans.visible(id, user).orElseThrow(() -> new NotFound("No plan " + id));
		try {
			long actionId = this.actions.add(plan.planId(),
					new Actions.NewAction(null, null, description, owner, null, targetDate, recurrence, null, null),
					user.getUsername());
			return "redirect:/improvement/actions/" + actionId;
		}
		catch (InvalidPlan ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
			return "redirect:/improvement/plans/" + id + "#add-action";
		}
	}

	@GetMapping("/improvement/actions")
	@PreAuthorize("isAuthenticated()")
	String actionList(@RequestParam(required = false) Rag rag,
			@RequestParam(required = false) org.probity.improvement.SourceKind source,
			@RequestParam(required = false) String ref, @RequestParam(name = "as_of", required = false) LocalDate asOf,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		LocalDate day = day(asOf);
		// ref picks the actions of one source, such as a flag's from its row on
		// /measures/flags (MEASURE:UNIT:YYYY-MM:KIND)
		model.addAttribute("actions",
				this.actions.visibleTo(user, source, day)
					.stream()
					.filter((a) -> rag == null || (a.open() && a.rag() == rag))
					.filter((a) -> ref == null || ref.isBlank() || ref.strip().equals(a.sourceRef()))
					.toList());
		model.addAttribute("rag", rag);
		model.addAttribute("asOf", day);
		return "improvement/actions";
	}

	@GetMapping("/improvement/actions/{id}")
	@PreAuthorize("isAuthenticated()")
	String action(@PathVariable long id, @RequestParam(name = "as_of", required = false) LocalDate asOf,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		ActionView action = this.actions.visible(id, user, day(asOf))
			.orElseThrow(() -> new NotFound("No action " + id));
		model.addAttribute("action", action);
		model.addAttribute("plan", this.plans.find(action.planId()).orElseThrow());
		model.addAttribute("history", this.actions.history(id));
		model.addAttribute("statuses",
				action.open() ? Arrays.stream(ActionStatus.values())
					.filter((s) -> s != ActionStatus.NOT_STARTED || action.status() == ActionStatus.NOT_STARTED)
					.filter((s) -> s != ActionStatus.COMPLETE || action.recurrence() == null)
					.toList() : List.of());
		model.addAttribute("evidenceKinds", EvidenceKind.values());
		if (!model.containsAttribute("error")) {
			model.addAttribute("error", null);
		}
		return "improvement/action";
	}

	@PostMapping("/improvement/actions/{id}/updates")
	@PreAuthorize("isAuthenticated()")
	String update(@PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String note, @RequestParam(required = false) ActionStatus status,
			@RequestParam(required = false) String reason, @RequestParam(required = false) EvidenceKind evidenceKind,
			@RequestParam(required = false) String evidenceRef, @RequestParam(defaultValue = "false") boolean confirmed,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
		ActionView action = this.actions.visible(id, user, day(null))
			.orElseThrow(() -> new NotFound("No action " + id));
		List<Actions.Evidence> evidence = new ArrayList<>();
		if (evidenceRef != null && !evidenceRef.isBlank()) {
			evidence
				.add(new Actions.Evidence((evidenceKind != null) ? evidenceKind : EvidenceKind.DOCUMENT, evidenceRef));
		}
		if (status == ActionStatus.CANCELLED && action.status() != ActionStatus.CANCELLED && !confirmed
				&& reason != null && !reason.isBlank()) {
			model.addAttribute("action", action);
			model.addAttribute("form",
					Map.of("version", String.valueOf(version), "note", (note != null) ? note : "", "reason", reason,
							"evidenceKind", (evidenceKind != null) ? evidenceKind.name() : "", "evidenceRef",
							(evidenceRef != null) ? evidenceRef : ""));
			return "improvement/cancel-check";
		}
		try {
			this.actions.update(id, new Actions.Progress(version, note, status, reason, evidence), user);
			redirect.addFlashAttribute("notice", "Your update was recorded.");
		}
		catch (InvalidPlan | Stale ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			redirect.addFlashAttribute("errorField", (ex instanceof InvalidPlan ip) ? ip.field() : "note");
		}
		return "redirect:/improvement/actions/" + id;
	}

	private List<Unit> units(CurrentUser user) {
		return this.estate.units().stream().filter((u) -> this.plans.mayCreateFor(user, u.code())).toList();
	}

	private LocalDate day(LocalDate asOf) {
		return (asOf != null) ? asOf : LocalDate.now(this.clock);
	}

	private static byte[] csv(List<String> headers, List<List<Object>> rows) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try (org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(
				new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8),
				org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader(headers.toArray(String[]::new)).get())) {
			for (List<Object> row : rows) {
				printer.printRecord(row.stream()
					.map((v) -> (v instanceof String text) ? org.probity.shared.web.TableExport.neutralised(text) : v)
					.toList());
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
