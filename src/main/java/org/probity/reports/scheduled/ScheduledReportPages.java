package org.probity.reports.scheduled;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.probity.accounts.CurrentUser;
import org.probity.reports.archive.ReportArchive;
import org.probity.reports.archive.ReportKind;
import org.probity.reports.archive.StoredReport;
import org.probity.reports.packs.DueDates;
import org.probity.shared.Clocks;
import org.probity.shared.web.TableExport;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The scheduled reports until the reports list is merged: every issued version of the
 * scheduled kinds the user may open, newest first, each rendered from its frozen content
 * and downloadable as a tagged PDF, XLSX or ODS.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
class ScheduledReportPages {

	static final int PAGE_SIZE = 25;

	/** A row of the list: the report, the day it was issued and whether that was late. */
	record Listed(StoredReport report, LocalDate issuedOn, boolean late) {
	}

	private final ReportArchive archive;

	private final ScheduledRenderer renderer;

	private final ReportAccess access;

	private final Clock clock;

	ScheduledReportPages(ReportArchive archive, ScheduledRenderer renderer, ReportAccess access, Clock clock) {
		this.archive = archive;
		this.renderer = renderer;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/reports/scheduled")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	String list(@RequestParam(required = false) String kind, @RequestParam(required = false) Integer page,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		ReportKind chosen = null;
		if (kind != null && !kind.isBlank()) {
			chosen = ScheduledReports.KINDS.stream()
				.filter((k) -> k.name().equals(kind.strip()))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Choose one of the scheduled reports"));
		}
		int p = (page == null) ? 1 : page;
		if (p < 1 || p > 10_000) {
			throw new IllegalArgumentException("The page must be a whole number from 1");
		}
		List<StoredReport> all = new ArrayList<>();
		for (ReportKind k : (chosen != null) ? List.of(chosen) : ScheduledReports.KINDS) {
			all.addAll(this.archive.list(k, 2_000, 0));
		}
		List<StoredReport> open = all.stream()
			.filter((r) -> this.access.mayOpen(user, r, ReportContent.read(r.content())))
			.sorted(Comparator.comparing(StoredReport::createdAt).reversed().thenComparing(StoredReport::id))
			.toList();
		int pages = Math.max(1, (open.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		LocalDate today = LocalDate.now(this.clock);
		model.addAttribute("kinds", ScheduledReports.KINDS);
		model.addAttribute("kind", chosen);
		model.addAttribute("reports", open.stream()
			.skip((long) (p - 1) * PAGE_SIZE)
			.limit(PAGE_SIZE)
			.map((r) -> new Listed(r, LocalDate.ofInstant(r.createdAt(), Clocks.LONDON), DueDates.late(r, today)))
			.toList());
		model.addAttribute("next",
				((chosen != null) ? List.of(chosen) : ScheduledReports.KINDS).stream()
					.map((k) -> next(k, today))
					.toList());
		model.addAttribute("page", p);
		model.addAttribute("pages", pages);
		model.addAttribute("total", open.size());
		return "reports/scheduled";
	}

	/** The period of the kind whose report falls due next, after the day. */
	static ScheduleRules.Due next(ReportKind kind, LocalDate today) {
		ScheduleRules.Due latest = ScheduleRules.latestDue(kind, today);
		return ScheduleRules.containing(kind, latest.to().plusDays(1));
	}

	@GetMapping("/reports/scheduled/{id}")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	String report(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		StoredReport report = opened(id, user, "page of");
		model.addAttribute("report", report);
		model.addAttribute("body", this.renderer.xhtml(report));
		return "reports/scheduled-report";
	}

	@GetMapping("/reports/scheduled/{id}.pdf")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	ResponseEntity<byte[]> pdf(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		StoredReport report = opened(id, user, "PDF of");
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(ReportMails.fileName(report)).build().toString())
			.body(this.renderer.pdf(report));
	}

	@GetMapping({ "/reports/scheduled/{id}.xlsx", "/reports/scheduled/{id}.ods" })
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	ResponseEntity<byte[]> spreadsheet(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
			jakarta.servlet.http.HttpServletRequest request) {
		String format = request.getRequestURI().endsWith(".ods") ? "ods" : "xlsx";
		StoredReport report = opened(id, user, format.toUpperCase() + " of");
		String name = ReportMails.fileName(report).replaceAll("\\.pdf$", "");
		return TableExport.response(name, TableExport.Format.of(format).orElseThrow(), this.renderer.tables(report));
	}

	private StoredReport opened(long id, CurrentUser user, String how) {
		Optional<StoredReport> found = this.archive.find(id).filter((r) -> ScheduledReports.KINDS.contains(r.kind()));
		if (found.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no scheduled report " + id);
		}
		StoredReport report = found.get();
		ReportContent content = ReportContent.read(report.content());
		if (!this.access.mayOpen(user, report, content)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This report is not for your units");
		}
		this.access.logOpening(user, report, content, how);
		return report;
	}

}
