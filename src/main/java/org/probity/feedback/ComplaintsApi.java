package org.probity.feedback;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.probity.accounts.CaseAccessLog;
import org.probity.accounts.CurrentUser;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Complaints over JSON: log one, record its steps (409 when the version is stale, 422 out
 * of order), read it with every due date and status as of a day.
 */
@RestController
@RequestMapping("/api/v1/complaints")
@Tag(name = "Complaints", description = "Complaints with their stages, due dates in business days and statuses")
@PreAuthorize("hasAnyRole('API_CLIENT','ADMIN','QUALITY_TEAM')")
class ComplaintsApi {

	record Stage1(LocalDate acknowledgeBy, LocalDate acknowledgedOn, ComplaintStatus acknowledgementStatus,
			LocalDate respondBy, LocalDate respondedOn, ComplaintStatus responseStatus, ComplaintOutcome outcome,
			ComplaintStatus status) {
	}

	record Stage2(LocalDate appealBy, LocalDate appealedOn, LocalDate respondBy, LocalDate respondedOn,
			ComplaintStatus responseStatus, ComplaintOutcome outcome) {
	}

	record Ombudsman(LocalDate referredOn, String outcome) {
	}

	record ComplaintJson(long complaintId, int version, LocalDate receivedOn, String channel, String complainant,
			String unitCode, String staffCode, String crn, String summary, List<String> categories, Stage1 stage1,
			Stage2 stage2, Ombudsman ombudsman, Long actionId, LocalDate asOf) {

		static ComplaintJson of(Complaint c, ComplaintTimescales.Timeliness t, LocalDate asOf) {
			return new ComplaintJson(c.id(), c.version(), c.receivedOn(), c.channel(), c.complainant(),
					c.unitCode().value(), Objects.toString(c.staffCode(), null), Objects.toString(c.crn(), null),
					c.summary(), c.categories(),
					new Stage1(t.acknowledgeBy(), c.acknowledgedOn(), t.acknowledgement(), t.respondBy(),
							c.respondedOn(), t.response(), c.outcome(), t.stage1()),
					new Stage2(t.appealBy(), c.appealedOn(), t.appealRespondBy(), c.appealRespondedOn(),
							t.appealResponse(), c.appealOutcome()),
					new Ombudsman(c.ombudsmanReferredOn(), c.ombudsmanOutcome()), c.actionId(), asOf);
		}

	}

	private final Complaints complaints;

	private final FeedbackScope scope;

	private final CaseAccessLog accessLog;

	private final Clock clock;

	ComplaintsApi(Complaints complaints, FeedbackScope scope, CaseAccessLog accessLog, Clock clock) {
		this.complaints = complaints;
		this.scope = scope;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	@PostMapping
	@Operation(summary = "Log a complaint", description = "201 with its due dates; 422 with every problem")
	@PreAuthorize("hasAnyRole('API_CLIENT','ADMIN','QUALITY_TEAM')")
	ResponseEntity<ComplaintJson> log(@RequestBody NewComplaint complaint, @AuthenticationPrincipal CurrentUser user) {
		Complaint logged = this.complaints.log(complaint, user.getUsername());
		LocalDate today = LocalDate.now(this.clock);
		return ResponseEntity.created(URI.create("/api/v1/complaints/" + logged.id()))
			.body(ComplaintJson.of(logged, this.complaints.timeliness(logged, today), today));
	}

	@PostMapping("/{id}/events")
	@Operation(summary = "Record a step of a complaint",
			description = "kind ACKNOWLEDGED, RESPONDED, APPEALED, APPEAL_RESPONDED or OMBUDSMAN_REFERRED, in that"
					+ " order; 409 when version is not the complaint's; 422 out of order")
	@PreAuthorize("hasAnyRole('API_CLIENT','ADMIN','QUALITY_TEAM')")
	ComplaintJson record(@PathVariable long id, @RequestBody ComplaintStep step,
			@AuthenticationPrincipal CurrentUser user) {
		visible(id, user);
		Complaint recorded = this.complaints.record(id, step, user.getUsername());
		LocalDate today = LocalDate.now(this.clock);
		return ComplaintJson.of(recorded, this.complaints.timeliness(recorded, today), today);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A complaint with its due dates and statuses as of a day (default today)")
	@PreAuthorize("hasAnyRole('API_CLIENT','ADMIN','QUALITY_TEAM')")
	ComplaintJson complaint(@PathVariable long id,
			@RequestParam(name = "as_of",
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@AuthenticationPrincipal CurrentUser user) {
		Complaint c = visible(id, user);
		LocalDate day = (asOf != null) ? asOf : LocalDate.now(this.clock);
		return ComplaintJson.of(c, this.complaints.timeliness(c, day), day);
	}

	private Complaint visible(long id, CurrentUser user) {
		Complaint c = this.complaints.find(id).orElseThrow(() -> new FeedbackNotFound("There is no complaint " + id));
		boolean allowed = this.scope.maySee(user, c);
		if (c.crn() != null) {
			this.accessLog.record(user.getUsername(), c.crn(),
					allowed ? CaseAccessLog.Outcome.OPENED : CaseAccessLog.Outcome.REFUSED_OUT_OF_SCOPE);
		}
		if (!allowed) {
			throw new AccessDeniedException("Complaint " + id + " is outside your scope");
		}
		return c;
	}

}
