package org.probity.improvement.committee;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.probity.accounts.CurrentUser;
import org.probity.improvement.SourceKind;
import org.probity.improvement.plans.Rag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Risk and Audit Committee report over JSON. */
@RestController
@Tag(name = "Committee report", description = "Open red actions, risks scored 15 or more and open alert cases")
@PreAuthorize("hasAnyRole('API_CLIENT','ADMIN','QUALITY_TEAM')")
class CommitteeApi {

	record SourceJson(SourceKind kind, String ref) {
	}

	record UpdateJson(LocalDate writtenOn, String author, String note) {
	}

	record ActionJson(long actionId, long planId, String planTitle, Integer recNo, int actionNo, String description,
			String owner, LocalDate targetDate, String status, Rag rag, long daysOverdue, int version,
			SourceJson source, UpdateJson latestUpdate) {
	}

	record RiskJson(long riskId, long planId, String planTitle, String description, String owner, int likelihood,
			int impact, int score, Rag rag, LocalDate reviewDate, boolean pastReview) {
	}

	record AlertJson(long auditId, String crn, String teamCode, String teamName, String practitioner, String reason,
			Instant raisedAt, LocalDate dueDate, boolean restricted) {
	}

	record ReportJson(LocalDate asOf, List<ActionJson> actions, List<RiskJson> risks, List<AlertJson> alerts) {
	}

	private final CommitteeReports reports;

	private final Clock clock;

	CommitteeApi(CommitteeReports reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	@GetMapping("/api/v1/reports/committee")
	@Operation(summary = "The Risk and Audit Committee report as of a date (default today)")
	@PreAuthorize("hasAnyRole('API_CLIENT','ADMIN','QUALITY_TEAM')")
	ReportJson report(@RequestParam(name = "as_of", required = false) LocalDate asOf,
			@AuthenticationPrincipal CurrentUser user) {
		CommitteeReports.Report r = this.reports.asOf((asOf != null) ? asOf : LocalDate.now(this.clock), user);
		return new ReportJson(r.asOf(), r.actions().stream().map((x) -> {
			var a = x.action();
			var u = x.latestUpdate();
			return new ActionJson(a.actionId(), a.planId(), x.planTitle(), a.recNo(), a.actionNo(), a.description(),
					a.owner(), a.targetDate(), a.status().name(), a.rag(), a.daysOverdue(), a.version(),
					new SourceJson(a.sourceKind(), a.sourceRef()),
					(u != null) ? new UpdateJson(u.writtenOn(), u.author(), u.note()) : null);
		}).toList(),
				r.risks()
					.stream()
					.map((k) -> new RiskJson(k.riskId(), k.planId(), k.planTitle(), k.description(), k.owner(),
							k.likelihood(), k.impact(), k.score(), k.rag(), k.reviewDate(), k.pastReview()))
					.toList(),
				r.alerts()
					.stream()
					.map((a) -> new AlertJson(a.auditId(), a.crn(), a.teamCode(), a.teamName(), a.practitioner(),
							a.reason(), a.raisedAt(), a.dueDate(), a.restricted()))
					.toList());
	}

}
