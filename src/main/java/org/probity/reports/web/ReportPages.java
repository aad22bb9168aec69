package org.probity.reports.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.probity.accounts.CurrentUser;
import org.probity.estate.Unit;
import org.probity.reports.archive.ReportArchive;
import org.probity.reports.archive.ReportKind;
import org.probity.reports.archive.ReportRefused;
import org.probity.reports.archive.ReportStatus;
import org.probity.reports.archive.StoredReport;
import org.probity.reports.packs.DueDates;
import org.probity.reports.packs.MonthlyPacks;
import org.probity.reports.packs.PackContent;
import org.probity.reports.packs.PackFormat;
import org.probity.shared.Clocks;
import org.probity.shared.web.TableExport;

import org.springframework.http.HttpHeaders;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reports pages: the list of every report in the archive (filtered by kind, paged),
 * one report with its workflow (the pack's commentary, submission, approval and
 * re-issue), and its PDF, XLSX and ODS.
 */
@Controller
class ReportPages {

	static final int PAGE_SIZE = 25;

	/** One row of the list. */
	record Row(StoredReport report, String unitName, boolean late) {
	}

	private final ReportArchive archive;

	private final ReportReading reading;

	private final ReportDocuments documents;

	private final MonthlyPacks packs;

	private final Clock clock;

	ReportPages(ReportArchive archive, ReportReading reading, ReportDocuments documents, MonthlyPacks packs,
			Clock clock) {
		this.archive = archive;
		this.reading = reading;
		this.documents = documents;
		this.packs = packs;
		this.clock = clock;
	}

