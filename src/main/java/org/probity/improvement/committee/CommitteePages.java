package org.probity.improvement.committee;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.probity.accounts.CurrentUser;
import org.probity.improvement.plans.Documents;
import org.probity.shared.Dates;
import org.probity.shared.web.ProblemPage;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Risk and Audit Committee report as a page, a PDF and a spreadsheet. */
@Controller
@ProblemPage("improvement/problem")
@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
class CommitteePages {

	private final CommitteeReports reports;

	private final Documents documents;

	private final Clock clock;

	CommitteePages(CommitteeReports reports, Documents documents, Clock clock) {
		this.reports = reports;
		this.documents = documents;
		this.clock = clock;
	}

	@GetMapping("/improvement/committee")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	Object report(@RequestParam(name = "as_of", required = false) LocalDate asOf,
			@RequestParam(required = false) String format, @AuthenticationPrincipal CurrentUser user, Model model) {
		LocalDate day = (asOf != null) ? asOf : LocalDate.now(this.clock);
		CommitteeReports.Report report = this.reports.asOf(day, user);
		if ("pdf".equals(format)) {
			return Documents.download(this.documents.pdf("improvement/committee-pdf", Map.of("report", report)),
					MediaType.APPLICATION_PDF, "committee-report-" + day + ".pdf");
		}
		if ("xlsx".equals(format)) {
			return Documents.download(this.documents.xlsx(sheets(report)), Documents.XLSX,
					"committee-report-" + day + ".xlsx");
		}
		model.addAttribute("report", report);
		return "improvement/committee";
	}

	private static List<Documents.Sheet> sheets(CommitteeReports.Report r) {
		String asOf = Dates.format(r.asOf());
		return List.of(
				new Documents.Sheet("Red actions", "Open red actions as of " + asOf,
						List.of("Plan", "Action", "Owner", "Target date", "Days overdue", "Latest update",
								"Update date"),
						r.actions()
							.stream()
							.map((x) -> List.<Object>of(x.planTitle(), x.action().description(), x.action().owner(),
									x.action().targetDate(), x.action().daysOverdue(),
									(x.latestUpdate() != null) ? x.latestUpdate().note() : "None",
									(x.latestUpdate() != null) ? x.latestUpdate().writtenOn() : ""))
							.toList()),
				new Documents.Sheet("Risks", "Risks scored 15 or more as of " + asOf,
						List.of("Plan", "Risk", "Owner", "Likelihood", "Impact", "Score", "RAG", "Review date"),
						r.risks()
							.stream()
							.map((k) -> List.<Object>of(k.planTitle(), k.description(), k.owner(), k.likelihood(),
									k.impact(), k.score(), k.rag().label(), k.reviewDate()))
							.toList()),
				new Documents.Sheet("Open alerts", "Alert cases open on " + asOf,
						List.of("CRN", "Team", "Practitioner", "Concern", "Respond by"),
						r.alerts()
							.stream()
							.map((a) -> List.<Object>of(a.crn(), a.teamName(), a.restricted() ? "" : a.practitioner(),
									a.restricted() ? "Restricted case" : a.reason(), a.dueDate()))
							.toList()));
	}

}
