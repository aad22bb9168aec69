package org.probity.reports.obligations;

import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contract obligations register over JSON: read it, add an obligation or import a
 * register (text/csv, all or nothing), change one or record a review against its version
 * (409 when stale, 422 with every problem).
 */
@RestController
@RequestMapping("/api/v1/obligations")
@Tag(name = "Contract obligations", description = "Register of contract obligations with their reviews")
class ObligationsApi {

	/**
	 * An obligation as sent: {@code delivery_unit} is the code of a subcontractor's
	 * delivery unit holding it, absent or empty for the provider's own.
	 */
	record EntryJson(String clause, String requirement, String owner, String evidenceKind, String evidenceRef,
			String reviewFrequency, String nextReviewOn, String deliveryUnit, Integer version) {

		Obligations.Entry entry() {
			return new Obligations.Entry(this.clause, this.requirement, this.owner, this.evidenceKind, this.evidenceRef,
					this.reviewFrequency, this.nextReviewOn, this.deliveryUnit);
		}

	}

	record ReviewJson(Integer version, String reviewedOn, String rag, String note) {
	}

	record ObligationJson(long obligationId, String clause, String requirement, String owner, String ownerName,
			String evidenceKind, String evidenceRef, String reviewFrequency, String nextReviewOn, boolean reviewOverdue,
			String deliveryUnit, String deliveryUnitName, String subcontractor, int version,
			Obligations.Review lastReview) {

		static ObligationJson of(Obligations.Obligation o) {
			return new ObligationJson(o.obligationId(), o.clause(), o.requirement(), o.ownerUsername(), o.ownerName(),
					o.evidenceKind().name(), o.evidenceRef(), o.reviewFrequency().name(), o.nextReviewOn().toString(),
					o.overdue(), o.deliveryUnit(), o.deliveryUnitName(), o.subcontractor(), o.version(),
					o.lastReview());
		}

	}

	record DetailJson(ObligationJson obligation, List<Obligations.Review> reviews, List<Obligations.Change> changes) {
	}

	record Error(String message, List<ObligationRefused.Problem> errors) {
	}

	private final Obligations obligations;

	ObligationsApi(Obligations obligations) {
		this.obligations = obligations;
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('API_CLIENT','ADMIN','QUALITY_TEAM','SENIOR_MANAGER')")
	@Operation(summary = "The register",
			description = "Every obligation with its latest review: the provider's own, and a subcontractor's "
					+ "(delivery_unit) where the caller may see its delivery unit")
	List<ObligationJson> list(@AuthenticationPrincipal CurrentUser user) {
		return this.obligations.readableBy(user).stream().map(ObligationJson::of).toList();
	}

	@GetMapping("/{id}")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "One obligation with its reviews and change trail",
			description = "For the register's readers and the obligation's owner")
	DetailJson one(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		Obligations.Obligation o = this.obligations.find(id).orElseThrow(() -> ObligationRefused.notFound(id));
		if (!this.obligations.maySee(user, o)) {
			throw new AccessDeniedException("You may not see this obligation");
		}
		return new DetailJson(ObligationJson.of(o), this.obligations.reviews(id), this.obligations.changes(id));
	}

	@PostMapping(consumes = "application/json")
	@PreAuthorize("hasAnyRole('API_CLIENT','ADMIN','QUALITY_TEAM')")
	@Operation(summary = "Add an obligation",
			description = "delivery_unit (optional): the code of a subcontractor's delivery unit that holds it. "
					+ "201 with the obligation; 422 with every problem")
	ResponseEntity<ObligationJson> create(@RequestBody EntryJson body, @AuthenticationPrincipal CurrentUser user) {
		Obligations.Obligation o = this.obligations.create(body.entry(), user.getUsername());
		return ResponseEntity.created(URI.create("/api/v1/obligations/" + o.obligationId())).body(ObligationJson.of(o));
	}

	@PostMapping(consumes = "text/csv")
	@PreAuthorize("hasAnyRole('API_CLIENT','ADMIN','QUALITY_TEAM')")
	@Operation(summary = "Import a register (text/csv)",
			description = "Columns clause, requirement, owner, evidence_kind, evidence_ref, review_frequency, "
					+ "next_review_on, and optionally delivery_unit (others ignored: an export imports as it is); a "
					+ "known clause is changed. All or " + "nothing: 422 with every bad row (row 1 is the header)")
	Obligations.Imported importCsv(HttpServletRequest request, @AuthenticationPrincipal CurrentUser user)
			throws java.io.IOException {
		return this.obligations.importCsv(new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8),
				user.getUsername());
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAnyRole('API_CLIENT','ADMIN','QUALITY_TEAM')")
	@Operation(summary = "Change an obligation",
			description = "Give the version read; 409 when stale, 422 with every problem")
	ObligationJson edit(@PathVariable long id, @RequestBody EntryJson body, @AuthenticationPrincipal CurrentUser user) {
		if (body.version() == null) {
			throw new IllegalArgumentException("Give the version of the obligation you read");
		}
		return ObligationJson.of(this.obligations.edit(id, body.version(), body.entry(), user.getUsername()));
	}

	@PostMapping("/{id}/reviews")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Record a review",
			description = "By the owner, the quality team, an administrator or an API client; the version read; 409 when stale")
	ResponseEntity<ObligationJson> review(@PathVariable long id, @RequestBody ReviewJson body,
			@AuthenticationPrincipal CurrentUser user) {
		Obligations.Obligation o = this.obligations.find(id).orElseThrow(() -> ObligationRefused.notFound(id));
		if (!this.obligations.maySee(user, o) || !ObligationPages.mayReview(user, o)) {
			throw new AccessDeniedException("Only the obligation's owner or the quality team may review it");
		}
		if (body.version() == null) {
			throw new IllegalArgumentException("Give the version of the obligation you read");
		}
		Obligations.Obligation reviewed = this.obligations.review(id, body.version(), body.reviewedOn(), body.rag(),
				body.note(), user.getUsername());
		return ResponseEntity.status(HttpStatus.CREATED).body(ObligationJson.of(reviewed));
	}

	@ExceptionHandler(ObligationRefused.class)
	ResponseEntity<Error> refused(ObligationRefused ex) {
		HttpStatus status = switch (ex.kind()) {
			case STALE -> HttpStatus.CONFLICT;
			case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
		};
		return ResponseEntity.status(status).body(new Error(ex.getMessage(), ex.problems()));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Map<String, String>> denied(AccessDeniedException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", ex.getMessage()));
	}

	static boolean isApiClient(CurrentUser user) {
		return user.role() == Role.API_CLIENT;
	}

}
