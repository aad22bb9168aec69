package org.probity.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.probity.accounts.CaseAccessLog;
import org.probity.accounts.CurrentUser;
import org.probity.shared.web.Table;
import org.probity.shared.web.TableExport;
import org.probity.shared.UnitCode;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Complaint pages: the list with timeliness by unit and month (CSV/XLSX), logging a
 * complaint, a complaint with its stages and recording the next step after checking it.
 * Each complaint is scoped as feedback.md says and its opening logged when it names a
 * case.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
class ComplaintPages {

	private final Complaints complaints;

	private final FeedbackScope scope;

	private final CaseAccessLog accessLog;

	private final Clock clock;

	private final FeedbackReports reports;

	private final FeedbackFormat format;

	ComplaintPages(Complaints complaints, FeedbackScope scope, CaseAccessLog accessLog, Clock clock,
			FeedbackReports reports, FeedbackFormat format) {
		this.reports = reports;
		this.format = format;
		this.complaints = complaints;
		this.scope = scope;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	@GetMapping("/feedback/complaints")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	Object list(@RequestParam(required = false) String unit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String format, @RequestParam(required = false) String table,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		LocalDate today = LocalDate.now(this.clock);
		LocalDate end = (to != null) ? to : today;
		LocalDate start = (from != null) ? from : end.minusYears(1).plusDays(1);
		String root = this.scope.rootUnit(user);
		String chosen = (unit != null && !unit.isBlank()) ? unit.strip() : root;
		if (chosen != null && !this.scope.maySeeUnit(user, chosen)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "That unit is outside your scope");
		}
		List<Complaint> visible = this.complaints
			.receivedUnder((chosen != null) ? new UnitCode(chosen) : null, start, end)
			.stream()
			.filter((c) -> this.scope.maySee(user, c))
			.toList();
		List<Complaints.TimelinessRow> timeliness = this.complaints.timeliness(visible, today);
		if (TableExport.wanted(format)) {
			return "timeliness".equals(table)
					? TableExport.response("complaint-timeliness", format, timelinessExport(timeliness))
					: TableExport.response("complaints", format, listExport(visible, today));
		}
		model.addAttribute("complaints", visible);
		model.addAttribute("timeliness", timeliness);
		model.addAttribute("unit", chosen);
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("today", today);
		model.addAttribute("statuses", visible.stream()
			.collect(java.util.stream.Collectors.toMap(Complaint::id, (c) -> this.complaints.timeliness(c, today))));
		return "feedback/complaints";
	}

