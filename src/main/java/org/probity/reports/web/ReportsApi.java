package org.probity.reports.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.probity.accounts.CurrentUser;
import org.probity.reports.archive.ReportArchive;
import org.probity.reports.archive.ReportKind;
import org.probity.reports.archive.ReportRefused;
import org.probity.reports.archive.ReportStatus;
import org.probity.reports.archive.StoredReport;
import org.probity.reports.packs.DueDates;
import org.probity.reports.packs.MonthlyPacks;
import org.probity.reports.packs.PackContent;
import org.probity.shared.Clocks;
import org.probity.shared.web.TableExport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reports archive as JSON (issue #15, "API"): every kind of report with its status,
 * the frozen content of one, its PDF, XLSX and ODS, generating the month's pack, writing
 * its commentary and moving it along its workflow.
 */
@RestController
@Tag(name = "Reports", description = "The archive of reports: the monthly pack to the Authority and scheduled reports")
class ReportsApi {

	static final int PAGE_SIZE = 50;

	record Links(String self, String pdf, String xlsx, String ods) {
	}

	record Summary(long id, String kind, @JsonProperty("kind_words") String kindWords, String period, String unit,
			@JsonProperty("unit_name") String unitName, int issue, String status, int version, String title,
			@JsonProperty("due_on") LocalDate dueOn, boolean late, Links links) {
	}

	record Page(List<Summary> reports, long total, int page, @JsonProperty("page_size") int pageSize) {
	}

	record Detail(long id, String kind, String period, String unit, int issue, String status, int version, String title,
			@JsonProperty("due_on") LocalDate dueOn, boolean late, @JsonProperty("reissue_reason") String reissueReason,
			@JsonProperty("created_at") Instant createdAt, @JsonProperty("created_by") String createdBy,
			@JsonProperty("submitted_at") Instant submittedAt, @JsonProperty("submitted_by") String submittedBy,
			@JsonProperty("approved_at") Instant approvedAt, @JsonProperty("approved_by") String approvedBy,
			JsonNode content, Links links) {
	}

	record GenerateRequest(String month, String unit, String reason) {
	}

	record StatusRequest(String status, Integer version, String note) {
	}

	/**
	 * The commentary on a measure: why it is below target, what is being done
	 * ({@code action}) and the open action on the measure it links to, if any.
	 */
	record CommentaryRequest(String why, String action, @JsonProperty("action_id") @JsonAlias("actionId") Long actionId,
			Integer version) {
	}

	record Commented(Summary report, String measure, PackContent.Commentary commentary) {
	}

	private final ReportArchive archive;

	private final ReportReading reading;

	private final ReportDocuments documents;

	private final MonthlyPacks packs;

	private final JsonMapper json;

	private final Clock clock;

	ReportsApi(ReportArchive archive, ReportReading reading, ReportDocuments documents, MonthlyPacks packs,
			JsonMapper json, Clock clock) {
		this.archive = archive;
		this.reading = reading;
		this.documents = documents;
		this.packs = packs;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/api/v1/reports")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER','API_CLIENT')")
	@Operation(summary = "Every report the caller may read, newest period first, with kind, period, status and version",
			description = "kind: MONTHLY_PACK, WEEKLY_OPERATIONS, MONTHLY_UNIT, QUARTERLY_EXECUTIVE, COMMITTEE or "
					+ "SUBCONTRACTOR; page from 1, " + PAGE_SIZE + " a page.")
	Page list(@RequestParam(required = false) String kind, @RequestParam(required = false) String page,
			@AuthenticationPrincipal CurrentUser user) {
		Set<ReportKind> kinds = kinds(kind, user);
		int number = page(page);
		java.util.Set<String> units = this.reading.unitsFor(user);
		long total = kinds.isEmpty() ? 0 : this.archive.count(kinds, units);
		List<Summary> reports = kinds.isEmpty() ? List.of()
				: this.archive.list(kinds, units, PAGE_SIZE, (number - 1) * PAGE_SIZE)
					.stream()
					.map(this::summary)
					.toList();
		return new Page(reports, total, number, PAGE_SIZE);
	}

	@GetMapping("/api/v1/reports/{id}")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER','API_CLIENT')")
	@Operation(summary = "One report with its frozen content as JSON (case rows as the caller may see them)")
	Detail one(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		StoredReport r = this.reading.open(id(id), user, "API report").report();
		return new Detail(r.id(), r.kind().name(), r.period(), r.unit().value(), r.issue(), r.status().name(),
				r.version(), r.title(), r.dueOn(), DueDates.late(r, today()), r.reissueReason(), r.createdAt(),
				r.createdBy(), r.submittedAt(), r.submittedBy(), r.approvedAt(), r.approvedBy(),
				this.json.readTree(r.content()), links(r.id()));
	}

	@GetMapping("/api/v1/reports/{id}.pdf")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER','API_CLIENT')")
	@Operation(summary = "The report as a tagged, accessible PDF")
	ResponseEntity<byte[]> pdf(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		StoredReport r = this.reading.open(id(id), user, "API report PDF").report();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ReportPages.fileName(r) + ".pdf\"")
			.body(this.documents.pdf(r));
	}

	@GetMapping("/api/v1/reports/{id}.xlsx")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER','API_CLIENT')")
	@Operation(summary = "The report's tables as an XLSX workbook")
	ResponseEntity<byte[]> xlsx(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		StoredReport r = this.reading.open(id(id), user, "API report XLSX").report();
		return TableExport.response(ReportPages.fileName(r), TableExport.Format.XLSX, this.documents.tables(r));
	}

	@GetMapping("/api/v1/reports/{id}.ods")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER','API_CLIENT')")
	@Operation(summary = "The report's tables as an OpenDocument spreadsheet")
	ResponseEntity<byte[]> ods(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		StoredReport r = this.reading.open(id(id), user, "API report ODS").report();
		return TableExport.response(ReportPages.fileName(r), TableExport.Format.ODS, this.documents.tables(r));
	}

	@PostMapping("/api/v1/reports/monthly-pack")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	@Operation(summary = "Generates the month's pack to the Authority as a draft",
			description = "{\"month\": \"2026-10\"}; unit names the provider when there are several. A draft is "
					+ "generated again from today's data (its commentary kept); an approved pack needs a reason "
					+ "and is re-issued. The month must have ended.")
	ResponseEntity<Summary> generate(@RequestBody(required = false) GenerateRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		if (request == null) {
			throw new IllegalArgumentException("Send the month of the pack: {\"month\": \"2026-10\"}");
		}
		StoredReport r = this.packs.generate(this.packs.month(request.month()), this.packs.provider(request.unit()),
				request.reason(), user);
		return ResponseEntity.created(URI.create("/api/v1/reports/" + r.id())).body(summary(r));
	}

	@PostMapping("/api/v1/reports/{id}/status")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER')")
	@Operation(summary = "Moves a pack along its workflow: SUBMITTED, APPROVED, or DRAFT (returned)",
			description = "{\"status\": \"SUBMITTED\", \"version\": 3}; 409 when the version is not the current one, "
					+ "422 when the report's status does not allow the change.")
	Summary status(@PathVariable String id, @RequestBody(required = false) StatusRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		if (request == null || request.status() == null || request.version() == null) {
			throw new IllegalArgumentException(
					"Send the status and the version you read: " + "{\"status\": \"SUBMITTED\", \"version\": 3}");
		}
		ReportStatus to;
		try {
			to = ReportStatus.valueOf(request.status().strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"status must be SUBMITTED, APPROVED or DRAFT, not '" + request.status() + "'");
		}
		long reportId = id(id);
		StoredReport current = this.archive.find(reportId)
			.orElseThrow(() -> new ReportRefused(ReportRefused.Kind.NOT_FOUND, "There is no report " + id));
		if (!this.reading.mayRead(user, current)) {
			throw new org.springframework.security.access.AccessDeniedException("You may not read this report");
		}
		return summary(this.packs.transition(reportId, request.version(), to, request.note(), user));
	}

	@PutMapping("/api/v1/reports/{id}/commentary/{measure}")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	@Operation(summary = "Writes the commentary on a measure below target in a draft pack",
			description = "{\"why\": \"...\", \"action\": \"what is being done\", \"action_id\": 12, "
					+ "\"version\": 3}; action_id (or actionId) is one of the open actions on the measure the pack "
					+ "lists, or absent. Written over any earlier commentary on the measure. 404 when there is no such "
					+ "report or the pack has no such measure; 422 when the measure is not below its target, the pack "
					+ "is no longer a draft, or a field is missing or too long; 409 when the version is not the "
					+ "current one. Answers the pack's new version and the commentary as written.")
	Commented comment(@PathVariable String id, @PathVariable String measure,
			@RequestBody(required = false) CommentaryRequest request, @AuthenticationPrincipal CurrentUser user) {
		if (request == null || request.version() == null) {
			throw new IllegalArgumentException("Send the commentary and the version you read: "
					+ "{\"why\": \"...\", \"action\": \"...\", \"action_id\": null, \"version\": 3}");
		}
		String code = measure.strip();
		StoredReport r = this.packs.comment(id(id), request.version(), code, request.why(), request.action(),
				request.actionId(), user);
		return new Commented(summary(r), code, this.packs.read(r).commentary().get(code));
	}

	private Summary summary(StoredReport r) {
		return new Summary(r.id(), r.kind().name(), r.kind().words(), r.period(), r.unit().value(),
				this.reading.unitName(r.unit()), r.issue(), r.status().name(), r.version(), r.title(), r.dueOn(),
				DueDates.late(r, today()), links(r.id()));
	}

	private static Links links(long id) {
		String self = "/api/v1/reports/" + id;
		return new Links(self, self + ".pdf", self + ".xlsx", self + ".ods");
	}

	private static Set<ReportKind> kinds(String kind, CurrentUser user) {
		Set<ReportKind> allowed = ReportReading.kindsFor(user);
		if (kind == null || kind.isBlank()) {
			return allowed;
		}
		ReportKind k;
		try {
			k = ReportKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"kind must be one of " + java.util.Arrays.toString(ReportKind.values()) + ", not '" + kind + "'");
		}
		return allowed.contains(k) ? Set.of(k) : Set.of();
	}

	static int page(String page) {
		if (page == null || page.isBlank()) {
			return 1;
		}
		try {
			int n = Integer.parseInt(page.strip());
			if (n < 1 || n > 100_000) {
				throw new NumberFormatException();
			}
			return n;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("page must be a whole number from 1");
		}
	}

	static long id(String id) {
		try {
			long n = Long.parseLong(id.strip());
			if (n < 1) {
				throw new NumberFormatException();
			}
			return n;
		}
		catch (NumberFormatException ex) {
			throw new ReportRefused(ReportRefused.Kind.NOT_FOUND, "There is no report " + id);
		}
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(Clocks.LONDON));
	}

}
