package org.probity.subjectaccess;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.probity.accounts.CurrentUser;
import org.probity.shared.Crn;
import org.probity.shared.StaffCode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/subject-access/case/{crn}} and {@code /staff/{code}}: the whole
 * disclosure as JSON, or with {@code format=pdf} as a tagged PDF. Accounts of the role
 * SUBJECT_ACCESS only (HTTP Basic).
 */
@RestController
@RequestMapping("/api/v1/subject-access")
@PreAuthorize("hasRole('SUBJECT_ACCESS')")
class SubjectAccessApi {

	private final SubjectAccessRequests requests;

	private final SubjectAccessPdf pdf;

	SubjectAccessApi(SubjectAccessRequests requests, SubjectAccessPdf pdf) {
		this.requests = requests;
		this.pdf = pdf;
	}

	@Operation(summary = "Everything Probity holds about a person on probation")
	@GetMapping("/case/{crn}")
	@PreAuthorize("hasRole('SUBJECT_ACCESS')")
	ResponseEntity<?> forCase(@PathVariable String crn, @RequestParam(defaultValue = "json") String format,
			@AuthenticationPrincipal CurrentUser user) {
		boolean asPdf = pdfAsked(format);
		Disclosure disclosure = this.requests.forCase(user, new Crn(crn), asPdf ? "API, PDF" : "API, JSON");
		return answer(disclosure, asPdf, "subject-access-" + crn);
	}

	@Operation(summary = "Everything Probity holds about a member of staff")
	@GetMapping("/staff/{code}")
	@PreAuthorize("hasRole('SUBJECT_ACCESS')")
	ResponseEntity<?> forStaff(@PathVariable String code, @RequestParam(defaultValue = "json") String format,
			@AuthenticationPrincipal CurrentUser user) {
		boolean asPdf = pdfAsked(format);
		Disclosure disclosure = this.requests.forStaff(user, new StaffCode(code), asPdf ? "API, PDF" : "API, JSON");
		return answer(disclosure, asPdf, "subject-access-" + code);
	}

	@ExceptionHandler(SubjectNotFound.class)
	ResponseEntity<Map<String, String>> notFound(SubjectNotFound ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", ex.getMessage()));
	}

	static boolean pdfAsked(String format) {
		return switch (format) {
			case "json" -> false;
			case "pdf" -> true;
			default -> throw new IllegalArgumentException("format is json or pdf");
		};
	}

	ResponseEntity<?> answer(Disclosure disclosure, boolean asPdf, String name) {
		if (asPdf) {
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".pdf\"")
				.body(this.pdf.pdf(disclosure));
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".json\"")
			.body(disclosure);
	}

}