	@GetMapping("/reports")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String page,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		Set<ReportKind> allowed = ReportReading.kindsFor(user);
		ReportKind chosen = null;
		if (kind != null && !kind.isBlank()) {
			try {
				chosen = ReportKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("There is no kind of report '" + kind.strip() + "'");
			}
		}
		Set<ReportKind> kinds = (chosen == null) ? allowed : allowed.contains(chosen) ? Set.of(chosen) : Set.of();
		Set<String> units = this.reading.unitsFor(user);
		long total = kinds.isEmpty() ? 0 : this.archive.count(kinds, units);
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int number = Math.min(ReportsApi.page(page), pages);
		LocalDate today = today();
		List<Row> rows = kinds.isEmpty() ? List.of()
				: this.archive.list(kinds, units, PAGE_SIZE, (number - 1) * PAGE_SIZE)
					.stream()
					.map((r) -> new Row(r, this.reading.unitName(r.unit()), DueDates.late(r, today)))
					.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("kinds", allowed.stream().sorted().toList());
		model.addAttribute("kind", (chosen != null) ? chosen.name() : "");
		model.addAttribute("page", number);
		model.addAttribute("pages", pages);
		model.addAttribute("total", total);
		model.addAttribute("mayDraft", MonthlyPacks.mayDraft(user));
		model.addAttribute("providers", MonthlyPacks.mayDraft(user) ? this.packs.providers() : List.of());
		model.addAttribute("lastMonth", YearMonth.now(this.clock.withZone(Clocks.LONDON)).minusMonths(1).toString());
		model.addAttribute("fmt", PackFormat.INSTANCE);
		return "reports/list";
	}

	@PostMapping("/reports/monthly-pack")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String generate(@RequestParam(required = false) String month, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String reason, @AuthenticationPrincipal CurrentUser user) {
		YearMonth m = this.packs.month(month);
		Unit provider = this.packs.provider(unit);
		StoredReport report = this.packs.generate(m, provider, reason, user);
		return "redirect:/reports/" + report.id();
	}

	@GetMapping("/reports/{id}")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	String report(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
		StoredReport report = this.reading.open(ReportsApi.id(id), user, "Report page").report();
		model.addAttribute("report", report);
		model.addAttribute("unitName", this.reading.unitName(report.unit()));
		model.addAttribute("late", DueDates.late(report, today()));
		model.addAttribute("body", this.documents.body(report));
		model.addAttribute("history", this.archive.history(report.id()));
		model.addAttribute("fmt", PackFormat.INSTANCE);
		boolean pack = report.kind() == ReportKind.MONTHLY_PACK;
		boolean draft = report.status() == ReportStatus.DRAFT;
		model.addAttribute("mayDraft", pack && draft && MonthlyPacks.mayDraft(user));
		model.addAttribute("mayReview",
				pack && report.status() == ReportStatus.SUBMITTED && MonthlyPacks.mayApprove(user));
		model.addAttribute("submittedByMe", user.getUsername().equals(report.submittedBy()));
		model.addAttribute("mayReissue",
				pack && report.status() == ReportStatus.APPROVED && MonthlyPacks.mayDraft(user)
						&& this.archive.latest(report.kind(), report.period(), report.unit())
							.map((l) -> l.id() == report.id())
							.orElse(false));
		PackContent content = pack ? this.packs.read(report) : null;
		model.addAttribute("pack", content);
		return "reports/report";
	}

	@GetMapping("/reports/{id}.pdf")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	ResponseEntity<byte[]> pdf(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		StoredReport r = this.reading.open(ReportsApi.id(id), user, "Report PDF").report();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(r) + ".pdf\"")
			.body(this.documents.pdf(r));
	}

	@GetMapping("/reports/{id}.xlsx")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	ResponseEntity<byte[]> xlsx(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		StoredReport r = this.reading.open(ReportsApi.id(id), user, "Report XLSX").report();
		return TableExport.response(fileName(r), TableExport.Format.XLSX, this.documents.tables(r));
	}

	@GetMapping("/reports/{id}.ods")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	ResponseEntity<byte[]> ods(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		StoredReport r = this.reading.open(ReportsApi.id(id), user, "Report ODS").report();
		return TableExport.response(fileName(r), TableExport.Format.ODS, this.documents.tables(r));
	}

	@PostMapping("/reports/{id}/commentary")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String comment(@PathVariable String id, @RequestParam(required = false) String measure,
			@RequestParam(required = false) String why, @RequestParam(required = false) String what,
			@RequestParam(required = false) String action, @RequestParam(required = false) String version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		long reportId = ReportsApi.id(id);
		Long actionId = null;
		if (action != null && !action.isBlank()) {
			try {
				actionId = Long.parseLong(action.strip());
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("Choose one of the open actions, or none");
			}
		}
		try {
			this.packs.comment(reportId, version(version), (measure == null) ? "" : measure.strip(), why, what,
					actionId, user);
		}
		catch (ReportRefused ex) {
			if (ex.kind() != ReportRefused.Kind.NOT_ALLOWED) {
				throw ex;
			}
			redirect.addFlashAttribute("problem", ex.getMessage());
			redirect.addFlashAttribute("problemMeasure", measure);
			return "redirect:/reports/" + reportId + "#commentary-form-" + measure;
		}
		return "redirect:/reports/" + reportId + "#commentary-form-" + measure;
	}

	@PostMapping("/reports/{id}/status")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER')")
	String status(@PathVariable String id, @RequestParam(required = false) String status,
			@RequestParam(required = false) String version, @RequestParam(required = false) String note,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		long reportId = ReportsApi.id(id);
		ReportStatus to;
		try {
			to = ReportStatus.valueOf((status == null) ? "" : status.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Choose to submit, approve or return the report to draft");
		}
		StoredReport current = this.archive.find(reportId)
			.orElseThrow(() -> new ReportRefused(ReportRefused.Kind.NOT_FOUND, "There is no report " + id));
		if (!this.reading.mayRead(user, current)) {
			throw new AccessDeniedException("You may not read this report");
		}
		try {
			this.packs.transition(reportId, version(version), to,
					(note == null || note.isBlank()) ? null : note.strip(), user);
		}
		catch (ReportRefused ex) {
			if (ex.kind() != ReportRefused.Kind.NOT_ALLOWED) {
				throw ex;
			}
			redirect.addFlashAttribute("problem", ex.getMessage());
			return "redirect:/reports/" + reportId;
		}
		redirect.addFlashAttribute("done", switch (to) {
			case SUBMITTED -> "The pack was submitted for review";
			case APPROVED -> "The pack was approved: its figures are now frozen";
			default -> "The pack was returned to draft";
		});
		return "redirect:/reports/" + reportId;
	}

	@PostMapping("/reports/{id}/regenerate")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String regenerate(@PathVariable String id, @RequestParam(required = false) String version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		long reportId = ReportsApi.id(id);
		this.packs.regenerate(reportId, version(version), user);
		redirect.addFlashAttribute("done", "The draft was generated again from today's data");
		return "redirect:/reports/" + reportId;
	}

	static String fileName(StoredReport r) {
		return r.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + r.period() + "-"
				+ r.unit().value().toLowerCase(Locale.ROOT) + "-issue-" + r.issue();
	}

	private static int version(String version) {
		try {
			return Integer.parseInt((version == null) ? "" : version.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("The form is missing the version of the report: reload it");
		}
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(Clocks.LONDON));
	}

}