	/** The quarterly feedback report as PDF, for the user's units. */
	@GetMapping("/feedback/report.pdf")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	ResponseEntity<byte[]> report(@RequestParam(required = false) String quarter,
			@RequestParam(required = false) String unit, @AuthenticationPrincipal CurrentUser user) {
		LocalDate today = LocalDate.now(this.clock);
		org.probity.shared.Period period;
		try {
			period = (quarter != null && !quarter.isBlank()) ? org.probity.shared.Period.parse(quarter)
					: lastFullQuarter(today);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		String root = this.scope.rootUnit(user);
		String chosen = (unit != null && !unit.isBlank()) ? unit.strip() : root;
		if (chosen != null && !this.scope.maySeeUnit(user, chosen)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "That unit is outside your scope");
		}
		List<Complaint> visible = this.reports.complaintsOf(chosen, period)
			.stream()
			.filter((c) -> this.scope.maySee(user, c))
			.toList();
		FeedbackReports.Report report = this.reports.report(period, chosen, (chosen != null) ? chosen : "All units",
				visible, today);
		return ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"feedback-" + period.code() + ".pdf\"")
			.body(this.reports.pdf(report, this.format));
	}

	static org.probity.shared.Period lastFullQuarter(LocalDate today) {
		int quarter = (today.getMonthValue() - 1) / 3;
		return (quarter == 0) ? org.probity.shared.Period.quarter(today.getYear() - 1, 4)
				: org.probity.shared.Period.quarter(today.getYear(), quarter);
	}

	@GetMapping("/feedback/complaints/new")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String newComplaint(Model model) {
		return form(model, new NewComplaint(null, "EMAIL", null, null, null, null, null, List.of()), Map.of());
	}

	@PostMapping("/feedback/complaints")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String log(@RequestParam(name = "received_on", required = false) String receivedOn,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String complainant,
			@RequestParam(name = "unit_code", required = false) String unitCode,
			@RequestParam(name = "staff_code", required = false) String staffCode,
			@RequestParam(required = false) String crn, @RequestParam(required = false) String summary,
			@RequestParam(required = false) List<String> categories, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		LocalDate received = parse(receivedOn);
		NewComplaint complaint = new NewComplaint(received, channel, complainant, unitCode, staffCode, crn, summary,
				(categories != null) ? categories : List.of());
		if (received == null && receivedOn != null && !receivedOn.isBlank()) {
			return form(model, complaint, Map.of("received_on", "Enter the date as a date, like 2024-03-28"));
		}
		try {
			Complaint logged = this.complaints.log(complaint, user.getUsername());
			return "redirect:/feedback/complaints/" + logged.id();
		}
		catch (InvalidFeedback ex) {
			return form(model, complaint, ex.errors());
		}
	}

	@GetMapping("/feedback/complaints/{id}")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	String complaint(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Complaint c = visible(id, user);
		return show(c, model, Map.of(), null);
	}

	/**
	 * Records the next step: first shown back to check (a step cannot be undone), then
	 * recorded when confirmed; a stale version is refused with a message.
	 */
	@PostMapping("/feedback/complaints/{id}/steps")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String step(@PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String on, @RequestParam(required = false) String outcome,
			@RequestParam int version, @RequestParam(required = false) String confirm,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		Complaint c = visible(id, user);
		ComplaintStep.Kind stepKind = null;
		try {
			stepKind = (kind != null) ? ComplaintStep.Kind.valueOf(kind) : null;
		}
		catch (IllegalArgumentException ex) {
			// shown as a problem below
		}
		LocalDate day = parse(on);
		if (stepKind == null || day == null) {
			return show(c, model, Map.of(stepKind == null ? "kind" : "on",
					(stepKind == null) ? "Choose what happened" : "Enter the date it happened, like 2024-04-05"), null);
		}
		ComplaintStep step = new ComplaintStep(stepKind, day, outcome, version);
		if (confirm == null) {
			model.addAttribute("complaint", c);
			model.addAttribute("step", step);
			return "feedback/complaint-check";
		}
		try {
			this.complaints.record(id, step, user.getUsername());
			return "redirect:/feedback/complaints/" + id;
		}
		catch (InvalidFeedback ex) {
			return show(c, model, ex.errors(), null);
		}
		catch (FeedbackChanged ex) {
			return show(this.complaints.find(id).orElseThrow(), model, Map.of(),
					"Someone else recorded a step on this complaint while you were working. Here it is as it is now: check it and record your step again if it is still needed.");
		}
	}

	private String show(Complaint c, Model model, Map<String, String> errors, String conflict) {
		LocalDate today = LocalDate.now(this.clock);
		model.addAttribute("complaint", c);
		model.addAttribute("timeliness", this.complaints.timeliness(c, today));
		model.addAttribute("errors", errors);
		model.addAttribute("conflict", conflict);
		model.addAttribute("kinds", ComplaintStep.Kind.values());
		model.addAttribute("outcomes", ComplaintOutcome.values());
		return "feedback/complaint";
	}

	private String form(Model model, NewComplaint complaint, Map<String, String> errors) {
		model.addAttribute("complaint", complaint);
		model.addAttribute("errors", errors);
		model.addAttribute("channels", Complaints.CHANNELS);
		model.addAttribute("complainants", Complaints.COMPLAINANTS);
		model.addAttribute("categories", this.complaints.categories());
		return "feedback/complaint-new";
	}

	private Complaint visible(long id, CurrentUser user) {
		Complaint c = this.complaints.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no complaint " + id));
		boolean allowed = this.scope.maySee(user, c);
		if (c.crn() != null) {
			this.accessLog.record(user.getUsername(), c.crn(),
					allowed ? CaseAccessLog.Outcome.OPENED : CaseAccessLog.Outcome.REFUSED_OUT_OF_SCOPE);
		}
		if (!allowed) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This complaint is outside your scope");
		}
		return c;
	}

	private static LocalDate parse(String text) {
		try {
			return (text == null || text.isBlank()) ? null : LocalDate.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	private Table listExport(List<Complaint> list, LocalDate today) {
		List<List<Object>> rows = new ArrayList<>();
		for (Complaint c : list) {
			ComplaintTimescales.Timeliness t = this.complaints.timeliness(c, today);
			rows.add(java.util.Arrays.asList(c.id(), c.receivedOn().toString(), c.unitName(), c.complainant(),
					c.channel(), String.join(" ", c.categories()), str(t.acknowledgeBy()), str(c.acknowledgedOn()),
					str(t.acknowledgement()), str(t.respondBy()), str(c.respondedOn()), str(t.response()),
					str(c.outcome()), str(c.appealedOn()), str(t.appealRespondBy()), str(c.appealRespondedOn()),
					str(t.appealResponse())));
		}
		return Table.titled("Complaints")
			.number("complaint_id")
			.text("received_on", "unit", "complainant", "channel", "categories", "acknowledge_by", "acknowledged_on",
					"acknowledgement_status", "respond_by", "responded_on", "response_status", "outcome", "appealed_on",
					"appeal_respond_by", "appeal_responded_on", "appeal_response_status")
			.rows(rows);
	}

	private static Table timelinessExport(List<Complaints.TimelinessRow> rows) {
		return Table.titled("Complaint timeliness")
			.text("unit", "month")
			.number("received", "acknowledged_on_time", "acknowledged_late", "acknowledgement_open",
					"acknowledgement_overdue", "responded_on_time", "responded_late", "response_open",
					"response_overdue")
			.rows(rows.stream()
				.map((r) -> List.<Object>of(r.unitName() == null ? "" : r.unitName(),
						(r.month() != null) ? r.month().toString() : "All", r.received(), r.acknowledgedOnTime(),
						r.acknowledgedLate(), r.acknowledgementOpen(), r.acknowledgementOverdue(), r.respondedOnTime(),
						r.respondedLate(), r.responseOpen(), r.responseOverdue()))
				.toList());
	}

	private static String str(Object o) {
		return (o != null) ? o.toString() : "";
	}

}
